package dev.spendaudit.prune;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.spendaudit.store.StoreSettings;
import org.jooq.DSLContext;

/**
 * Housekeeping: Spring Batch's records of runs older than {@code spend-audit.store.keep-job-metadata} and the
 * output files older than {@code spend-audit.out-retention} (none, when it is not set). The day facts and the
 * findings stay: they are small, and every baseline and every later night reads them.
 */
public class Pruner {

	private final JobRuns runs;

	private final Duration keepJobMetadata;

	private final Duration outRetention;

	private final Clock clock;

	public Pruner(DSLContext dsl, StoreSettings store, PruneSettings settings, Clock clock) {
		this.runs = new JobRuns(dsl);
		this.keepJobMetadata = store.keepJobMetadata();
		this.outRetention = settings.outRetention();
		this.clock = clock;
	}

	/** Prunes the store's job records and the files in {@code outDir}. */
	public PruneResult prune(Path outDir) {
		LocalDateTime cutoff = LocalDateTime.now(clock.withZone(ZoneId.systemDefault())).minus(keepJobMetadata);
		JobRuns.Removed jobs = runs.removeBefore(cutoff);
		OldOutputFiles.Removed files = outRetention == null ? null
				: OldOutputFiles.removeBefore(outDir, clock.instant().minus(outRetention));
		return new PruneResult(keepJobMetadata, jobs, outRetention, outDir, files);
	}

}
