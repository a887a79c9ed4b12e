package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.DayLocks;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.MailParts;
import dev.spendaudit.testsupport.TestHooks;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run} without a date catches up, tested with the clock set three days after the last audited night: every
 * day since, oldest first, only the newest mailed and listing the others; yesterday already audited is left alone;
 * a failed day stops the catch-up with its exit code; {@code --quiet} prints the final summary only.
 */
class CatchUpCliIntegrationTests {

	static final Instant NIGHT_OF_26TH = Instant.parse("2026-11-27T06:15:00Z");

	/** Three nights later: the 27th, 28th and 29th have had no audit. */
	static final Instant THREE_DAYS_AHEAD = Instant.parse("2026-11-30T06:15:00Z");

	LiteLlmDatabase db;

	TestSmtp smtp;

	@TempDir
	Path dir;

	@BeforeEach
	void twoWeeksOfSpendWithASpikeOnThe28th() {
		db = LiteLlmDatabase.create("catchup");
		String key = KeyHash.of("sk-catchup");
		db.writer().key(key, "vk-catchup", "sk-...chup");
		List<Call> calls = new ArrayList<>();
		for (int d = 10; d <= 29; d++) {
			double usd = d == 28 ? 40.0 : 0.5;
			calls.add(Call.of("c-" + d, key, "vk-catchup", "gpt-4.1-mini", "openai", LocalDate.of(2026, 11, d).atTime(9, 0),
					usd, 1000, 100));
		}
		db.writer().spendLogs(calls);
		smtp = TestSmtp.start();
	}

	@AfterEach
	void close() {
		smtp.close();
		db.close();
	}

