package dev.spendaudit.keywatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spendaudit.source.KeyHash;

/**
 * A key being retired ({@code spend-audit.retiring-keys[i]}): never revoke it while it still shows traffic.
 *
 * @param key the key's alias, its {@code key_name} ({@code sk-...abcd}) or its sha256 token hash
 * @param quietDays how many days without traffic make it safe to revoke (default 7)
 * @param note free text for the checklist; its first {@code YYYY-MM-DD} date, if any, is when the key should have
 * gone quiet: still ACTIVE after it is a WATCH
 * @param source the gateway whose key it is, or null to look for it on every gateway
 */
public record RetiringKey(String key, Integer quietDays, String note, String source) {

	static final int DEFAULT_QUIET_DAYS = 7;

	private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");

	public RetiringKey {
		key = key == null ? null : key.trim();
		quietDays = quietDays == null ? DEFAULT_QUIET_DAYS : quietDays;
		note = (note == null || note.isBlank()) ? null : note.trim();
		source = (source == null || source.isBlank()) ? null : source.trim();
	}

	/** Whether the key is looked for on this gateway. */
	public boolean appliesTo(String gateway) {
		return source == null || source.equals(gateway);
	}

	/**
	 * How findings and log lines name the key: as configured, but a sha256 token hash by its 12-character
	 * fingerprint, as the {@code keys} command shows it (never the whole hash).
	 */
	public static String display(String key) {
		return KeyHash.isTokenHash(key) ? KeyHash.fingerprint(key) : key;
	}

	/** The first ISO date in the note, if any: ACTIVE after it is a WATCH. */
	public LocalDate deadline() {
		if (note == null) {
			return null;
		}
		Matcher m = DATE.matcher(note);
		while (m.find()) {
			try {
				return LocalDate.parse(m.group(1));
			}
			catch (DateTimeParseException ex) {
				// not a real date (2026-13-40): keep looking
			}
		}
		return null;
	}

	/** Checks every entry, naming the setting's path in the message. */
	public static List<RetiringKey> validated(List<RetiringKey> keys) {
		if (keys == null) {
			return List.of();
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < keys.size(); i++) {
			RetiringKey k = keys.get(i);
			String path = "spend-audit.retiring-keys[" + i + "].";
			if (k == null || k.key() == null || k.key().isEmpty()) {
				throw new IllegalArgumentException(path + "key must be set (an alias, a key_name or a sha256 token hash)");
			}
			if (k.quietDays() < 1) {
				throw new IllegalArgumentException(path + "quiet-days must be at least 1, not " + k.quietDays());
			}
			if (!seen.add(k.key())) {
				throw new IllegalArgumentException(path + "key '" + k.key() + "' is listed twice");
			}
		}
		return List.copyOf(keys);
	}

}
