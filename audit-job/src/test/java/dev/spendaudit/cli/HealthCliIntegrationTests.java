package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.PingServer;
import dev.spendaudit.testsupport.PingServer.Ping;
import dev.spendaudit.testsupport.PromFile;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The job's own health from the command line: the heartbeat on a local HTTP server and the Prometheus textfile
 * read back with a text-format parser, after a real run, a failed run and an ALERT day.
 */
class HealthCliIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final String CHECK = "/ping/0f6a1c2e-secret-check";

	static LiteLlmDatabase db;

	static PingServer pings;

	@TempDir
	Path dir;

	/** $13.50 metered on the day; one key spent $12 of its $10 budget, so the day is an ALERT. */
	@BeforeAll
	static void aDayAndAPingServer() {
		db = LiteLlmDatabase.create("healthcli");
		String key = KeyHash.of("sk-health");
		String capped = KeyHash.of("sk-health-capped");
		db.writer().key(key, "vk-health", "sk-...alth");
		db.writer().key(capped, "vk-capped", "sk-...pped");
		db.writer().spendLogs(List.of(
				Call.of("h1", key, "vk-health", "gpt-4.1-mini", "openai", DAY.atTime(9, 0), 1.5, 1000, 100),
				Call.of("h2", capped, "vk-capped", "gpt-4.1-mini", "openai", DAY.atTime(22, 30), 12.0, 9000, 900)));
		db.writer().budget(capped, 10, "30d", LocalDateTime.of(2027, 6, 1, 0, 0), 12);
		pings = PingServer.start();
	}

	@AfterAll
	static void close() {
		pings.close();
		db.close();
	}

	@BeforeEach
	void noPingsYet() {
		pings.reset();
	}

	@Test
	void aRunPingsStartThenSuccessAndWritesTheDaysFigures() throws Exception {
		Instant before = Instant.now();
		CliIntegrationTests.Result r = cli("run", "--config", config("").toString(), "--date", DAY.toString(),
				"--out", out().toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(pings.pings()).containsExactly(new Ping("GET", CHECK + "/start", ""), new Ping("GET", CHECK, ""));

		JsonNode json = DigestJson.read(out().resolve("digest-2026-11-26.json")).root();
		PromFile prom = PromFile.read(dir.resolve("textfile/spend-audit.prom"));
		assertThat(prom.value("spend_audit_last_run_success")).isEqualTo(1.0);
		assertThat(prom.value("spend_audit_last_run_exit_code")).isZero();
		assertThat(prom.value("spend_audit_last_run_timestamp_seconds"))
			.isBetween((double) before.getEpochSecond(), (double) Instant.now().getEpochSecond() + 1);
		assertThat(prom.value("spend_audit_last_audited_day_timestamp_seconds"))
			.isEqualTo((double) DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
		assertThat(prom.value("spend_audit_day_metered_usd")).isEqualTo(13.5)
			.isEqualTo(json.get("metered").get("usd").asDouble());
		assertThat(prom.value("spend_audit_day_total_usd")).isEqualTo(json.get("totalUsd").asDouble());
		assertThat(prom.value("spend_audit_findings", Map.of("kind", "BUDGET", "severity", "ALERT"))).isEqualTo(1.0);
		assertThat(prom.value("spend_audit_day_status")).isEqualTo(2.0);
		double age = Instant.parse(json.get("freshness").get("checkedAt").asString()).getEpochSecond()
				- Instant.parse(json.get("freshness").get("newestRowAtRun").asString()).getEpochSecond();
		assertThat(prom.value("spend_audit_spend_log_age_seconds")).isCloseTo(age, within(1.0));
		assertThat(prom.value("spend_audit_digest_sent")).as("no recipients: not mailed").isZero();
		assertThat(r.out() + r.err()).doesNotContain("secret-check");
	}

	@Test
	void aFailedRunPingsFailWithItsCauseAndKeepsTheLastAuditedDay() throws Exception {
		assertThat(cli("run", "--config", config("").toString(), "--date", DAY.toString(), "--out", out().toString())
			.exit()).isZero();
		pings.reset();

		Path down = Files.writeString(dir.resolve("down.yml"), """
				spend-audit:
				  source:
				    url: jdbc:postgresql://127.0.0.1:1/litellm
				  health:
				    ping-url: %s
				    textfile-dir: %s
				""".formatted(pings.url(CHECK), dir.resolve("textfile")));
		CliIntegrationTests.Result r = cli("run", "--config", down.toString(), "--date", DAY.toString(), "--out",
				out().toString());
		assertThat(r.exit()).isEqualTo(4);
		assertThat(pings.paths()).containsExactly(CHECK + "/start", CHECK + "/fail");
		Ping fail = pings.pings().get(1);
		assertThat(fail.method()).isEqualTo("POST");
		assertThat(fail.body()).startsWith("cannot connect to the LiteLLM database").contains("127.0.0.1:1")
			.doesNotContain("\n");

		PromFile prom = PromFile.read(dir.resolve("textfile/spend-audit.prom"));
		assertThat(prom.value("spend_audit_last_run_success")).isZero();
		assertThat(prom.value("spend_audit_last_run_exit_code")).isEqualTo(4.0);
		assertThat(prom.value("spend_audit_day_metered_usd")).as("the last audited day's, still").isEqualTo(13.5);
		assertThat(prom.value("spend_audit_digest_sent")).as("the store could not be asked").isNaN();
	}

	@Test
	void anAlertDayWithExitOnAlertPingsItsExitCode() throws Exception {
		CliIntegrationTests.Result r = cli("run", "--config", config("""
				  exit-on-alert: true
				""", "    ping-exit-code: true\n").toString(), "--date", DAY.toString(), "--out", out().toString());
		assertThat(r.exit()).as(r.err()).isEqualTo(10);
		assertThat(pings.paths()).containsExactly(CHECK + "/start", CHECK + "/10");
		assertThat(pings.pings().get(1).method()).isEqualTo("POST");
		assertThat(pings.pings().get(1).body()).startsWith("2026-11-26 is an ALERT: ").contains("BUDGET");
		PromFile prom = PromFile.read(dir.resolve("textfile/spend-audit.prom"));
		assertThat(prom.value("spend_audit_last_run_exit_code")).isEqualTo(10.0);
		assertThat(prom.value("spend_audit_last_run_success")).as("the run did its work").isEqualTo(1.0);
		assertThat(prom.value("spend_audit_findings", Map.of("kind", "BUDGET", "severity", "ALERT"))).isEqualTo(1.0);
	}

	@Test
	void resendPingsToo() throws Exception {
		Path config = config("");
		CliIntegrationTests.Result r = cli("resend", "--config", config.toString(), "--date", DAY.toString(), "--out",
				out().toString());
		assertThat(r.exit()).isEqualTo(3);
		assertThat(pings.paths()).containsExactly(CHECK + "/start", CHECK + "/fail");
		assertThat(pings.pings().get(1).body()).contains("no recipients configured (spend-audit.mail.to)");
		assertThat(PromFile.read(dir.resolve("textfile/spend-audit.prom")).value("spend_audit_last_run_exit_code"))
			.isEqualTo(3.0);
	}

	@Test
	void aHeartbeatThatCannotBeReachedNeverFailsTheRun() throws Exception {
		int closed = TestSmtp.closedPort();
		Path config = Files.writeString(dir.resolve("unreachable.yml"), base() + """
				  health:
				    ping-url: http://127.0.0.1:%d%s
				    ping-timeout: 500ms
				    ping-retries: 1
				    ping-retry-delay: 10ms
				""".formatted(closed, CHECK));
		CliIntegrationTests.Result r = cli("run", "--config", config.toString(), "--date", DAY.toString(), "--out",
				out().toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.err().lines()).hasSize(2)
			.allSatisfy(line -> assertThat(line).startsWith("spend-audit: warning: heartbeat: could not ping"
					+ " http://127.0.0.1:" + closed + " ("))
			.noneSatisfy(line -> assertThat(line).contains("secret-check"));
	}

	private Path out() {
		return dir.resolve("out");
	}

	/** The database, the heartbeat and the textfile, plus {@code more} under spend-audit and {@code health}. */
	private Path config(String more, String moreHealth) throws Exception {
		return Files.writeString(dir.resolve("health-" + System.nanoTime() + ".yml"), base() + more + """
				  health:
				    ping-url: %s
				    textfile-dir: %s
				""".formatted(pings.url(CHECK), dir.resolve("textfile")) + moreHealth);
	}

	private Path config(String more) throws Exception {
		return config(more, "");
	}

	private static String base() {
		Endpoint e = db.endpoint();
		return """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(e.url(), e.username(), e.password());
	}

}
