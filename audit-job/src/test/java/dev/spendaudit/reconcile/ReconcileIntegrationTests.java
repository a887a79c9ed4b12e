package dev.spendaudit.reconcile;

import java.math.BigDecimal;
import java.nio.file.Files;
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

import dev.spendaudit.reconcile.bill.BillFile;
import dev.spendaudit.reconcile.bill.BilledRequest;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.statement.Period;
import dev.spendaudit.statement.Statements;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StatementSchema;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenRouter's generation export against the spend log, night by night: three generations the log lacks, a model
 * LiteLLM logs at $0, a day pending until its bill arrives and reconciled (and said so) on a later night, the same
 * generations in two files counted once, the findings with their memory, the JSON against its schema.
 */
class ReconcileIntegrationTests {

	static final String KEY = KeyHash.of("sk-router-0001");

	static final String MINI = "openai/gpt-4.1-mini";

	static final String FREE = "acme/new-model";

	static final Map<String, BigDecimal> BILLED = Map.of(MINI, new BigDecimal("0.05"), FREE, new BigDecimal("0.10"));

	static LiteLlmDatabase db;

	static AuditApp app;

	static TestBills bills;

	static List<Call> logged = new ArrayList<>();

	@TempDir
	static Path out;

	@TempDir
	static Path inbox;

