package dev.spendaudit.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How one audited day is run.
 *
 * @param outDir where the day's files go
 * @param send whether the digest may be mailed (it still goes out at most once per day)
 * @param resend whether a digest already sent for the day is sent again
 * @param commandPrefix how this installation is invoked, for the rerun command printed in the digest
 * @param missedDays the other days audited before this one in the same catch-up, which its digest lists
 * @param force whether a day the source no longer holds is recomputed (to zeros) instead of keeping its stored facts
 * @param runDays every day of the run this day belongs to, oldest first (empty: the day alone); the archive and
 * housekeeping run once, on the last of them
 */
public record RunOptions(Path outDir, boolean send, boolean resend, String commandPrefix, List<LocalDate> missedDays,
		boolean force, List<LocalDate> runDays) {

	public RunOptions {
		Objects.requireNonNull(outDir, "outDir must not be null");
		commandPrefix = commandPrefix == null ? "java -jar spend-audit.jar" : commandPrefix;
		missedDays = missedDays == null ? List.of() : List.copyOf(missedDays);
		runDays = runDays == null ? List.of() : List.copyOf(runDays);
	}

	public RunOptions(Path outDir, boolean send, boolean resend, String commandPrefix) {
		this(outDir, send, resend, commandPrefix, List.of(), false, List.of());
	}

	/** The same, forcing every day to be read from the source ({@code run --force}). */
	public RunOptions forced(boolean force) {
		return new RunOptions(outDir, send, resend, commandPrefix, missedDays, force, runDays);
	}

	/** The same day run without mail: a day caught up before the newest one. */
	RunOptions withoutMail() {
		return new RunOptions(outDir, false, false, commandPrefix, List.of(), force, runDays);
	}

	RunOptions listing(List<LocalDate> missed) {
		return new RunOptions(outDir, send, resend, commandPrefix, missed, force, runDays);
	}

	/** The same day as one of {@code days}, the whole run it belongs to. */
	RunOptions within(List<LocalDate> days) {
		return new RunOptions(outDir, send, resend, commandPrefix, missedDays, force, days);
	}

}
