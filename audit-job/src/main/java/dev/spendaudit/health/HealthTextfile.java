package dev.spendaudit.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.health.DayFigures.KindAndSeverity;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * {@code spend-audit.prom} for node_exporter's textfile collector, in the Prometheus text format (written by the
 * Prometheus Java client's own writer). Written to a temporary file in the same folder and renamed over the old
 * one, so the collector never reads half a file.
 */
final class HealthTextfile {

	static final String FILE_NAME = "spend-audit.prom";

	private HealthTextfile() {
	}

	/** Writes the report into {@code dir}, replacing the last one. */
	static Path write(Path dir, RunReport report) throws IOException {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		PrometheusTextFormatWriter.create().write(text, metrics(report));
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + FILE_NAME + ".", ".tmp");
		try {
			Files.write(temp, text.toByteArray());
			// node_exporter usually runs as another user: the file must be readable by it
			if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
				Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
			}
			Path target = dir.resolve(FILE_NAME);
			try {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return target;
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	static MetricSnapshots metrics(RunReport report) {
		List<MetricSnapshot> metrics = new ArrayList<>();
		metrics.add(gauge("spend_audit_last_run_timestamp_seconds", "When the last run ended (Unix time).",
				report.finished().toEpochMilli() / 1000.0));
		metrics.add(gauge("spend_audit_last_run_duration_seconds", "How long the last run took.",
				report.duration().toMillis() / 1000.0));
		metrics.add(gauge("spend_audit_last_run_success",
				"1 when the last run did its work (exit code 0, or 10 for an ALERT day), 0 when it failed.",
				report.exit().done() ? 1 : 0));
		metrics.add(gauge("spend_audit_last_run_exit_code",
				"The last run's exit code (see spend-audit --help: 0 done, 1 failed, 3 configuration, 4 source,"
						+ " 5 store, 6 delivery, 7 output, 8 day locked, 10 ALERT).",
				report.exit().code()));
		metrics.add(gauge("spend_audit_digest_sent",
				"1 when the last audited day's digest has been mailed, 0 when not; NaN when the run could not ask.",
				report.digestSent() == null ? Double.NaN : report.digestSent() ? 1 : 0));
		if (report.day() != null) {
			day(report.day(), metrics);
		}
		return new MetricSnapshots(metrics);
	}

	private static void day(DayFigures day, List<MetricSnapshot> metrics) {
		metrics.add(gauge("spend_audit_last_audited_day_timestamp_seconds",
				"Start of the last audited day in spend-audit.zone (Unix time).", day.dayStart().getEpochSecond()));
		metrics.add(gauge("spend_audit_day_metered_usd", "The last audited day's metered (per-call) spend in USD.",
				day.meteredUsd().doubleValue()));
		metrics.add(gauge("spend_audit_day_total_usd",
				"The last audited day's metered spend plus the flat-fee plans' daily fees, in USD.",
				day.totalUsd().doubleValue()));
		metrics.add(gauge("spend_audit_day_status", "The last audited day's status: 0 OK, 1 WATCH, 2 ALERT.",
				switch (day.status()) {
					case "ALERT" -> 2;
					case "WATCH" -> 1;
					default -> 0;
				}));
		metrics.add(gauge("spend_audit_spend_log_age_seconds",
				"Age of the newest spend-log row when the last run looked (+Inf when the log has no row).",
				day.spendLogAgeSeconds()));
		if (day.newestRow() != null) {
			metrics.add(gauge("spend_audit_spend_log_newest_row_timestamp_seconds",
					"The newest spend-log row the last run saw (Unix time): time() minus this is its age now.",
					day.newestRow().getEpochSecond()));
		}
		GaugeSnapshot.Builder findings = GaugeSnapshot.builder()
			.name("spend_audit_findings")
			.help("The last audited day's findings by kind and severity (a kind with none is absent).");
		for (Map.Entry<KindAndSeverity, Long> e : day.findings().entrySet()) {
			findings.dataPoint(GaugeDataPointSnapshot.builder()
				.labels(Labels.of("kind", e.getKey().kind(), "severity", e.getKey().severity()))
				.value(e.getValue())
				.build());
		}
		metrics.add(findings.build());
	}

	private static GaugeSnapshot gauge(String name, String help, double value) {
		return GaugeSnapshot.builder()
			.name(name)
			.help(help)
			.dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
			.build();
	}

}
