package dev.spendaudit.reconcile.bill;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One bill file, read whole: what it bills, per day or per request, and the days it covers. Never half-read: a file
 * that does not parse throws {@link BillFormatException} and yields nothing.
 *
 * @param path the file
 * @param sha256 its content's SHA-256 (hex), by which the inbox remembers it
 * @param modified its last-modified time: of two per-day files for one provider and day, the newer one wins
 * @param format the format recognised from its content
 * @param coverage the days it covers, per provider (usually one); none for usage reports, which bill no money
 * @param days money per provider, UTC day and model (empty for per-request files and usage reports)
 * @param usage tokens and requests per provider, UTC day and model (usage reports, and per-day files that count them)
 * @param requests per-request lines (OpenRouter's generation export)
 */
public record BillFile(Path path, String sha256, Instant modified, BillFormat format, List<BillCoverage> coverage,
		List<BilledDay> days, List<BilledUsage> usage, List<BilledRequest> requests) {

	public BillFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(modified, "modified");
		Objects.requireNonNull(format, "format");
		coverage = List.copyOf(coverage);
		days = List.copyOf(days);
		usage = List.copyOf(usage);
		requests = List.copyOf(requests);
	}

}
