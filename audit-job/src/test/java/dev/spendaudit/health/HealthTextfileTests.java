package dev.spendaudit.health;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.health.DayFigures.KindAndSeverity;
import dev.spendaudit.testsupport.PromFile;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spend-audit.prom} read back with a Prometheus text-format parser: every metric with its help and type,
 * the values of the report, written by renaming a temporary file.
 */
class HealthTextfileTests {

	static final Instant STARTED = Instant.parse("2026-11-27T06:15:00Z");

	static final DayFigures DAY = new DayFigures(LocalDate.of(2026, 11, 26), Instant.parse("2026-11-26T00:00:00Z"),
			"ALERT", new BigDecimal("61.20481"), new BigDecimal("63.07281446"),
			Map.of(new KindAndSeverity("SPIKE", "ALERT"), 1L, new KindAndSeverity("BUDGET", "WATCH"), 2L),
			Instant.parse("2026-11-26T23:52:44Z"), 22_936.0);

	@TempDir
	Path dir;

	@Test
	void everyMetricHasHelpAndTypeAndTheReportsValues() throws Exception {
		RunReport report = new RunReport(ExitCode.ALERT, "2026-11-26 is an ALERT: SPIKE", STARTED,
				STARTED.plusSeconds(42), DAY, true);
		Path file = HealthTextfile.write(dir, report);

		assertThat(file).isEqualTo(dir.resolve("spend-audit.prom"));
		PromFile prom = PromFile.read(file);
		for (MetricFamily family : prom.families().values()) {
			assertThat(family.getHelp()).as(family.getName()).isNotBlank();
			assertThat(family.getType()).as(family.getName()).isEqualTo(MetricType.GAUGE);
		}
		assertThat(prom.families()).containsKeys("spend_audit_last_run_timestamp_seconds",
				"spend_audit_last_run_success", "spend_audit_last_run_exit_code",
				"spend_audit_last_audited_day_timestamp_seconds", "spend_audit_day_metered_usd",
				"spend_audit_day_total_usd", "spend_audit_findings", "spend_audit_spend_log_age_seconds",
				"spend_audit_digest_sent");
		assertThat(prom.value("spend_audit_last_run_timestamp_seconds")).isEqualTo(1_795_760_142.0);
		assertThat(prom.value("spend_audit_last_run_duration_seconds")).isEqualTo(42.0);
		assertThat(prom.value("spend_audit_last_run_success")).isEqualTo(1.0);
		assertThat(prom.value("spend_audit_last_run_exit_code")).isEqualTo(10.0);
		assertThat(prom.value("spend_audit_last_audited_day_timestamp_seconds")).isEqualTo(1_795_651_200.0);
		assertThat(prom.value("spend_audit_day_metered_usd")).isEqualTo(61.20481);
		assertThat(prom.value("spend_audit_day_total_usd")).isEqualTo(63.07281446);
		assertThat(prom.value("spend_audit_day_status")).isEqualTo(2.0);
		assertThat(prom.value("spend_audit_findings", Map.of("kind", "SPIKE", "severity", "ALERT"))).isEqualTo(1.0);
		assertThat(prom.value("spend_audit_findings", Map.of("kind", "BUDGET", "severity", "WATCH"))).isEqualTo(2.0);
		assertThat(prom.value("spend_audit_spend_log_age_seconds")).isEqualTo(22_936.0);
		assertThat(prom.value("spend_audit_digest_sent")).isEqualTo(1.0);
	}

	@Test
	void aFailedRunBeforeAnyDayHasNoDayFiguresAndAnUnknownDigest() throws Exception {
		RunReport report = new RunReport(ExitCode.SOURCE, "cannot connect", STARTED, STARTED.plusSeconds(3), null,
				null);
		PromFile prom = PromFile.read(HealthTextfile.write(dir, report));
		assertThat(prom.value("spend_audit_last_run_success")).isZero();
		assertThat(prom.value("spend_audit_last_run_exit_code")).isEqualTo(4.0);
		assertThat(prom.value("spend_audit_digest_sent")).isNaN();
		assertThat(prom.families()).doesNotContainKeys("spend_audit_day_metered_usd", "spend_audit_findings");
	}

	@Test
	void theFileIsReplacedWholeAndReadableByTheCollector() throws Exception {
		HealthTextfile.write(dir, new RunReport(ExitCode.FAILED, "x", STARTED, STARTED, DAY, false));
		Path file = HealthTextfile.write(dir,
				new RunReport(ExitCode.DONE, null, STARTED, STARTED.plusSeconds(1), DAY, true));
		try (var files = Files.list(dir)) {
			assertThat(files).containsExactly(file);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
		assertThat(PromFile.read(file).value("spend_audit_last_run_exit_code")).isZero();
	}

	@Test
	void aSpendLogWithoutRowsIsInfinitelyOld() throws Exception {
		DayFigures empty = new DayFigures(DAY.date(), DAY.dayStart(), "OK", BigDecimal.ZERO, BigDecimal.ZERO,
				Map.of(), null, Double.POSITIVE_INFINITY);
		PromFile prom = PromFile.read(HealthTextfile.write(dir,
				new RunReport(ExitCode.DONE, null, STARTED, STARTED, empty, false)));
		assertThat(prom.value("spend_audit_spend_log_age_seconds")).isInfinite();
		assertThat(prom.value("spend_audit_digest_sent")).isZero();
		assertThat(prom.families()).doesNotContainKey("spend_audit_spend_log_newest_row_timestamp_seconds");
	}

}
