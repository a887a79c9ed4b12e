package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StatusSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prune} and the nightly step {@code pruneStore}: Spring Batch's records of old runs and old output files
 * go, the day facts and findings stay, and nothing else in the output folder is touched. Each test keeps its own
 * store schema.
 */
class PruneIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	@BeforeAll
	static void threeDaysOfSpend() {
		db = LiteLlmDatabase.create("prune");
		String key = KeyHash.of("sk-prune");
		db.writer().key(key, "vk-prune", "sk-...rune");
		List<Call> calls = new ArrayList<>();
		for (int d = 0; d < 3; d++) {
			calls.add(Call.of("p-" + d, key, "vk-prune", "gpt-4.1-mini", "openai", DAY.minusDays(d).atTime(9, 0),
					0.5 + d, 1000, 100));
		}
		db.writer().spendLogs(calls);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void pruneRemovesOldJobRecordsAndOldDigestFilesAndKeepsTheDaysAndFindings() throws Exception {
		Path out = dir.resolve("out");
		Path defaults = config("prune1", "");
		assertThat(run(defaults, DAY.minusDays(2)).exit()).isZero();
		assertThat(run(defaults, DAY.minusDays(1)).exit()).isZero();
		long days = count("prune1.audit_day");
		long findings = count("prune1.finding");
		Files.writeString(out.resolve("notes.txt"), "mine");
		Instant old = Instant.now().minus(10, ChronoUnit.DAYS);
		try (var files = Files.list(out)) {
			for (Path f : files.toList()) {
				if (f.getFileName().toString().startsWith("digest-2026-11-24") || f.endsWith("notes.txt")) {
					Files.setLastModifiedTime(f, FileTime.from(old));
				}
			}
		}

		CliIntegrationTests.Result nothing = cli("prune", "--config", defaults.toString(), "--out", out.toString());
		assertThat(nothing.exit()).as(nothing.err()).isZero();
		assertThat(nothing.out()).contains("job records: none older than 400 d (spend-audit.store.keep-job-metadata)")
			.contains("kept forever (spend-audit.out-retention is not set)");
		assertThat(count("prune1.batch_job_instance")).isEqualTo(2);

		Path strict = config("prune1", "  out-retention: 5d\n  store:\n    keep-job-metadata: 1ms\n");
		CliIntegrationTests.Result pruned = cli("prune", "--config", strict.toString(), "--out", out.toString());
		assertThat(pruned.exit()).as(pruned.err()).isZero();
		assertThat(pruned.out()).contains("job records: removed 2 job instances, 2 executions and ")
			.contains("of the days 2026-11-24 to 2026-11-25")
			.containsPattern("output files in .*: removed \\d+ files older than 5 d \\(spend-audit.out-retention\\), of"
					+ " 2026-11-24");
		for (String table : List.of("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
				"batch_job_execution_context", "batch_step_execution", "batch_step_execution_context")) {
			assertThat(count("prune1." + table)).as(table).isZero();
		}
		assertThat(out.resolve("digest-2026-11-24.json")).doesNotExist();
		assertThat(out.resolve("digest-2026-11-24.eml")).doesNotExist();
		assertThat(out.resolve("digest-2026-11-25.json")).as("written lately").exists();
		assertThat(out.resolve("notes.txt")).as("not a digest file").exists();
		assertThat(count("prune1.audit_day")).as("the day facts stay").isEqualTo(days);
		assertThat(count("prune1.finding")).as("the findings stay").isEqualTo(findings);

		CliIntegrationTests.Result after = cli("status", "--format", "json", "--config", strict.toString());
		assertThat(after.exit()).as(after.err()).isZero();
		JsonNode status = JsonMapper.builder().build().readTree(after.out());
		assertThat(StatusSchema.violations(status)).isEmpty();
		assertThat(status.get("days")).hasSize(2);
		assertThat(status.get("days").get(0).get("durationSeconds").isNull()).as("its run record is gone").isTrue();
	}

	@Test
	void theNightlyJobPrunesAfterASuccessfulDayButNeverItsOwnRun() throws Exception {
		Path config = config("prune2", "  store:\n    keep-job-metadata: 1ms\n");
		assertThat(run(config, DAY.minusDays(1)).exit()).isZero();
		CliIntegrationTests.Result night = run(config, DAY);
		assertThat(night.exit()).as(night.err()).isZero();
		assertThat(count("prune2.batch_job_instance")).as("the day before's run went, tonight's stayed").isEqualTo(1);
		assertThat(db.writer().dsl().fetchValue("select p.parameter_value from prune2.batch_job_execution_params p"
				+ " where p.parameter_name = 'auditDate'")).isEqualTo("2026-11-26");
		assertThat(db.writer().dsl().fetchValue("select status from prune2.batch_step_execution"
				+ " where step_name = 'pruneStore'")).isEqualTo("COMPLETED");
	}

	@Test
	void aBadRetentionIsABadSetting() throws Exception {
		CliIntegrationTests.Result r = cli("prune", "--config", config("prune3", "  out-retention: -5d\n").toString());
		assertThat(r.exit()).isEqualTo(3);
		assertThat(r.err()).contains("spend-audit.out-retention");
	}

	private static long count(String table) {
		return ((Number) db.writer().dsl().fetchValue("select count(*) from " + table)).longValue();
	}

	private CliIntegrationTests.Result run(Path config, LocalDate day) {
		return cli("run", "--config", config.toString(), "--date", day.toString(), "--out",
				dir.resolve("out").toString());
	}

	/** The source and store, then {@code more}: its {@code store:} block joins the one here. */
	private Path config(String storeSchema, String more) throws Exception {
		Endpoint e = db.endpoint();
		String store = "  store:\n    schema: " + storeSchema + "\n";
		String extra = more;
		if (more.contains("  store:\n")) {
			store += more.substring(more.indexOf("  store:\n") + "  store:\n".length());
			extra = more.substring(0, more.indexOf("  store:\n"));
		}
		return Files.writeString(dir.resolve(storeSchema + "-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(e.url(), e.username(), e.password()) + store + extra);
	}

}
