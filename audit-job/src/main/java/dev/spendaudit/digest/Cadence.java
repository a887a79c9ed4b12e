package dev.spendaudit.digest;

/**
 * When the nightly digest is mailed ({@code spend-audit.digest.cadence}). Its files are written every night
 * whatever the cadence; only the mail is held back.
 */
public enum Cadence {

	/** Every audited day is mailed (the default, and the behaviour before cadences existed). */
	DAILY,
	/** Only days with an ALERT (or a WATCH, with {@code digest.mail-on: WATCH}) are mailed. */
	ALERTS,
	/** The weekly statement, plus any day at or above {@code digest.mail-on} at once. */
	WEEKLY;

	/** The setting's value, as a person writes it ({@code alerts}). */
	public String setting() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
