package dev.spendaudit.digest;

import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Finding;

/**
 * A feature's part of the day's digest. Each feature (detection, freshness, subscriptions, retiring keys...)
 * provides one as a bean; the assembler asks every section, in {@code @Order}, for its top-level JSON fields and
 * its findings, after the attribution rollup is assembled.
 */
public interface DigestSection {

	/**
	 * Top-level fields this feature adds to the day's JSON (e.g. {@code freshness}), by name. Values are records,
	 * lists, numbers or strings; names are a contract once released.
	 * @param core the day's digest so far: date, zone, metered spend, workloads
	 */
	Map<String, Object> fields(DigestDocument core);

	/** The feature's findings for the day. */
	default List<Finding> findings(DigestDocument core) {
		return List.of();
	}

}
