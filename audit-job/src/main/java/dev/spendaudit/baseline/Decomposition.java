package dev.spendaudit.baseline;

/**
 * A series' change in spend split into more calls, bigger calls and a higher price per token: spend is
 * {@code n} calls × {@code t} tokens per call × {@code p} dollars per token, and the sequential decomposition
 * <pre>
 * volume = (n1 − n0)·t0·p0
 * size   = n1·(t1 − t0)·p0
 * price  = n1·t1·(p1 − p0)
 * </pre>
 * sums exactly to {@code x1 − n0·t0·p0}. The baseline's calls and tokens per call are medians; its price per token
 * is the one implied by the baseline spend ({@code p0 = b / (n0·t0)}), so the three terms sum to the excess
 * {@code x1 − b} itself. When that cannot be (a baseline with spend but no tokens), {@code otherUsd} holds the
 * rest, so the parts always add up to the excess.
 *
 * @param calls0 baseline calls per day ({@code n0})
 * @param tokensPerCall0 baseline tokens per call ({@code t0})
 * @param usdPerMillionTokens0 baseline price ({@code p0}, per million tokens)
 */
public record Decomposition(double calls0, double calls1, double tokensPerCall0, double tokensPerCall1,
		double usdPerMillionTokens0, double usdPerMillionTokens1, double volumeUsd, double sizeUsd, double priceUsd,
		double otherUsd) {

	/** Which term carries most of the change. */
	public enum Driver {

		VOLUME, SIZE, PRICE

	}

	/**
	 * @param n0 baseline calls
	 * @param t0 baseline tokens per call (ignored when {@code n0} is 0: a new series keeps today's call size)
	 * @param b baseline spend
	 * @param n1 calls on the day
	 * @param t1 tokens per call on the day
	 * @param x1 spend on the day
	 */
	public static Decomposition of(double n0, double t0, double b, double n1, double t1, double x1) {
		double p1 = n1 * t1 > 0 ? x1 / (n1 * t1) : Double.NaN;
		if (n0 <= 0) {
			t0 = t1;
		}
		double p0 = n0 * t0 > 0 ? b / (n0 * t0) : (Double.isNaN(p1) ? 0 : p1);
		if (Double.isNaN(p1)) {
			p1 = p0;
		}
		double volume = (n1 - n0) * t0 * p0;
		double size = n1 * (t1 - t0) * p0;
		double price = n1 * t1 * (p1 - p0);
		double other = (x1 - b) - (volume + size + price);
		if (Math.abs(other) < 1e-9) {
			other = 0;
		}
		return new Decomposition(n0, n1, t0, t1, p0 * 1_000_000, p1 * 1_000_000, volume, size, price, other);
	}

	public Driver driver() {
		if (sizeUsd >= volumeUsd && sizeUsd >= priceUsd) {
			return Driver.SIZE;
		}
		return volumeUsd >= priceUsd ? Driver.VOLUME : Driver.PRICE;
	}

	public double totalUsd() {
		return volumeUsd + sizeUsd + priceUsd + otherUsd;
	}

}
