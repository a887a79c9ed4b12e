package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.spendaudit.reconcile.bill.BillCoverage;
import dev.spendaudit.reconcile.bill.BillFormat;
import dev.spendaudit.reconcile.bill.BilledDay;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-day bills with the job audited in New York: the UTC day is reconciled from the stored UTC hours of the two
 * audited days that cover it; of two files for one day the newer wins; BYOK is shown, never added; a file is read
 * again only when its content changes; a bad file is reported by name and line and nothing of it is stored.
 */
class PerDayBillIntegrationTests {

	static final String KEY = KeyHash.of("sk-invest-0001");

	static LiteLlmDatabase db;

	static AuditApp app;

	static TestBills bills;

	@TempDir
	static Path out;

	@TempDir
	static Path inbox;

	@BeforeAll
	static void start() {
		db = LiteLlmDatabase.create("reconcile_per_day");
		db.writer().key(KEY, "vk-invest", "sk-...0001");
		List<Call> calls = new ArrayList<>();
		// every 20 minutes, UTC: 72 calls a UTC day at $0.02 on OpenAI, and 24 at $0.01 through OpenRouter
		LocalDateTime from = LocalDateTime.of(2026, 11, 22, 0, 0);
		LocalDateTime to = LocalDateTime.of(2026, 11, 28, 0, 0);
		calls.addAll(Traffic.every(Duration.ofMinutes(20), from, to, KEY, "vk-invest", "gpt-4.1-mini", "openai", 0.02));
		calls.addAll(Traffic.every(Duration.ofHours(1), from.plusMinutes(5), to, KEY, "vk-router", "openai/gpt-4.1",
				"openrouter", 0.01));
		db.writer().spendLogs(calls);
		bills = new TestBills(inbox);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC),
				Map.of("spend-audit.zone", "America/New_York", "spend-audit.reconcile.inbox", inbox.toString(),
						"spend-audit.reconcile.window-days", "2"),
				Map.of("testBills", bills));
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void aNonUtcZoneStillReconcilesUtcDaysAndTheNewerFileWins() {
		LocalDate nov25 = LocalDate.of(2026, 11, 25);
		LocalDate nov26 = LocalDate.of(2026, 11, 26);
		List<BillCoverage> openai = List.of(new BillCoverage("openai", nov25, nov26));
		bills.put("costs-old.json", "old", Instant.parse("2026-11-27T01:00:00Z"),
				TestBills.perDay(BillFormat.OPENAI_COSTS_JSON,
						List.of(day("openai", nov25, "gpt-4.1-mini", "9.99", null), day("openai", nov26, "", "1.44", null)),
						openai));
		bills.put("costs-new.json", "new", Instant.parse("2026-11-27T09:00:00Z"),
				TestBills.perDay(BillFormat.OPENAI_COSTS_JSON, List.of(day("openai", nov25, "gpt-4.1-mini", "1.20", null),
						day("openai", nov25, "gpt-4.1-mini, input", "0.24", null),
						day("openai", nov26, "", "1.44", null)), openai));
		bills.put("activity.json", "activity", Instant.parse("2026-11-27T09:00:00Z"),
				TestBills.perDay(BillFormat.OPENROUTER_ACTIVITY_JSON,
						List.of(day("openrouter", nov25, "openai/gpt-4.1", "0.24", "3.50")),
						List.of(new BillCoverage("openrouter", nov25, nov25))));
		bills.put("broken.csv", "broken", Instant.parse("2026-11-27T09:00:00Z"), null);
		bills.put(".partial", "hidden", Instant.parse("2026-11-27T09:00:00Z"), null);
		bills.put("download.tmp", "in progress", Instant.parse("2026-11-27T09:00:00Z"), null);

		// New York's 26th ends at 05:00 UTC on the 27th: the window is the UTC 25th and 26th, the last UTC days
		// that ended by then
		DigestJson night = audit(nov26);
		assertThat(DigestSchema.violations(night.root())).isEmpty();
		JsonNode section = night.root().get("reconcile");
		assertThat(section.get("from").asString()).isEqualTo("2026-11-25");
		assertThat(section.get("to").asString()).isEqualTo("2026-11-26");
		JsonNode openai25 = ReconcileIntegrationTests.providerDay(section, "openai", "2026-11-25");
		assertThat(openai25.get("status").asString()).isEqualTo("RECONCILED");
		// the newer file: 1.20 + 0.24; the UTC day's 72 calls at $0.02 from the 24th's and 25th's stored hours
		assertThat(openai25.get("billedUsd").decimalValue()).isEqualByComparingTo("1.44");
		assertThat(openai25.get("loggedUsd").decimalValue()).isEqualByComparingTo("1.44");
		assertThat(openai25.get("gapUsd").decimalValue()).isEqualByComparingTo("0");
		assertThat(openai25.get("captureRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(openai25.get("bill").asString()).isEqualTo("costs-new.json");
		assertThat(openai25.get("models").get(0).get("model").asString()).isEqualTo("gpt-4.1-mini");
		JsonNode router = ReconcileIntegrationTests.providerDay(section, "openrouter", "2026-11-25");
		assertThat(router.get("billedUsd").decimalValue()).isEqualByComparingTo("0.24");
		assertThat(router.get("byokUsd").decimalValue()).isEqualByComparingTo("3.50");
		assertThat(router.get("gapUsd").decimalValue()).isEqualByComparingTo("0");
		// the UTC 26th: its first five hours are New York's 25th, the rest New York's 26th
		JsonNode openai26 = ReconcileIntegrationTests.providerDay(section, "openai", "2026-11-26");
		assertThat(openai26.get("status").asString()).isEqualTo("RECONCILED");
		assertThat(openai26.get("loggedUsd").decimalValue()).isEqualByComparingTo("1.44");
		assertThat(night.root().toString()).doesNotContain("BILL_GAP");

		JsonNode broken = section.get("unreadable");
		assertThat(broken).hasSize(1);
		assertThat(broken.get(0).get("file").asString()).isEqualTo("broken.csv");
		assertThat(broken.get(0).get("line").asInt()).isEqualTo(3);
		assertThat(broken.get(0).get("error").asString()).isEqualTo("broken.csv line 3: cost_total \"12,5\" is not a number");
		assertThat(section.get("files").asInt()).isEqualTo(4);
		assertThat(bills.reads(".partial")).isZero();
		assertThat(bills.reads("download.tmp")).isZero();
		assertThat(storedRows("broken.csv")).isZero();
		assertThat(storedRows("costs-new.json")).isEqualTo(3);

		// the next night: nothing changed is read again; a changed file is
		DigestJson next = audit(LocalDate.of(2026, 11, 27));
		assertThat(next.root().get("reconcile").get("filesRead").asInt()).isZero();
		assertThat(bills.reads("costs-new.json")).isEqualTo(1);
		assertThat(bills.reads("broken.csv")).isEqualTo(1);
		bills.put("costs-new.json", "new, corrected", Instant.parse("2026-11-28T09:00:00Z"),
				TestBills.perDay(BillFormat.OPENAI_COSTS_JSON,
						List.of(day("openai", nov25, "gpt-4.1-mini", "2.00", null), day("openai", nov26, "", "2.88", null)),
						openai));
		DigestJson rerun = audit(LocalDate.of(2026, 11, 27));
		assertThat(rerun.root().get("reconcile").get("from").asString()).isEqualTo("2026-11-26");
		assertThat(bills.reads("costs-new.json")).isEqualTo(2);
		assertThat(rerun.root().get("reconcile").get("filesRead").asInt()).isEqualTo(1);
		JsonNode corrected = ReconcileIntegrationTests.providerDay(rerun.root().get("reconcile"), "openai",
				"2026-11-26");
		assertThat(corrected.get("status").asString()).isEqualTo("RECONCILED");
		assertThat(corrected.get("billedUsd").decimalValue()).isEqualByComparingTo("2.88");
		assertThat(corrected.get("gapUsd").decimalValue()).isEqualByComparingTo("1.44");
		assertThat(corrected.get("reconciledTonight").asBoolean()).isFalse();
		assertThat(storedRows("costs-new.json")).isEqualTo(2);
	}

	static BilledDay day(String provider, LocalDate date, String model, String usd, String byok) {
		return new BilledDay(provider, date, model, new BigDecimal(usd), byok == null ? null : new BigDecimal(byok),
				null, null, null);
	}

	/** The billed-day rows stored for the file at this path (none for a file that could not be read). */
	static int storedRows(String path) {
		return app.store()
			.fetchCount(DSL.table("billed_day").join(DSL.table("bill_file")).using(DSL.field("sha256")),
					DSL.field("path").eq(path));
	}

	static DigestJson audit(LocalDate day) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		return DigestJson.read(result.digestJson());
	}

}
