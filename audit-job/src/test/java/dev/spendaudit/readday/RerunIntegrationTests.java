package dev.spendaudit.readday;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.schedule.DayListener;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.NightlyRun;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Rerunning a day replaces its results; a range reruns each day as its own job instance.
 */
class RerunIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

	static LiteLlmDatabase db;

	static AuditApp app;

	@BeforeAll
	static void sevenDaysOfTraffic() {
		db = LiteLlmDatabase.create("rerun");
		String key = KeyHash.of("sk-rerun");
		db.writer().key(key, "vk-rerun", "sk-...erun");
		List<Call> calls = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			for (int i = 0; i <= d; i++) {
				calls.add(Call.of("r-" + d + "-" + i, key, "vk-rerun", "gpt-4.1-mini", "openai",
						FIRST.plusDays(d).atTime(10, i), 0.1, 1000, 100));
			}
		}
		db.writer().spendLogs(calls);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
				Map.of());
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void rerunningADayGivesIdenticalResultsAndNoDuplicates(@TempDir Path out) {
		LocalDate day = FIRST.plusDays(3);
		DayResult first = app.run(day, out);
		String firstJson = comparable(first.digestJson());
		DayResult second = app.run(day, out);
		assertThat(second.succeeded()).isTrue();
		assertThat(second.executionId()).isNotEqualTo(first.executionId());
		assertThat(comparable(second.digestJson())).isEqualTo(firstJson);
		assertThat(app.store().fetchCount(AUDIT_DAY, AUDIT_DAY.AUDIT_DATE.eq(day))).isEqualTo(1);
		assertThat(app.store().fetchCount(KEY_MODEL_DAY, KEY_MODEL_DAY.AUDIT_DATE.eq(day))).isEqualTo(1);
		assertThat(DigestJson.read(second.digestJson()).meteredUsd()).isEqualByComparingTo("0.4");
	}

	@Test
	void lateRowsArePickedUpByARerun(@TempDir Path out) {
		LocalDate day = FIRST.plusDays(6);
		assertThat(DigestJson.read(app.run(day, out).digestJson()).meteredUsd()).isEqualByComparingTo("0.7");
		db.writer().spendLogs(List.of(Call.of("late-1", KeyHash.of("sk-rerun"), "vk-rerun", "gpt-4.1-mini",
				"openai", day.atTime(23, 59), 0.05, 10, 1)));
		assertThat(DigestJson.read(app.run(day, out).digestJson()).meteredUsd()).isEqualByComparingTo("0.75");
	}

	@Test
	void eachDayOfARangeIsItsOwnJobInstance(@TempDir Path out) {
		for (LocalDate d = FIRST; !d.isAfter(FIRST.plusDays(2)); d = d.plusDays(1)) {
			assertThat(app.run(d, out).succeeded()).isTrue();
		}
		assertThat(out.resolve("digest-2026-11-20.json")).exists();
		assertThat(out.resolve("digest-2026-11-21.json")).exists();
		assertThat(DigestJson.read(out.resolve("digest-2026-11-22.json")).meteredUsd()).isEqualByComparingTo("0.3");
		long instances = app.store()
			.fetchCount(table(name("batch_job_execution_params")),
					field(name("parameter_name")).eq("auditDate").and(field(name("parameter_value")).eq("2026-11-21")));
		assertThat(instances).isEqualTo(1);
	}

	@Test
	void aRangeReadsEachNextDayAheadAndStoresWhatItsOwnReadWould(@TempDir Path range, @TempDir Path alone) {
		List<LocalDate> days = List.of(FIRST.plusDays(1), FIRST.plusDays(2), FIRST.plusDays(3));
		DayReader reader = app.bean(DayReader.class);
		long before = reader.readAhead();
		List<DayResult> results = app.bean(NightlyRun.class)
			.run(days, new RunOptions(range, false, false, null), false, DayListener.NONE);
		assertThat(results).allMatch(DayResult::succeeded).hasSize(3);
		assertThat(reader.readAhead() - before).as("the second and third day were read ahead").isEqualTo(2);
		List<String> ranged = days.stream().map(d -> facts(d) + comparable(range.resolve("digest-" + d + ".json")))
			.toList();
		// each day alone, read by its own job: the same facts and digests
		days.forEach(d -> assertThat(app.run(d, alone).succeeded()).isTrue());
		assertThat(reader.readAhead() - before).isEqualTo(2);
		assertThat(days.stream().map(d -> facts(d) + comparable(alone.resolve("digest-" + d + ".json"))))
			.containsExactlyElementsOf(ranged);
		assertThat(DigestJson.read(range.resolve("digest-2026-11-23.json")).meteredUsd()).isEqualByComparingTo("0.4");
	}

	@Test
	void whatARunThatStoppedReadAheadIsNotTakenByTheNextRun(@TempDir Path out) throws Exception {
		LocalDate failing = FIRST.plusDays(3);
		LocalDate next = FIRST.plusDays(4);
		// the first day reads the next one ahead, then fails in writeDigest: the run stops there
		Path blocked = Files.writeString(out.resolve("blocked"), "x");
		List<DayResult> stopped = app.bean(NightlyRun.class)
			.run(List.of(failing, next), new RunOptions(blocked, false, false, null), false, DayListener.NONE);
		assertThat(stopped).hasSize(1);
		assertThat(stopped.get(0).succeeded()).isFalse();
		// a row of the next day logged late, after the read ahead
		db.writer().spendLogs(List.of(Call.of("late-ahead", KeyHash.of("sk-rerun"), "vk-rerun", "gpt-4.1-mini",
				"openai", next.atTime(23, 30), 0.05, 10, 1)));
		long before = app.bean(DayReader.class).readAhead();
		DayResult alone = app.run(next, out);
		assertThat(alone.succeeded()).isTrue();
		assertThat(DigestJson.read(alone.digestJson()).meteredUsd()).as("the late row counts")
			.isEqualByComparingTo("0.55");
		assertThat(app.bean(DayReader.class).readAhead()).isEqualTo(before);
		assertThat(app.run(failing, out).succeeded()).isTrue();
	}

	/** The day's stored groups, as text. */
	private static String facts(LocalDate day) {
		return app.store()
			.select(KEY_MODEL_DAY.API_KEY, KEY_MODEL_DAY.MODEL, KEY_MODEL_DAY.USD, KEY_MODEL_DAY.REQUESTS)
			.from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.AUDIT_DATE.eq(day))
			.orderBy(KEY_MODEL_DAY.API_KEY, KEY_MODEL_DAY.MODEL)
			.fetch()
			.formatCSV();
	}

	@Test
	void aFailedDayIsRestartedAndThenCompletes(@TempDir Path out) throws Exception {
		LocalDate day = FIRST.plusDays(5);
		// an output folder that cannot be created makes writeDigest fail after the rollup
		Path blocked = Files.writeString(out.resolve("not-a-folder"), "x");
		DayResult failed = app.run(day, blocked);
		assertThat(failed.succeeded()).isFalse();
		assertThat(failed.failure()).contains("not-a-folder");
		DayResult restarted = app.run(day, out);
		assertThat(restarted.succeeded()).isTrue();
		long executionsOfFirstInstance = app.store()
			.fetchCount(table(name("batch_job_execution")),
					field(name("job_instance_id")).eq(app.store()
						.select(field(name("job_instance_id"), Long.class))
						.from(table(name("batch_job_execution")))
						.where(field(name("job_execution_id")).eq(failed.executionId()))));
		assertThat(executionsOfFirstInstance).as("the failed instance was restarted, not replaced").isEqualTo(2);
	}

	/** The document without the fields that differ by design between runs. */
	static String comparable(Path json) {
		ObjectNode node = (ObjectNode) DigestJson.read(json).root();
		node.remove("generatedAt");
		node.remove("runId");
		return node.toString();
	}

}
