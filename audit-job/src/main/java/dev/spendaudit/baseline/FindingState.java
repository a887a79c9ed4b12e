package dev.spendaudit.baseline;

import java.time.LocalDate;

/**
 * A finding across nights: new today, continuing from earlier nights, or inside a planned window.
 *
 * @param state {@code NEW}, {@code CONTINUING} or {@code PLANNED}
 * @param since the first day of the run of consecutive days with this finding
 * @param day which day of that run this is (1 on the first)
 * @param of how many days the run has, when known: a planned window's length, or the run's length when later
 * days were already audited (a rerun of a past day); null while it may still go on
 * @param note the planned window's note
 */
public record FindingState(String state, LocalDate since, int day, Integer of, String note) {

	public static final String NEW = "NEW";

	public static final String CONTINUING = "CONTINUING";

	public static final String PLANNED = "PLANNED";

	public static FindingState fresh(LocalDate day) {
		return new FindingState(NEW, day, 1, null, null);
	}

	/** How the state reads at the end of a reason: "", " · day 2 of 3, since 2026-11-25", " · planned: reindex (day 1 of 2)". */
	public String suffix() {
		String count = "day " + day + (of != null ? " of " + of : "");
		if (PLANNED.equals(state)) {
			return " · planned" + (note == null || note.isEmpty() ? "" : ": " + note) + " (" + count + ")";
		}
		if (day > 1 || of != null && of > 1) {
			return " · " + count + ", since " + since;
		}
		return "";
	}

}
