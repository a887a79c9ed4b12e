package dev.spendaudit.notify;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.store.jooq.tables.records.SentNotificationRecord;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.MutableClock;
import dev.spendaudit.testsupport.Traffic;
import dev.spendaudit.testsupport.WebhookSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.SENT_NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhooks over four nights of the whole job, on a real PostgreSQL, against an HTTP server in the test JVM
 * standing in for Slack, Discord, ntfy, a JSON endpoint and one that is down. A test rule plays the findings: a
 * spike (ALERT) on the 20th and 21st, gone on the 22nd; a drift that is a WATCH on the 20th and an ALERT from the
 * 21st.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhooksIntegrationTests {

	static final LocalDate D1 = LocalDate.of(2026, 11, 20);

	static final LocalDate D2 = D1.plusDays(1);

	static final LocalDate D3 = D1.plusDays(2);

	static final String JSON_PATH = "/json/sEcReT-json";

	static final String SLACK_PATH = "/services/T0001/B0002/sEcReT-slack";

	static final String DISCORD_PATH = "/api/webhooks/1/sEcReT-discord";

	static final String NTFY_PATH = "/sEcReT-topic";

	static final String DOWN_PATH = "/down/sEcReT-down";

	static final List<String> WORKING = List.of(JSON_PATH, SLACK_PATH, DISCORD_PATH, NTFY_PATH);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static LiteLlmDatabase db;

	static HookServer hooks;

	static MutableClock clock;

	static AuditApp app;

	@TempDir
	static Path out;

	/** The requests each phase made, by phase. */
	static final Map<String, List<HookServer.Request>> phases = new HashMap<>();

	static final Map<LocalDate, DayResult> results = new HashMap<>();

	static String log;

	@BeforeAll
	static void fourNights(CapturedOutput output) {
		db = LiteLlmDatabase.create("webhooks");
		String key = KeyHash.of("sk-steady");
		db.writer().key(key, "vk-steady", "sk-...eady");
		List<Call> calls = new ArrayList<>(Traffic.every(Duration.ofHours(1), LocalDateTime.of(2026, 10, 10, 0, 0),
				LocalDateTime.of(2026, 11, 26, 0, 0), key, "vk-steady", "gpt-4.1-mini", "openai", 0.01));
		db.writer().spendLogs(calls);
		db.writer().dailyAggregates(calls);
		hooks = HookServer.start();
		clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
		Map<String, String> settings = new HashMap<>();
		webhook(settings, 0, JSON_PATH, "json", null, true);
		webhook(settings, 1, SLACK_PATH, "slack", "WATCH", false);
		webhook(settings, 2, DISCORD_PATH, "discord", null, false);
		webhook(settings, 3, NTFY_PATH + "?auth=tOkEn", "ntfy", "alert", false);
		webhook(settings, 4, DOWN_PATH, "json", null, false);
		settings.put("spend-audit.notify.retries", "2");
		settings.put("spend-audit.notify.retry-delay", "0s");
		app = AuditApp.start(db.endpoint(), clock, settings, Map.of("probeRule", new ProbeRule()));

		phase("no-send", D1, false);
		phase("first", D1, true, 500, 500, 500);
		phase("rerun", D1, true, 503, 503, 503);
		clock.set(Instant.parse("2026-11-22T06:00:00Z"));
		phase("second", D2, true);
		clock.set(Instant.parse("2026-11-23T06:00:00Z"));
		phase("third", D3, true);
		phase("third-rerun", D3, true);
		// a process that died mid-request leaves the push SENDING: the next run of the day pushes it again
		app.store().update(SENT_NOTIFICATION).set(SENT_NOTIFICATION.STATUS, "SENDING")
			.where(SENT_NOTIFICATION.AUDIT_DATE.eq(D3)).execute();
		phase("after-crash", D3, true);
		log = output.getAll();
	}

	static void webhook(Map<String, String> settings, int i, String path, String format, String minSeverity,
			boolean onResolve) {
		String prefix = "spend-audit.notify.webhooks[" + i + "].";
		settings.put(prefix + "url", hooks.url(path));
		settings.put(prefix + "format", format);
		if (minSeverity != null) {
			settings.put(prefix + "min-severity", minSeverity);
		}
		settings.put(prefix + "on-resolve", String.valueOf(onResolve));
	}

	/** Runs the day, the down webhook answering {@code downAnswers} first. */
	static void phase(String name, LocalDate day, boolean send, Integer... downAnswers) {
		hooks.reset();
		hooks.answer(DOWN_PATH, downAnswers);
		DayResult result = app.run(day, new RunOptions(out, send, false, null));
		assertThat(result.failure()).as(name).isNull();
		results.put(day, result);
		phases.put(name, hooks.requests());
	}

	@AfterAll
	static void close() {
		app.close();
		hooks.close();
		db.close();
	}

	@Test
	void aRunThatDoesNotSendPushesNothing() {
		assertThat(phases.get("no-send")).isEmpty();
	}

	@Test
	void aNewAlertReachesEveryFormatOnceAndAWatchOnlyTheWatchWebhook() {
		List<HookServer.Request> first = phases.get("first");
		assertThat(paths(first, JSON_PATH)).hasSize(1);
		assertThat(paths(first, DISCORD_PATH)).hasSize(1);
		assertThat(paths(first, NTFY_PATH)).hasSize(1);
		assertThat(paths(first, SLACK_PATH)).as("min-severity WATCH: the spike and the drift").hasSize(2);
		assertThat(paths(first, DOWN_PATH)).as("three attempts").hasSize(3);
	}

	@Test
	void theJsonBodyIsTheFindingOfTheDaysJson() {
		HookServer.Request request = paths(phases.get("first"), JSON_PATH).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
		JsonNode body = JSON.readTree(request.body());
		assertThat(WebhookSchema.violations(body)).isEmpty();
		assertThat(body.get("date").asString()).isEqualTo("2026-11-20");
		assertThat(body.get("state").asString()).isEqualTo("NEW");
		assertThat(body.get("source").asString()).isEqualTo("default");
		JsonNode inDigest = finding(DigestJson.read(results.get(D1).digestJson()).root(), "PROBE_SPIKE");
		for (String field : List.of("id", "kind", "severity", "subject", "source", "reason")) {
			assertThat(body.get(field).asString()).as(field).isEqualTo(inDigest.get(field).asString());
		}
		assertThat(body.get("actualUsd").decimalValue()).isEqualByComparingTo("61.20");
		assertThat(body.get("details")).isEqualTo(inDigest.get("details"));
	}

	@Test
	void slackDiscordAndNtfyGetTheirOwnShapes() {
		List<HookServer.Request> first = phases.get("first");
		JsonNode slack = JSON.readTree(paths(first, SLACK_PATH).stream()
			.filter(r -> r.body().contains("PROBE_SPIKE"))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(slack.propertyNames()).containsExactly("text");
		assertThat(slack.get("text").asString()).startsWith("*[spend-audit] ALERT · PROBE_SPIKE · workload:vk-probe*\n")
			.contains("vk-probe spent $61.20")
			.contains("2026-11-20 · $61.20, expected $0.30 · id ");
		JsonNode discord = JSON.readTree(paths(first, DISCORD_PATH).get(0).body());
		assertThat(discord.get("content").asString()).startsWith("**[spend-audit] ALERT · PROBE_SPIKE · workload:vk-probe**");
		HookServer.Request ntfy = paths(first, NTFY_PATH).get(0);
		assertThat(ntfy.query()).isEqualTo("auth=tOkEn");
		assertThat(ntfy.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(ntfy.header("Title")).isEqualTo("[spend-audit] ALERT - PROBE_SPIKE - workload:vk-probe");
		assertThat(ntfy.header("Priority")).isEqualTo("high");
		assertThat(ntfy.header("Tags")).isEqualTo("rotating_light,spend-audit");
		assertThat(ntfy.body()).startsWith("vk-probe spent $61.20").doesNotStartWith("{");
	}

	@Test
	void aRerunPushesNothingNewAndRetriesOnlyWhatFailed() {
		List<HookServer.Request> rerun = phases.get("rerun");
		assertThat(rerun).extracting(HookServer.Request::path).containsOnly(DOWN_PATH).hasSize(3);
		assertThat(phases.get("third-rerun")).isEmpty();
	}

	@Test
	void aPushLeftSendingByACrashIsPushedAgain() {
		assertThat(phases.get("after-crash")).extracting(HookServer.Request::path).containsExactly(JSON_PATH);
		assertThat(phases.get("after-crash").get(0).body()).isEqualTo(phases.get("third").get(0).body());
	}

	@Test
	void aContinuingFindingIsNotPushedAgainButOneThatRoseIsOnce() {
		List<HookServer.Request> second = phases.get("second");
		for (String path : List.of(JSON_PATH, DISCORD_PATH, NTFY_PATH)) {
			assertThat(paths(second, path)).as(path).hasSize(1);
			HookServer.Request request = paths(second, path).get(0);
			assertThat(request.body() + request.headers()).contains("PROBE_DRIFT").doesNotContain("PROBE_SPIKE");
		}
		JsonNode json = JSON.readTree(paths(second, JSON_PATH).get(0).body());
		assertThat(json.get("state").asString()).isEqualTo("CONTINUING");
		assertThat(json.get("severity").asString()).isEqualTo("ALERT");
		assertThat(WebhookSchema.violations(json)).isEmpty();
		assertThat(paths(second, SLACK_PATH)).as("the WATCH webhook had the drift on its first night").isEmpty();
	}

	@Test
	void aResolvedFindingIsPushedOnceWhereOnResolveIsOn() {
		List<HookServer.Request> third = phases.get("third");
		assertThat(third).extracting(HookServer.Request::path).containsExactly(JSON_PATH);
		JsonNode json = JSON.readTree(third.get(0).body());
		assertThat(json.get("kind").asString()).isEqualTo("PROBE_SPIKE");
		assertThat(json.get("state").asString()).isEqualTo("RESOLVED");
		assertThat(json.get("severity").asString()).isEqualTo("INFO");
		assertThat(json.get("details").get("previousSeverity").asString()).isEqualTo("ALERT");
		assertThat(WebhookSchema.violations(json)).isEmpty();
	}

	@Test
	void aFailingWebhookIsRecordedFailedAndTheNextRunPushesIt() {
		List<HookServer.Request> second = phases.get("second");
		// the next night: the 20th's spike that failed twice, then the 21st's drift
		assertThat(paths(second, DOWN_PATH)).hasSize(2);
		assertThat(JSON.readTree(paths(second, DOWN_PATH).get(0).body()).get("date").asString())
			.isEqualTo("2026-11-20");
		List<SentNotificationRecord> down = app.store()
			.selectFrom(SENT_NOTIFICATION)
			.where(SENT_NOTIFICATION.WEBHOOK.eq(WebhookUrl.parse(hooks.url(DOWN_PATH), "x").fingerprint()))
			.orderBy(SENT_NOTIFICATION.AUDIT_DATE)
			.fetch();
		assertThat(down).extracting(r -> r.getAuditDate() + " " + r.getKind() + " " + r.getState() + " "
				+ r.getStatus() + " " + r.getAttempts())
			.containsExactly("2026-11-20 PROBE_SPIKE NEW SENT 7", "2026-11-21 PROBE_DRIFT CONTINUING SENT 1");
		assertThat(log).contains("webhook " + hooks.url("/") + "…[")
			.containsPattern("PROBE_SPIKE [0-9a-f]{12} NEW not pushed \\(3 attempts\\): HTTP 500: upstream broke;"
					+ " recorded FAILED, the next run tries again");
	}

	@Test
	void everyPushIsRecordedOncePerWebhookDayFindingAndState() {
		List<SentNotificationRecord> rows = app.store().selectFrom(SENT_NOTIFICATION).fetch();
		assertThat(rows).allMatch(r -> r.getStatus().equals("SENT"));
		// json: spike, drift (rose), resolved spike; slack: spike, drift; discord and ntfy: spike, drift (rose);
		// down: spike, drift (rose)
		assertThat(rows).hasSize(3 + 2 + 2 + 2 + 2);
		assertThat(rows).allMatch(r -> !r.getWebhook().contains("sEcReT") && r.getWebhook().length() == 12);
	}

	@Test
	void theUrlsSecretPartIsNeverLogged() {
		assertThat(log).contains("webhooks: ").doesNotContain("sEcReT").doesNotContain("tOkEn");
	}

	private static List<HookServer.Request> paths(List<HookServer.Request> requests, String path) {
		return requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	private static JsonNode finding(JsonNode digest, String kind) {
		for (JsonNode f : digest.get("findings")) {
			if (f.get("kind").asString().equals(kind)) {
				return f;
			}
		}
		throw new AssertionError("no " + kind + " in the day's JSON");
	}

	/** The test's findings: a spike on D1 and D2; a drift, a WATCH on D1 and an ALERT from D2. */
	static final class ProbeRule implements FindingRule {

		@Override
		public List<FindingKind> kinds() {
			return List.of(new FindingKind("PROBE_SPIKE", 6), new FindingKind("PROBE_DRIFT", 7));
		}

		@Override
		public List<Detected> findings(RuleDay day) {
			List<Detected> found = new ArrayList<>();
			if (day.date().equals(D1) || day.date().equals(D2)) {
				found.add(Detected.of("PROBE_SPIKE", Severity.ALERT, "workload:vk-probe", new BigDecimal("61.20"),
						new BigDecimal("0.30"), "vk-probe spent $61.20, 204x its usual $0.30", null));
			}
			if (!day.date().isBefore(D1) && !day.date().isAfter(D3)) {
				found.add(Detected.of("PROBE_DRIFT", day.date().equals(D1) ? Severity.WATCH : Severity.ALERT, "total",
						null, null, "the total drifts up", null));
			}
			return found;
		}

	}

}
