package dev.spendaudit.findings;

import java.util.Objects;

/**
 * A kind of finding a rule reports, and where it stands in the day's order among findings of the same severity:
 * a lower rank comes first. Ranks leave room between kinds (10, 20, ...), so a new kind slots in without
 * renumbering; detection's kinds rank below 100, the freshness of the spend log from 100, flat-fee plans from
 * 200, retiring keys from 300.
 *
 * @param name the kind, as users' scripts read it in the JSON ({@code SPIKE}, {@code LOGGING_OFF}, ...)
 */
public record FindingKind(String name, int rank) {

	public FindingKind {
		Objects.requireNonNull(name, "name must not be null");
	}

}
