package dev.spendaudit.schedule;

import java.time.LocalDate;

/**
 * Hears how a run of several days goes, for the terminal: a progress bar, one line per day, or nothing.
 */
public interface DayListener {

	/** Nothing to hear. */
	DayListener NONE = new DayListener() {
	};

	/** Day {@code number} of {@code total} (1-based) is about to be audited. */
	default void starting(LocalDate day, int number, int total) {
	}

	/** Day {@code number} of {@code total} ended with {@code result}. */
	default void finished(DayResult result, int number, int total) {
	}

}
