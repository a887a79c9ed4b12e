package dev.spendaudit.core;

/**
 * How loudly a finding speaks, quietest first. The day's status is its worst finding ({@code OK} when none is
 * above INFO).
 */
public enum Severity {

	/** Worth a line in the digest, never an alarm. */
	INFO,
	/** Listed in the digest for a person to look at; no alarm in the subject. */
	WATCH,
	/** In the subject line and at the top: someone should act. */
	ALERT;

	/** The day's status word for the worst of its findings' severities: OK, WATCH or ALERT. */
	public static String status(Iterable<Severity> severities) {
		Severity worst = INFO;
		for (Severity s : severities) {
			if (s.compareTo(worst) > 0) {
				worst = s;
			}
		}
		return worst == INFO ? "OK" : worst.name();
	}

}
