package dev.spendaudit.source;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LiteLLM database ({@code spend-audit.source.*}). The job only ever reads it.
 *
 * @param url JDBC URL; blank means the built-in demo database (embedded PostgreSQL)
 * @param username database user
 * @param password database password (never logged: see {@link #toString()})
 * @param masterKeySha256 sha256 hex of the proxy master key, so its calls are named {@code master-key}
 */
@ConfigurationProperties(prefix = "spend-audit.source", ignoreUnknownFields = false)
public record SourceSettings(String url, String username, String password, String masterKeySha256) {

	/** The name every fact row carries while the job reads one gateway. */
	public static final String DEFAULT_NAME = "default";

	public SourceSettings {
		url = blankToNull(url);
		masterKeySha256 = blankToNull(masterKeySha256);
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
				+ ", masterKeySha256=" + (masterKeySha256 == null ? "" : "set") + "]";
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
