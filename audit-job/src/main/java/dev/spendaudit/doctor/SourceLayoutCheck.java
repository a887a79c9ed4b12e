package dev.spendaudit.doctor;

import dev.spendaudit.source.SourceInspection;

/**
 * Whether the spend log is LiteLLM's partitioned layout, and whether the legacy table its partitioning script
 * leaves behind still holds history the partitioned table lacks (the copy of old rows is optional, so an install
 * that skipped it has two halves of its history).
 */
final class SourceLayoutCheck {

	private static final String NAME = "source.layout";

	private static final String LEGACY = "\"" + SourceInspection.LEGACY_SPEND_LOGS + "\"";

	private SourceLayoutCheck() {
	}

	static Check of(SourceInspection.Layout layout) {
		String shape = layout.partitioned()
				? "partitioned (" + layout.partitionKey() + ", " + layout.partitions() + " partitions)"
				: "one plain table (not partitioned)";
		if (layout.legacyExists() && !layout.legacyReadable()) {
			return Check.warn(NAME, "\"LiteLLM_SpendLogs\" is " + shape + "; " + LEGACY + " exists but this role may"
					+ " not read it, so whether it holds history the spend log lacks is unknown",
					"GRANT SELECT ON " + LEGACY + " to the role (deploy/create-readonly-role.sql grants every table)");
		}
		if (layout.legacyRowsBefore() > 0) {
			String since = layout.oldestRow() == null ? "it is empty"
					: "its oldest row is " + DoctorFormat.utc(layout.oldestRow());
			return Check.warn(NAME, "\"LiteLLM_SpendLogs\" is " + shape + ", and " + LEGACY + " holds "
					+ DoctorFormat.count(layout.legacyRowsBefore()) + " rows from "
					+ DoctorFormat.utc(layout.legacyOldest()) + " to " + DoctorFormat.utc(layout.legacyNewest())
					+ " that it lacks (" + since + "): history is split across the two, and spend-audit reads only"
					+ " \"LiteLLM_SpendLogs\", so days before then audit as empty",
					"copy the old rows over, as LiteLLM's partitioning script offers (INSERT INTO \"LiteLLM_SpendLogs\""
							+ " SELECT * FROM " + LEGACY
							+ (layout.oldestRow() == null ? "" : " WHERE \"startTime\" < '" + layout.oldestRow() + "'")
							+ "), or accept that reruns of those days are empty until retention drops them");
		}
		return Check.ok(NAME, "\"LiteLLM_SpendLogs\" is " + shape
				+ (layout.legacyExists() ? "; " + LEGACY + " holds nothing older than it" : ""));
	}

}
