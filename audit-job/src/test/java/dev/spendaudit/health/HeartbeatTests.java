package dev.spendaudit.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.testsupport.PingServer;
import dev.spendaudit.testsupport.PingServer.Ping;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The heartbeat against a local HTTP server: what is pinged when, retries, timeouts, and never the URL's secret
 * in a warning.
 */
class HeartbeatTests {

	static final String SECRET = "/ping/5bf66975-d4c7-4bf5-bcc8-b8d8a82ea278";

	static PingServer server;

	final List<String> warnings = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startServer() {
		server = PingServer.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	@Test
	void aRunThatIsDonePingsStartThenTheUrl() {
		Heartbeat heartbeat = heartbeat(settings(server.url(SECRET), false));
		heartbeat.started();
		heartbeat.finished(ExitCode.DONE, null);
		assertThat(server.pings()).containsExactly(new Ping("GET", SECRET + "/start", ""), new Ping("GET", SECRET, ""));
		assertThat(warnings).isEmpty();
	}

	@Test
	void aFailedRunPostsItsCauseToFail() {
		heartbeat(settings(server.url(SECRET + "/"), false)).finished(ExitCode.SOURCE,
				"cannot connect to the LiteLLM database at jdbc:postgresql://db:5432/litellm: Connection refused");
		assertThat(server.pings()).containsExactly(new Ping("POST", SECRET + "/fail",
				"cannot connect to the LiteLLM database at jdbc:postgresql://db:5432/litellm: Connection refused"));
	}

	@Test
	void withPingExitCodeTheEndPingIsTheExitCode() {
		Heartbeat heartbeat = heartbeat(settings(server.url(SECRET), true));
		heartbeat.finished(ExitCode.DONE, null);
		heartbeat.finished(ExitCode.DAY_LOCKED, "another spend-audit process is auditing 2026-11-26 right now");
		heartbeat.finished(ExitCode.ALERT, "2026-11-26 is an ALERT: BUDGET");
		assertThat(server.pings()).containsExactly(new Ping("GET", SECRET + "/0", ""),
				new Ping("POST", SECRET + "/8", "another spend-audit process is auditing 2026-11-26 right now"),
				new Ping("POST", SECRET + "/10", "2026-11-26 is an ALERT: BUDGET"));
	}

	@Test
	void anAlertWithoutPingExitCodeIsAFailure() {
		heartbeat(settings(server.url(SECRET), false)).finished(ExitCode.ALERT, "2026-11-26 is an ALERT: SPIKE");
		assertThat(server.paths()).containsExactly(SECRET + "/fail");
	}

	@Test
	void aServerErrorIsRetriedAndAnAnswerStopsTheRetries() {
		server.answer(503, 502);
		heartbeat(settings(server.url(SECRET), false)).started();
		assertThat(server.paths()).containsExactly(SECRET + "/start", SECRET + "/start", SECRET + "/start");
		assertThat(warnings).isEmpty();
	}

	@Test
	void aRefusedPingIsNotRetriedAndWarnsWithTheHostOnly() {
		server.answer(404);
		heartbeat(settings(server.url(SECRET), false)).finished(ExitCode.DONE, null);
		assertThat(server.paths()).hasSize(1);
		assertThat(warnings).singleElement()
			.asString()
			.contains("could not ping http://127.0.0.1:")
			.contains("HTTP 404")
			.doesNotContain("5bf66975")
			.doesNotContain("/ping");
	}

	@Test
	void aServerThatNeverAnswersCostsOnlyTheTimeoutsAndNeverTheRun() {
		server.delay(Duration.ofSeconds(5));
		HealthSettings settings = new HealthSettings(server.url(SECRET), false, Duration.ofMillis(200), 1,
				Duration.ofMillis(10), null);
		long started = System.nanoTime();
		heartbeat(settings).started();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(warnings).singleElement()
			.asString()
			.contains("(start)")
			.contains("timed out")
			.doesNotContain("5bf66975");
	}

	@Test
	void aHostThatIsDownIsOneWarning() {
		int closed = TestSmtp.closedPort();
		heartbeat(settings("http://127.0.0.1:" + closed + SECRET, false)).finished(ExitCode.FAILED, "boom");
		assertThat(warnings).singleElement()
			.asString()
			.startsWith("heartbeat: could not ping http://127.0.0.1:" + closed + " (fail): ")
			.contains("ConnectException")
			.doesNotContain("5bf66975");
	}

	@Test
	void aBadUrlStopsAtStartUpWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("ftp://hc-ping.com/secret-uuid", false))
			.withMessageStartingWith("spend-audit.health.ping-url must be an http:// or https:// URL")
			.withMessageNotContaining("secret-uuid");
		assertThatIllegalArgumentException().isThrownBy(() -> settings("https://hc ping.com/secret-uuid", false))
			.withMessageNotContaining("secret-uuid");
		assertThat(settings("https://hc-ping.com/secret-uuid", false).toString()).doesNotContain("secret-uuid")
			.contains("https://hc-ping.com/****");
	}

	@Test
	void derivedUrlsKeepTheQueryAndDropATrailingSlash() {
		PingUrl url = PingUrl.parse("https://hc-ping.com/key/slug/?create=1");
		assertThat(url.start()).hasToString("https://hc-ping.com/key/slug/start?create=1");
		assertThat(url.fail()).hasToString("https://hc-ping.com/key/slug/fail?create=1");
		assertThat(url.exitCode(4)).hasToString("https://hc-ping.com/key/slug/4?create=1");
		assertThat(url.host()).isEqualTo("https://hc-ping.com");
	}

	private Heartbeat heartbeat(HealthSettings settings) {
		return new Heartbeat(settings.ping().orElseThrow(), settings, warnings::add);
	}

	private static HealthSettings settings(String url, boolean pingExitCode) {
		return new HealthSettings(url, pingExitCode, Duration.ofSeconds(2), 2, Duration.ofMillis(10), null);
	}

}