	@BeforeAll
	static void start() {
		db = LiteLlmDatabase.create("reconcile");
		db.writer().key(KEY, "vk-router", "sk-...0001");
		LocalDateTime from = LocalDateTime.of(2026, 11, 22, 0, 0);
		LocalDateTime to = LocalDateTime.of(2026, 11, 27, 0, 0);
		// 48 calls a day at $0.05, and 24 a day on a model LiteLLM's cost map lacks: logged at $0, billed $0.10
		logged.addAll(Traffic.every(Duration.ofMinutes(30), from, to, KEY, "vk-router", MINI, "openrouter", 0.05));
		logged.addAll(Traffic.every(Duration.ofHours(1), from.plusMinutes(10), to, KEY, "vk-free", FREE, "openrouter",
				0.0));
		db.writer().spendLogs(logged);
		bills = new TestBills(inbox);
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
				Map.of("spend-audit.reconcile.inbox", inbox.toString(), "spend-audit.reconcile.window-days", "3"),
				Map.of("testBills", bills));
	}

	@AfterAll
	static void close() {
		app.close();
		db.close();
	}

	@Test
	void theBillShowsTheGapThePendingDayAndALaterNightReconcilingIt() throws Exception {
		// the 24th's export: the log's generations and three it lacks ($0.50 each)
		List<Call> billed24 = new ArrayList<>(day(LocalDate.of(2026, 11, 24)));
		for (int i = 0; i < 3; i++) {
			billed24.add(Call.of("gen-lost-" + i, KEY, "vk-router", MINI, "openrouter",
					LocalDateTime.of(2026, 11, 24, 9, i), 0.5, 1_000, 200));
		}
		LocalDate nov24 = LocalDate.of(2026, 11, 24);
		bills.put("generations-24.csv", "24th", Instant.parse("2026-11-26T08:00:00Z"), bill(billed24, nov24, nov24));

		DigestJson night1 = audit(LocalDate.of(2026, 11, 25));
		assertThat(DigestSchema.violations(night1.root())).isEmpty();
		JsonNode section = night1.root().get("reconcile");
		assertThat(section.get("days").asString()).isEqualTo("UTC");
		assertThat(section.get("from").asString()).isEqualTo("2026-11-23");
		assertThat(section.get("to").asString()).isEqualTo("2026-11-25");
		JsonNode d24 = providerDay(section, "openrouter", "2026-11-24");
		assertThat(d24.get("status").asString()).isEqualTo("RECONCILED");
		// billed 48 x 0.05 + 24 x 0.10 + 3 x 0.50 = 6.30; logged 48 x 0.05 = 2.40
		assertThat(d24.get("billedUsd").decimalValue()).isEqualByComparingTo("6.30");
		assertThat(d24.get("loggedUsd").decimalValue()).isEqualByComparingTo("2.40");
		assertThat(d24.get("gapUsd").decimalValue()).isEqualByComparingTo("3.90");
		assertThat(d24.get("captureRate").decimalValue()).isEqualByComparingTo("0.381");
		assertThat(d24.get("missingCount").asLong()).isEqualTo(3);
		assertThat(d24.get("missing").get(0).get("usd").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(d24.get("missing").get(0).get("requestId").asString()).startsWith("gen-lost-");
		assertThat(d24.get("mispricedCount").asLong()).isEqualTo(24);
		assertThat(d24.get("mispriced").get(0).get("loggedUsd").decimalValue()).isEqualByComparingTo("0");
		assertThat(d24.get("mispriced").get(0).get("model").asString()).isEqualTo(FREE);
		JsonNode free = model(d24, FREE);
		assertThat(free.get("loggedUsdPerMillionTokens").decimalValue()).isEqualByComparingTo("0");
		assertThat(free.get("billedUsdPerMillionTokens").decimalValue()).isEqualByComparingTo("83.333333");
		JsonNode mini = model(d24, MINI);
		assertThat(mini.get("loggedUsdPerMillionTokens").decimalValue())
			.isEqualByComparingTo(mini.get("billedUsdPerMillionTokens").decimalValue());
		JsonNode d25 = providerDay(section, "openrouter", "2026-11-25");
		assertThat(d25.get("status").asString()).isEqualTo("PENDING");
		assertThat(d25.get("gapUsd").isNull()).isTrue();
		assertThat(d25.get("pendingReason").asString()).contains("no bill");
		assertThat(d25.get("loggedUsd").decimalValue()).isEqualByComparingTo("2.40");

		JsonNode gap = finding(night1, "BILL_GAP");
		assertThat(gap.get("severity").asString()).isEqualTo("ALERT");
		assertThat(gap.get("subject").asString()).isEqualTo("provider:openrouter");
		assertThat(gap.get("reason").asString()).contains("3 billed requests are not in the spend log");
		JsonNode price = finding(night1, "PRICE_MISMATCH");
		assertThat(price.get("subject").asString()).isEqualTo("model:openrouter/" + FREE);
		assertThat(price.get("severity").asString()).isEqualTo("ALERT");
		assertThat(night1.root().get("status").asString()).isEqualTo("ALERT");
		String html = Files.readString(out.resolve("digest-2026-11-25.html"));
		assertThat(html).contains("Reconciled with the provider").contains("UTC days 2026-11-23 to 2026-11-25");
		assertThat(Files.readString(out.resolve("digest-2026-11-25.txt"))).contains("RECONCILED WITH THE PROVIDER")
			.contains("3 billed requests not in the spend log");

		// the next night: the 25th's export arrives, and the 24th's is downloaded again under another name
		bills.put("generations-25.csv", "25th", Instant.parse("2026-11-27T05:00:00Z"),
				bill(day(LocalDate.of(2026, 11, 25)), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 25)));
		bills.put("generations-24-again.csv", "24th again", Instant.parse("2026-11-27T05:00:00Z"),
				bill(billed24, nov24, nov24));
		DigestJson night2 = audit(LocalDate.of(2026, 11, 26));
		assertThat(DigestSchema.violations(night2.root())).isEmpty();
		JsonNode again24 = providerDay(night2.root().get("reconcile"), "openrouter", "2026-11-24");
		assertThat(again24.get("billedUsd").decimalValue()).isEqualByComparingTo("6.30");
		assertThat(again24.get("missingCount").asLong()).isEqualTo(3);
		assertThat(again24.get("reconciledTonight").asBoolean()).isFalse();
		JsonNode now25 = providerDay(night2.root().get("reconcile"), "openrouter", "2026-11-25");
		assertThat(now25.get("status").asString()).isEqualTo("RECONCILED");
		assertThat(now25.get("reconciledTonight").asBoolean()).isTrue();
		assertThat(now25.get("missingCount").asLong()).isZero();
		assertThat(Files.readString(out.resolve("digest-2026-11-26.txt"))).contains("reconciled tonight");
		JsonNode gap2 = finding(night2, "BILL_GAP");
		assertThat(gap2.get("id").asString()).isEqualTo(gap.get("id").asString());
		assertThat(gap2.get("details").get("state").get("state").asString()).isEqualTo("CONTINUING");
		assertThat(gap2.get("details").get("days").asInt()).isEqualTo(2);

		// the week's statement carries the capture of its reconciled UTC days, from the stored bills alone
		Statements.Written week = app.bean(Statements.class).write(Period.week("2026-W48"), out);
		// 24th: 6.30 billed, 2.40 logged; 25th: 48 x 0.05 + 24 x 0.10 = 4.80 billed, 2.40 logged
		assertThat(week.statement().reconciled()).singleElement().satisfies(c -> {
			assertThat(c.provider()).isEqualTo("openrouter");
			assertThat(c.billedUsd()).isEqualByComparingTo("11.10");
			assertThat(c.loggedUsd()).isEqualByComparingTo("4.80");
			assertThat(c.captureRate()).isEqualByComparingTo("0.4324");
			assertThat(c.gapUsd()).isEqualByComparingTo("6.30");
			assertThat(c.reconciledDays()).isEqualTo(2);
			assertThat(c.pendingDays()).isEqualTo(5);
		});
		JsonNode json = DigestJson.read(out.resolve("statement-2026-W48.json")).root();
		assertThat(StatementSchema.violations(json)).isEmpty();
		assertThat(json.get("reconciled").get(0).get("captureRate").decimalValue()).isEqualByComparingTo("0.4324");
		assertThat(Files.readString(out.resolve("statement-2026-W48.txt"))).contains("RECONCILED WITH THE PROVIDER")
			.contains("openrouter: 43");
		assertThat(Files.readString(out.resolve("statement-2026-W48.html")))
			.contains("Reconciled with the provider (UTC days)");
	}

	static List<Call> day(LocalDate date) {
		return Traffic.within(logged, date.atStartOfDay(), date.plusDays(1).atStartOfDay());
	}

	/** The export of these calls: each at its model's price, the ones the log lost at $0.50. */
	static BillFile bill(List<Call> calls, LocalDate from, LocalDate to) {
		BillFile file = TestBills.generations(calls, BILLED, from, to);
		List<BilledRequest> requests = file.requests()
			.stream()
			.map(r -> !r.requestId().startsWith("gen-lost-") ? r
					: new BilledRequest(r.provider(), r.requestId(), r.createdAt(), r.model(), new BigDecimal("0.50"),
							null, r.promptTokens(), r.completionTokens(), 0, r.apiKeyName(), r.appName()))
			.toList();
		return new BillFile(file.path(), file.sha256(), file.modified(), file.format(), file.coverage(), List.of(),
				List.of(), requests);
	}

	static DigestJson audit(LocalDate day) {
		DayResult result = app.run(day, out);
		assertThat(result.failure()).isNull();
		return DigestJson.read(result.digestJson());
	}

	static JsonNode providerDay(JsonNode section, String provider, String date) {
		for (JsonNode p : section.get("providers")) {
			if (p.get("provider").asString().equals(provider) && p.get("date").asString().equals(date)) {
				return p;
			}
		}
		throw new AssertionError("no " + provider + " " + date + " in " + section);
	}

	static JsonNode model(JsonNode day, String model) {
		for (JsonNode m : day.get("models")) {
			if (m.get("model").asString().equals(model)) {
				return m;
			}
		}
		throw new AssertionError("no model " + model + " in " + day);
	}

	static JsonNode finding(DigestJson digest, String kind) {
		for (JsonNode f : digest.root().get("findings")) {
			if (f.get("kind").asString().equals(kind)) {
				return f;
			}
		}
		throw new AssertionError("no " + kind + " in " + digest.root().get("findings"));
	}

}
