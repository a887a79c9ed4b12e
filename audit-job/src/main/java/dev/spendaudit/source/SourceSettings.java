package dev.spendaudit.source;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LiteLLM database ({@code spend-audit.source.*}). The job only ever reads it.
 *
 * @param url JDBC URL; blank means the built-in demo database (embedded PostgreSQL)
 * @param username database user
 * @param password database password (never logged: see {@link #toString()})
 * @param masterKeySha256 sha256 hex of the proxy master key, so its calls are named {@code master-key}
 * @param statementTimeout how long one query may run on LiteLLM's database before PostgreSQL cancels it (and the
 * day fails in one line naming the step), so a nightly audit never holds the proxy's database hostage
 */
@ConfigurationProperties(prefix = "spend-audit.source", ignoreUnknownFields = false)
public record SourceSettings(String url, String username, String password, String masterKeySha256,
		@DefaultValue("15m") Duration statementTimeout) {

	/** The setting's name, for the line a cancelled query fails with. */
	public static final String STATEMENT_TIMEOUT = "spend-audit.source.statement-timeout";

	/** The name every fact row carries while the job reads one gateway. */
	public static final String DEFAULT_NAME = "default";

	public SourceSettings {
		url = blankToNull(url);
		masterKeySha256 = blankToNull(masterKeySha256);
		statementTimeout = statementTimeout == null ? Duration.ofMinutes(15) : statementTimeout;
		if (statementTimeout.isNegative() || statementTimeout.isZero() || statementTimeout.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(STATEMENT_TIMEOUT + " must be a positive duration of at most 24 days"
					+ " (e.g. 15m), not " + statementTimeout);
		}
		if (masterKeySha256 != null) {
			masterKeySha256 = masterKeySha256.toLowerCase(Locale.ROOT);
			if (!masterKeySha256.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException(
						"spend-audit.source.master-key-sha256 must be 64 hex characters (the sha256 of the master key)");
			}
		}
	}

	/** The source (gateway) name the day's facts, the history and the findings carry. */
	public String name() {
		return DEFAULT_NAME;
	}

	/** Whether no LiteLLM database is configured, so the demo database stands in. */
	public boolean isDemo() {
		return url == null;
	}

	@Override
	public String toString() {
		return "SourceSettings[url=" + url + ", username=" + username + ", password=" + (password == null ? "" : "****")
				+ ", masterKeySha256=" + (masterKeySha256 == null ? "" : "set") + ", statementTimeout=" + statementTimeout
				+ "]";
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
