package dev.spendaudit.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the job keeps its own tables ({@code spend-audit.store.*}): Spring Batch's job repository, the audited
 * days, what was sent. Blank url, username and password fall back to the source database's.
 *
 * @param schema the PostgreSQL schema, created by Flyway when missing
 */
@ConfigurationProperties(prefix = "spend-audit.store", ignoreUnknownFields = false)
public record StoreSettings(String url, String username, String password, String schema) {

	public StoreSettings {
		schema = (schema == null || schema.isBlank()) ? "spend_audit" : schema.trim();
		if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("spend-audit.store.schema must be a lower-case SQL identifier, not '"
					+ schema + "'");
		}
	}

	@Override
	public String toString() {
		return "StoreSettings[url=" + url + ", username=" + username + ", password="
				+ (password == null ? "" : "****") + ", schema=" + schema + "]";
	}

}
