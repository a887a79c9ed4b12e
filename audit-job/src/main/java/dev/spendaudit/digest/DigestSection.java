package dev.spendaudit.digest;

import java.util.Map;

/**
 * A feature's part of the day's digest. Each feature (detection, freshness, subscriptions, retiring keys...)
 * provides one as a bean; the assembler asks every section, in {@code @Order}, for its top-level JSON fields, after
 * the attribution rollup is assembled. A feature's findings are not a section's: its
 * {@link dev.spendaudit.findings.FindingRule} reports them, and the digest reads the day's findings from the one
 * findings store.
 */
public interface DigestSection {

	/**
	 * Top-level fields this feature adds to the day's JSON (e.g. {@code freshness}), by name. Values are records,
	 * lists, numbers or strings; names are a contract once released.
	 * @param core the day's digest so far: date, zone, metered spend, workloads, findings
	 */
	Map<String, Object> fields(DigestDocument core);

}
