package dev.spendaudit.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much the archive keeps a page for ({@code spend-audit.archive.*}).
 *
 * @param maxWorkloads workloads that get a page and a row of their own, the largest by spend over every stored day;
 * the rest fold into one line with their count and money, so a client minting a key per call does not write ten
 * thousand pages
 */
@ConfigurationProperties(prefix = "spend-audit.archive", ignoreUnknownFields = false)
public record ArchiveSettings(@DefaultValue("100") int maxWorkloads) {

	/** Most pages the archive writes for workloads, whatever it is asked. */
	static final int MAX_WORKLOADS = 5000;

	public ArchiveSettings {
		if (maxWorkloads < 1 || maxWorkloads > MAX_WORKLOADS) {
			throw new IllegalArgumentException(
					"spend-audit.archive.max-workloads must be 1.." + MAX_WORKLOADS + ", not " + maxWorkloads);
		}
	}

}
