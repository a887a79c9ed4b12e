package dev.spendaudit.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Attribution by tag ({@code spend-audit.tags.*}): for people who name the workload in a request tag instead of in
 * the key. Owned here because the day's read is where a request's workload is decided.
 *
 * @param workloadPrefix a tag starting with it names the request's workload (the rest of the tag), e.g.
 * {@code workload:}; unset (the default) leaves every request with its key's workload
 */
@ConfigurationProperties(prefix = "spend-audit.tags", ignoreUnknownFields = false)
public record TagWorkloadSettings(String workloadPrefix) {

	public TagWorkloadSettings {
		if (workloadPrefix != null && workloadPrefix.isEmpty()) {
			workloadPrefix = null;
		}
		if (workloadPrefix != null && workloadPrefix.isBlank()) {
			throw new IllegalArgumentException("spend-audit.tags.workload-prefix must not be only whitespace: leave it"
					+ " unset to attribute every request by its key");
		}
	}

	/** Off: every request keeps its key's workload. */
	public static TagWorkloadSettings off() {
		return new TagWorkloadSettings(null);
	}

	public boolean on() {
		return workloadPrefix != null;
	}

}
