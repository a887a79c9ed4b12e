package dev.spendaudit.staleness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Is the spend log still being written ({@code spend-audit.freshness.*})?
 *
 * @param warnAge silence (no spend-log rows) this long is worth a look: a WATCH when nothing tells idle from broken
 * @param errorAge silence this long is an ALERT when nothing tells idle from broken
 * @param gapWindow how far back from the end of the audited day the longest gap between rows is looked for
 * @param canaryKey alias of a key expected to call at least hourly (optional); its silence is an ALERT
 * @param canaryMaxSilence the longest the canary may go without a row before it counts as silent
 * @param canarySource the gateway the canary calls through (optional; default: its rows on every gateway count)
 */
@ConfigurationProperties(prefix = "spend-audit.freshness", ignoreUnknownFields = false)
public record FreshnessSettings(@DefaultValue("26h") Duration warnAge, @DefaultValue("36h") Duration errorAge,
		@DefaultValue("72h") Duration gapWindow, String canaryKey, @DefaultValue("90m") Duration canaryMaxSilence,
		String canarySource) {

	static final String PREFIX = "spend-audit.freshness.";

	public FreshnessSettings {
		canaryKey = (canaryKey == null || canaryKey.isBlank()) ? null : canaryKey.trim();
		canarySource = (canarySource == null || canarySource.isBlank()) ? null : canarySource.trim();
		positive("warn-age", warnAge);
		positive("error-age", errorAge);
		positive("gap-window", gapWindow);
		positive("canary-max-silence", canaryMaxSilence);
		if (errorAge.compareTo(warnAge) < 0) {
			throw new IllegalArgumentException(PREFIX + "error-age (" + text(errorAge) + ") must not be shorter than "
					+ PREFIX + "warn-age (" + text(warnAge) + ")");
		}
	}

	/** The defaults, for code that runs without Spring. */
	public static FreshnessSettings defaults() {
		return new FreshnessSettings(Duration.ofHours(26), Duration.ofHours(36), Duration.ofHours(72), null,
				Duration.ofMinutes(90), null);
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(PREFIX + name + " must be a positive duration such as 26h, not "
					+ (value == null ? "empty" : text(value)));
		}
	}

	/** 26h, 90m or 45s: how the settings are written. */
	static String text(Duration d) {
		if (d.toSeconds() % 3600 == 0) {
			return d.toHours() + "h";
		}
		return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
	}

}
