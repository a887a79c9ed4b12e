package dev.spendaudit.digest;

import java.util.Collection;

import dev.spendaudit.core.Severity;

/**
 * Whether a day's digest is mailed under the cadence, and why: the word the subject leads with, or the line the
 * log prints for a day held back.
 *
 * @param mail whether the nightly run mails it
 * @param cadence the cadence in force
 * @param why the subject's first word when mailed for a reason ({@code ALERT}, {@code WATCH}); null under
 * {@code daily}, where every day is mailed
 * @param held why it was not mailed (one line), null when it is
 */
public record MailChoice(boolean mail, Cadence cadence, String why, String held) {

	/** Every day, as before cadences: no reason in the subject. */
	public static MailChoice daily() {
		return new MailChoice(true, Cadence.DAILY, null, null);
	}

	/**
	 * The choice for a day of status {@code status} (OK, WATCH or ALERT) whose digest also reports
	 * {@code otherStatuses} (the other days of a catch-up, which are mailed only through it).
	 */
	public static MailChoice of(Cadence cadence, Severity mailOn, String status, Collection<String> otherStatuses) {
		if (cadence == Cadence.DAILY) {
			return daily();
		}
		String worst = worst(status, otherStatuses);
		if (!worst.equals("OK") && Severity.valueOf(worst).compareTo(mailOn) >= 0) {
			return new MailChoice(true, cadence, worst, null);
		}
		String wanted = mailOn == Severity.WATCH ? "an ALERT or a WATCH" : "an ALERT";
		String day = otherStatuses.isEmpty() ? "the day is " + status
				: "the day is " + status + " and the days it lists are " + worst + " at worst";
		return new MailChoice(false, cadence, null, "cadence " + cadence.setting() + " mails only days with " + wanted
				+ ", " + day);
	}

	private static String worst(String status, Collection<String> others) {
		String worst = status;
		for (String s : others) {
			if (rank(s) > rank(worst)) {
				worst = s;
			}
		}
		return worst;
	}

	private static int rank(String status) {
		return switch (status) {
			case "ALERT" -> 2;
			case "WATCH" -> 1;
			default -> 0;
		};
	}

}
