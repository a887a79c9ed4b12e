package dev.spendaudit.source;

import java.util.Set;

import dev.spendaudit.core.AuditDay;

/**
 * The key hashes whose callers the day's read counts along with the day's facts (the retiring keys': see the key
 * watch), so that watching them takes no second pass over the day's rows.
 */
@FunctionalInterface
public interface CallerWatch {

	/** No key is watched. */
	CallerWatch NONE = day -> Set.of();

	/** The hashes to watch on {@code day}, as far as they are known before the day is read. */
	Set<String> hashes(AuditDay day);

}
