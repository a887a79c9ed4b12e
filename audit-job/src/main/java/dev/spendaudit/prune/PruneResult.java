package dev.spendaudit.prune;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.spendaudit.core.Quantities;

/**
 * What a prune removed, as the lines {@code prune} prints and the nightly step logs.
 *
 * @param files null when output files are kept forever ({@code spend-audit.out-retention} not set)
 */
public record PruneResult(Duration keepJobMetadata, JobRuns.Removed jobs, Duration outRetention, Path outDir,
		OldOutputFiles.Removed files) {

	public int jobInstances() {
		return jobs.instances();
	}

	public int jobExecutions() {
		return jobs.executions();
	}

	public List<Path> removedFiles() {
		return files == null ? List.of() : files.files();
	}

	/** One line for the job records, one for the files. */
	public List<String> lines() {
		String kept = "older than " + Quantities.duration(keepJobMetadata) + " (spend-audit.store.keep-job-metadata)";
		String runs = jobs.instances() == 0 ? "job records: none " + kept
				: "job records: removed " + Quantities.count(jobs.instances()) + " job instances, "
						+ Quantities.count(jobs.executions()) + " executions and " + Quantities.count(jobs.steps())
						+ " step executions " + kept + days(jobs.firstDay(), jobs.lastDay());
		String out;
		if (files == null) {
			out = "output files in " + outDir + ": kept forever (spend-audit.out-retention is not set)";
		}
		else {
			String older = " older than " + Quantities.duration(outRetention) + " (spend-audit.out-retention)";
			out = files.files().isEmpty() ? "output files in " + outDir + ": none" + older
					: "output files in " + outDir + ": removed " + Quantities.count(files.files().size()) + " files"
							+ older + days(files.firstDay(), files.lastDay());
		}
		return List.of(runs, out);
	}

	private static String days(Object first, Object last) {
		if (first == null) {
			return "";
		}
		return first.equals(last) ? ", of " + first : ", of the days " + first + " to " + last;
	}

}
