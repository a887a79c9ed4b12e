package dev.spendaudit.baseline;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The worked check in anchors.md §4: b = $0.30, MAD = $0.08, so σ = 1.4826 × 0.08 = 0.118608. The table rounds σ
 * to 0.119, so its z values differ from the exact ones in the last digit; the outcomes are exact.
 */
class SpikeRuleTests {

	static final SpikeRule RULE = new SpikeRule(DetectionSettings.defaults());

	/** 28 days with median exactly $0.30 and MAD exactly $0.08. */
	static final double[] HISTORY = history();

	static final RollingBaseline TYPICAL = RollingBaseline.of(HISTORY);

	static final RollingBaseline IDLE = RollingBaseline.of(new double[28]);

	@Test
	void theWorkedHistoryHasTheAnchorsBaseline() {
		assertThat(TYPICAL.median()).isCloseTo(0.30, within(1e-12));
		assertThat(TYPICAL.mad()).isCloseTo(0.08, within(1e-12));
		assertThat(TYPICAL.spread(DetectionSettings.defaults().spread())).isCloseTo(0.118608, within(1e-9));
	}

	@Test
	void thirtyCentsBecomingNinetyIsNothingThoughAPureZRuleWouldAlert() {
		SpikeRule.Verdict v = RULE.evaluate(0.90, TYPICAL);
		assertThat(v.excess()).isCloseTo(0.60, within(1e-9));
		assertThat(v.z()).isCloseTo(0.60 / 0.118608, within(1e-6)).isCloseTo(5.0, within(0.1)).isGreaterThan(4);
		assertThat(v.severity()).isNull();
		assertThat(v.rule()).isEqualTo("quiet: excess $0.60 < $1.00 watch floor (z 5.1)");
	}

	@Test
	void threeDollarsIsWatchOnly() {
		SpikeRule.Verdict v = RULE.evaluate(3.00, TYPICAL);
		assertThat(v.excess()).isCloseTo(2.70, within(1e-9));
		assertThat(v.z()).isCloseTo(22.7, within(0.1));
		assertThat(v.severity()).isEqualTo(Severity.WATCH);
		assertThat(v.rule()).isEqualTo("WATCH: excess $2.70 ≥ $1.00, z 22.8 ≥ 3; not ALERT: excess < $5.00");
	}

	@Test
	void sixtyDollarsIsAnAlert() {
		SpikeRule.Verdict v = RULE.evaluate(60.00, TYPICAL);
		assertThat(v.excess()).isCloseTo(59.70, within(1e-9));
		assertThat(v.z()).isCloseTo(502, within(2.0));
		assertThat(v.ratio()).isCloseTo(200, within(1e-9));
		assertThat(v.severity()).isEqualTo(Severity.ALERT);
		assertThat(v.rule()).isEqualTo("ALERT: excess $59.70 ≥ $5.00, 200× ≥ 3×, z 503 ≥ 4");
	}

	@Test
	void sixDollarsOnAnIdleHistoryIsAnAlert() {
		SpikeRule.Verdict v = RULE.evaluate(6.00, IDLE);
		assertThat(v.spread()).isEqualTo(0.05);
		assertThat(v.excess()).isEqualTo(6.00);
		assertThat(v.z()).isCloseTo(120, within(1e-9));
		assertThat(v.ratio()).isNull();
		assertThat(v.severity()).isEqualTo(Severity.ALERT);
		assertThat(v.rule()).isEqualTo("ALERT: excess $6.00 ≥ $5.00, from a zero baseline, z 120 ≥ 4");
	}

	@Test
	void ninetyCentsOnAnIdleHistoryIsBelowTheWatchFloor() {
		SpikeRule.Verdict v = RULE.evaluate(0.90, IDLE);
		assertThat(v.excess()).isEqualTo(0.90);
		assertThat(v.severity()).isNull();
	}

	@Test
	void aLargeSteadyWorkloadDoublingIsNotAnAlert() {
		// $40/day: +$60 is far above the $5 floor and z = 60 / (0.25 x 40) = 6, but 2.5x fails the 3x ratio
		RollingBaseline big = new RollingBaseline(40, 4, 28);
		SpikeRule.Verdict v = RULE.evaluate(100, big);
		assertThat(v.z()).isEqualTo(6);
		assertThat(v.severity()).isEqualTo(Severity.WATCH);
		assertThat(v.rule()).endsWith("not ALERT: 2.5× < 3× baseline");
	}

	@Test
	void anExcessOfExactlyTheFloorPasses() {
		// 53 calls of $0.10 sum to 5.299999999999997 in binary floating point
		double day = 0;
		for (int i = 0; i < 53; i++) {
			day += 0.10;
		}
		assertThat(day - 0.30).isLessThan(5.0);
		assertThat(RULE.evaluate(day, new RollingBaseline(0.30, 0, 28)).severity()).isEqualTo(Severity.ALERT);
	}

	@Test
	void tokenCountsReadAsPeopleSayThem() {
		assertThat(Quantities.tokens(545_375)).isEqualTo("545K");
		assertThat(Quantities.tokens(999_700)).isEqualTo("1M");
		assertThat(Quantities.tokens(1_240_000)).isEqualTo("1.2M");
		assertThat(Quantities.tokens(800)).isEqualTo("800");
	}

	@Test
	void aDropIsNeverASpike() {
		assertThat(RULE.evaluate(0, TYPICAL).severity()).isNull();
	}

	static double[] history() {
		double[] h = new double[28];
		int i = 0;
		for (double[] block : new double[][] { { 5, 0.20 }, { 4, 0.22 }, { 10, 0.30 }, { 4, 0.38 }, { 5, 0.40 } }) {
			for (int n = 0; n < block[0]; n++) {
				h[i++] = block[1];
			}
		}
		return h;
	}

}
