package dev.spendaudit.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job keeps its own tables ({@code spend-audit.store.*}): Spring Batch's job repository, the audited
 * days, what was sent. Blank url, username and password fall back to the source database's.
 *
 * @param schema the PostgreSQL schema, created by Flyway when missing
 * @param keepJobMetadata how long Spring Batch's records of a day's runs are kept ({@code prune}); the day facts
 * and findings are kept whatever its value
 */
@ConfigurationProperties(prefix = "spend-audit.store", ignoreUnknownFields = false)
public record StoreSettings(String url, String username, String password, String schema,
		@DefaultValue("400d") Duration keepJobMetadata) {

	public StoreSettings {
		schema = (schema == null || schema.isBlank()) ? "spend_audit" : schema.trim();
		if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("spend-audit.store.schema must be a lower-case SQL identifier, not '"
					+ schema + "'");
		}
		keepJobMetadata = keepJobMetadata == null ? Duration.ofDays(400) : keepJobMetadata;
		if (keepJobMetadata.isNegative() || keepJobMetadata.isZero()) {
			throw new IllegalArgumentException("spend-audit.store.keep-job-metadata must be positive, not "
					+ keepJobMetadata);
		}
	}

	@Override
	public String toString() {
		return "StoreSettings[url=" + url + ", username=" + username + ", password="
				+ (password == null ? "" : "****") + ", schema=" + schema + ", keepJobMetadata=" + keepJobMetadata
				+ "]";
	}

}
