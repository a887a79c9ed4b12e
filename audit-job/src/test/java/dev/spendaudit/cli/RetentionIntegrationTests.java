package dev.spendaudit.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * LiteLLM deletes old spend-log rows: a rerun of a day the source no longer holds keeps the stored facts (nothing
 * overwritten with zeros), says so in the digest, and {@code --force} recomputes anyway. After a switch to LiteLLM's
 * partitioned spend log, the days only {@code "LiteLLM_SpendLogs_legacy"} holds are read from there, and the digest
 * says so. Nothing is ever written to LiteLLM's tables.
 */
class RetentionIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 25);

	static final String KEY = KeyHash.of("sk-retention");

	@TempDir
	Path dir;

	@Test
	void aRerunOfADayRetentionDeletedKeepsItsStoredFactsAndForceRecomputesIt() throws Exception {
		try (LiteLlmDatabase db = threeDays("retention")) {
			DigestJson audited = run(db, DAY.toString());
			assertThat(audited.meteredUsd()).isEqualByComparingTo("3.50");
			assertThat(audited.root().get("sourceRead").get("table").asString()).isEqualTo("LiteLLM_SpendLogs");
			assertThat(audited.root().get("sourceRead").get("note").isNull()).isTrue();

			// LiteLLM's retention job: every row before the last day goes
			db.execute("delete from \"LiteLLM_SpendLogs\" where \"startTime\" < '2026-11-26'");
			CliIntegrationTests.Result rerun = cli("run", "--date", DAY.toString(), "--no-send", "--config",
					config(db).toString(), "--out", dir.toString());
			assertThat(rerun.exit()).as(rerun.err()).isZero();
			DigestJson kept = DigestJson.read(dir.resolve("digest-" + DAY + ".json"));
			assertThat(DigestSchema.violations(kept.root())).isEmpty();
			assertThat(kept.meteredUsd()).as("the stored facts, not zeros").isEqualByComparingTo("3.50");
			assertThat(kept.workload("vk-retention").get("requests").asLong()).isEqualTo(2);
			JsonNode read = kept.root().get("sourceRead");
			assertThat(read.get("keptStoredFacts").asBoolean()).isTrue();
			assertThat(read.get("table").isNull()).isTrue();
			assertThat(read.get("oldestSourceRow").asString()).isEqualTo("2026-11-26T09:00:00.000Z");
			String note = read.get("note").asString();
			assertThat(note).startsWith("the source no longer holds 2026-11-25 (its oldest spend-log row is"
					+ " 2026-11-26T09:00:00.000Z").contains("--force");
			assertThat(Files.readString(dir.resolve("digest-" + DAY + ".txt"))).contains("WHERE THESE FIGURES COME FROM")
				.contains(note);
			assertThat(Files.readString(dir.resolve("digest-" + DAY + ".html"))).contains("Where these figures come from");
			assertThat(storedUsd(db, DAY)).as("one copy of the day in the store, unchanged").containsExactly(
					new BigDecimal("3.50"));

			CliIntegrationTests.Result forced = cli("run", "--date", DAY.toString(), "--force", "--no-send",
					"--config", config(db).toString(), "--out", dir.toString());
			assertThat(forced.exit()).as(forced.err()).isZero();
			DigestJson recomputed = DigestJson.read(dir.resolve("digest-" + DAY + ".json"));
			assertThat(DigestSchema.violations(recomputed.root())).isEmpty();
			assertThat(recomputed.meteredUsd()).isEqualByComparingTo("0");
			assertThat(recomputed.root().get("sourceRead").get("keptStoredFacts").asBoolean()).isFalse();
			assertThat(recomputed.root().get("sourceRead").get("note").asString()).contains("--force");
			assertThat(storedUsd(db, DAY)).containsExactly(BigDecimal.ZERO.setScale(2));
			assertThat(cli("run", "--help").out()).contains("--force");
		}
	}

	@Test
	void aDayOnlyTheLegacyTableHoldsIsReadFromItAndTheDigestSaysSo() throws Exception {
		try (LiteLlmDatabase db = threeDays("legacy")) {
			// LiteLLM's partitioning script without the copy: the old table renamed aside, a new one from today on
			db.execute("alter table \"LiteLLM_SpendLogs\" rename to \"LiteLLM_SpendLogs_legacy\"");
			db.execute("create table \"LiteLLM_SpendLogs\" (like \"LiteLLM_SpendLogs_legacy\" including all)");
			db.execute("insert into \"LiteLLM_SpendLogs\" select * from \"LiteLLM_SpendLogs_legacy\""
					+ " where \"startTime\" >= '2026-11-26'");
			db.execute("delete from \"LiteLLM_SpendLogs_legacy\" where \"startTime\" >= '2026-11-26'");

			DigestJson legacy = run(db, DAY.toString());
			assertThat(DigestSchema.violations(legacy.root())).isEmpty();
			assertThat(legacy.meteredUsd()).isEqualByComparingTo("3.50");
			JsonNode read = legacy.root().get("sourceRead");
			assertThat(read.get("table").asString()).isEqualTo("LiteLLM_SpendLogs_legacy");
			assertThat(read.get("keptStoredFacts").asBoolean()).isFalse();
			assertThat(read.get("note").asString())
				.isEqualTo("read from \"LiteLLM_SpendLogs_legacy\": the partitioned spend log does not hold 2026-11-25"
						+ " (its oldest row is 2026-11-26T09:00:00.000Z)");
			assertThat(legacy.root().get("history").get("previousDay").get("usd").decimalValue())
				.as("the day before, rolled up from the legacy table too").isEqualByComparingTo("1.25");
			assertThat(Files.readString(dir.resolve("digest-" + DAY + ".txt"))).contains(read.get("note").asString());

			DigestJson today = run(db, DAY.plusDays(1).toString());
			assertThat(today.meteredUsd()).isEqualByComparingTo("4.00");
			assertThat(today.root().get("sourceRead").get("table").asString()).isEqualTo("LiteLLM_SpendLogs");
			assertThat(today.root().get("sourceRead").get("note").isNull()).isTrue();
			assertThat(db.writer().dsl().fetchValue("select count(*) from \"LiteLLM_SpendLogs_legacy\"", Long.class))
				.as("nothing written to LiteLLM's tables").isEqualTo(3L);
		}
	}

	/** 2026-11-24: $1.25; 2026-11-25: $3.50 in two calls; 2026-11-26: $4.00. */
	private static LiteLlmDatabase threeDays(String purpose) {
		LiteLlmDatabase db = LiteLlmDatabase.create(purpose);
		db.writer().key(KEY, "vk-retention", "sk-...tion");
		List<Call> calls = new ArrayList<>();
		calls.add(Call.of("r-1", KEY, "vk-retention", "gpt-4.1-mini", "openai", DAY.minusDays(1).atTime(9, 0), 1.25,
				1000, 100));
		calls.add(Call.of("r-2", KEY, "vk-retention", "gpt-4.1-mini", "openai", DAY.atTime(9, 0), 1.50, 1000, 100));
		calls.add(Call.of("r-3", KEY, "vk-retention", "gpt-4.1-mini", "openai", DAY.atTime(15, 0), 2.00, 1000, 100));
		calls.add(Call.of("r-4", KEY, "vk-retention", "gpt-4.1-mini", "openai", DAY.plusDays(1).atTime(9, 0), 4.00,
				1000, 100));
		db.writer().spendLogs(calls);
		return db;
	}

	private DigestJson run(LiteLlmDatabase db, String date) throws Exception {
		CliIntegrationTests.Result r = cli("run", "--date", date, "--no-send", "--config", config(db).toString(),
				"--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		return DigestJson.read(dir.resolve("digest-" + date + ".json"));
	}

	/** The day's stored spend, one value per stored copy of the day. */
	private static List<BigDecimal> storedUsd(LiteLlmDatabase db, LocalDate day) {
		return db.writer()
			.dsl()
			.fetch("select coalesce(sum(m.usd), 0)::numeric(20, 2) from spend_audit.audit_day d"
					+ " left join spend_audit.key_model_day m on m.audit_date = d.audit_date"
					+ " where d.audit_date = ? group by d.audit_date", day)
			.map(r -> r.get(0, BigDecimal.class));
	}

	private Path config(LiteLlmDatabase db) throws Exception {
		Endpoint e = db.endpoint();
		return Files.writeString(dir.resolve("retention-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(e.url(), e.username(), e.password()));
	}

}