	@Test
	void threeMissedNightsAreAuditedOldestFirstAndOnlyTheNewestIsMailedListingTheOthers() throws Exception {
		CliIntegrationTests.Result first = at(NIGHT_OF_26TH, "run", "--config", config(), "--out", dir.toString());
		assertThat(first.exit()).as(first.err()).isZero();
		assertThat(smtp.received(day(26))).hasSize(1);
		assertThat(dir.resolve("digest-2026-11-25.json")).as("a fresh store audits yesterday only").doesNotExist();

		CliIntegrationTests.Result r = at(THREE_DAYS_AHEAD, "run", "--config", config(), "--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		// not a terminal: one summary line per day, oldest first, as before
		assertThat(r.out().lines().filter(l -> l.matches("2026-11-\\d\\d  .*")).map(l -> l.substring(0, 10)))
			.containsExactly("2026-11-27", "2026-11-28", "2026-11-29");
		assertThat(smtp.received(day(27))).isEmpty();
		assertThat(smtp.received(day(28))).isEmpty();
		assertThat(smtp.received(day(29))).hasSize(1);

		JsonNode newest = DigestJson.read(dir.resolve("digest-2026-11-29.json")).root();
		assertThat(DigestSchema.violations(newest)).isEmpty();
		JsonNode missed = newest.get("missedDays");
		assertThat(missed).hasSize(2);
		assertThat(missed.get(0).get("date").asString()).isEqualTo("2026-11-27");
		assertThat(missed.get(0).get("status").asString()).isEqualTo("OK");
		assertThat(missed.get(0).get("meteredUsd").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(missed.get(1).get("date").asString()).isEqualTo("2026-11-28");
		assertThat(missed.get(1).get("status").asString()).isEqualTo("ALERT");
		assertThat(missed.get(1).get("meteredUsd").decimalValue()).isEqualByComparingTo("40");
		assertThat(missed.get(1).get("findings").get("ALERT").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(missed.get(1).get("findings").propertyNames()).containsExactly("ALERT", "WATCH", "INFO");
		assertThat(DigestJson.read(dir.resolve("digest-2026-11-28.json")).root().get("missedDays"))
			.as("a day caught up before the newest lists nothing").isEmpty();
		assertThat(DigestJson.read(dir.resolve("digest-2026-11-26.json")).root().get("missedDays")).isEmpty();

		MailParts mail = MailParts.of(smtp.received(day(29)).get(0));
		assertThat(mail.visibleHtml()).contains("while no audit ran: 2 more days audited now")
			.contains("2026-11-27")
			.contains("2026-11-28")
			.contains("SPIKE");
		assertThat(mail.text()).contains("WHILE NO AUDIT RAN").contains("2026-11-28 ALERT").contains("[ALERT] SPIKE");
	}

	@Test
	void anAuditedYesterdayIsNotAuditedAgainButAnExplicitDateReruns() {
		assertThat(at(THREE_DAYS_AHEAD, "run", "--config", config(), "--out", dir.toString()).exit()).isZero();
		long runId = DigestJson.read(dir.resolve("digest-2026-11-29.json")).root().get("runId").asLong();

		CliIntegrationTests.Result again = at(THREE_DAYS_AHEAD, "run", "--config", config(), "--out", dir.toString());
		assertThat(again.exit()).as(again.err()).isZero();
		assertThat(again.out().strip()).isEqualTo("spend-audit: 2026-11-29 is already audited; nothing to do"
				+ " (run --date 2026-11-29 reruns it)");
		assertThat(DigestJson.read(dir.resolve("digest-2026-11-29.json")).root().get("runId").asLong())
			.isEqualTo(runId);
		assertThat(smtp.received(day(29))).hasSize(1);

		CliIntegrationTests.Result rerun = at(THREE_DAYS_AHEAD, "run", "--date", "2026-11-29", "--config", config(),
				"--out", dir.toString());
		assertThat(rerun.exit()).as(rerun.err()).isZero();
		assertThat(DigestJson.read(dir.resolve("digest-2026-11-29.json")).root().get("runId").asLong())
			.isNotEqualTo(runId);
	}

	@Test
	void aFailedDayStopsTheCatchUpWithItsExitCodeAndTheNextRunGoesOnFromIt() {
		assertThat(at(NIGHT_OF_26TH, "run", "--config", config(), "--out", dir.toString()).exit()).isZero();
		try (AuditApp other = AuditApp.start(db.endpoint(), java.time.Clock.systemUTC(), java.util.Map.of());
				DayLocks.Lock held = other.bean(DayLocks.class).lock(day(28))) {
			CliIntegrationTests.Result r = at(THREE_DAYS_AHEAD, "run", "--config", config(), "--out", dir.toString());
			assertThat(r.exit()).isEqualTo(8);
			assertThat(r.err().strip())
				.isEqualTo("spend-audit: error: another spend-audit process is auditing 2026-11-28 right now");
			assertThat(dir.resolve("digest-2026-11-27.json")).exists();
			assertThat(dir.resolve("digest-2026-11-29.json")).doesNotExist();
		}
		CliIntegrationTests.Result next = at(THREE_DAYS_AHEAD, "run", "--config", config(), "--out", dir.toString());
		assertThat(next.exit()).as(next.err()).isZero();
		JsonNode missed = DigestJson.read(dir.resolve("digest-2026-11-29.json")).root().get("missedDays");
		assertThat(missed).hasSize(1);
		assertThat(missed.get(0).get("date").asString()).isEqualTo("2026-11-28");
	}

	@Test
	void quietPrintsOnlyTheFinalSummary() {
		assertThat(at(NIGHT_OF_26TH, "run", "--config", config(), "--out", dir.toString()).exit()).isZero();
		CliIntegrationTests.Result r = at(THREE_DAYS_AHEAD, "run", "--quiet", "--config", config(), "--out",
				dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.err()).isEmpty();
		List<String> lines = r.out().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).startsWith("2026-11-29  ").contains("metered");
		assertThat(lines.get(1)).startsWith("audited 3 days");
		assertThat(r.out()).as("no findings list, no per-day lines").doesNotContain("[ALERT]").doesNotContain("2026-11-28");
	}

	private static CliIntegrationTests.Result at(Instant now, String... args) {
		return TestHooks.withClock(now, () -> cli(args));
	}

	private String config() {
		Endpoint e = db.endpoint();
		try {
			return Files.writeString(dir.resolve("catchup-" + System.nanoTime() + ".yml"), """
					spend-audit:
					  source:
					    url: "%s"
					    username: "%s"
					    password: "%s"
					  mail:
					    to: ops@example.org
					    from: spend-audit@example.org
					    retries: 1
					    retry-delay: 1ms
					spring:
					  mail:
					    host: 127.0.0.1
					    port: %d
					""".formatted(e.url(), e.username(), e.password(), smtp.port())).toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static LocalDate day(int november) {
		return LocalDate.of(2026, 11, november);
	}

}
