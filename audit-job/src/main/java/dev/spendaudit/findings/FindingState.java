package dev.spendaudit.findings;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A finding across nights: new today, continuing from earlier nights, inside a planned window, or resolved (there
 * the day before, gone today).
 *
 * @param state {@code NEW}, {@code CONTINUING}, {@code PLANNED} or {@code RESOLVED}
 * @param since the first day of the run of consecutive days with this finding (of the planned window)
 * @param day which day of that run this is (1 on the first); for RESOLVED, how many days the run lasted
 * @param of how many days the run has, when known: a planned window's length, the run's length when later days
 * were already audited (a rerun of a past day), or a resolved run's; null while it may still go on
 * @param note the planned window's note
 */
@JsonPropertyOrder({ "state", "since", "day", "of", "note" })
public record FindingState(String state, LocalDate since, int day, Integer of, String note) {

	public static final String NEW = "NEW";

	public static final String CONTINUING = "CONTINUING";

	public static final String PLANNED = "PLANNED";

	public static final String RESOLVED = "RESOLVED";

	/** What {@link #suffix()} can have appended to a reason, to take it off again. */
	private static final Pattern SUFFIX = Pattern
		.compile(" · (day \\d+( of \\d+)?, since \\d{4}-\\d{2}-\\d{2}|planned(: .*)? \\(day \\d+( of \\d+)?\\))$");

	public static FindingState fresh(LocalDate day) {
		return new FindingState(NEW, day, 1, null, null);
	}

	/**
	 * How the state reads at the end of a reason: "", " · day 2 of 3, since 2026-11-25",
	 * " · planned: reindex (day 1 of 2)". A resolved finding says it in its reason's first words instead.
	 */
	public String suffix() {
		String count = "day " + day + (of != null ? " of " + of : "");
		if (PLANNED.equals(state)) {
			return " · planned" + (note == null || note.isEmpty() ? "" : ": " + note) + " (" + count + ")";
		}
		if (!RESOLVED.equals(state) && (day > 1 || of != null && of > 1)) {
			return " · " + count + ", since " + since;
		}
		return "";
	}

	/** A stored reason without the state it ended with, so a later night can say it again in its own words. */
	public static String withoutSuffix(String reason) {
		return SUFFIX.matcher(reason).replaceFirst("");
	}

}
