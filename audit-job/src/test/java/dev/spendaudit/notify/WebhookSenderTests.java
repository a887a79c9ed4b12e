package dev.spendaudit.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One push against a real HTTP server: retried on no answer, a 5xx or a 429, not on another 4xx. */
class WebhookSenderTests {

	static HookServer server;

	static final WebhookSender SENDER = new WebhookSender(new NotifySettings(List.of(), Duration.ofSeconds(5), 2,
			Duration.ZERO));

	static final Message MESSAGE = new Message("text/plain; charset=utf-8", "hello", Map.of("Title", "hi"));

	@BeforeAll
	static void start() {
		server = HookServer.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@BeforeEach
	void reset() {
		server.reset();
	}

	@Test
	void aPushIsAPostWithTheBodyAndHeaders() {
		AtomicInteger attempts = new AtomicInteger();
		SENDER.send(url("/topic-sEcReT"), MESSAGE, attempts::incrementAndGet);
		assertThat(attempts).hasValue(1);
		HookServer.Request request = server.to("/topic-sEcReT").get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.body()).isEqualTo("hello");
		assertThat(request.header("Title")).isEqualTo("hi");
		assertThat(request.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(request.header("User-Agent")).isEqualTo("spend-audit");
	}

	@Test
	void aServerErrorIsRetriedUntilItIsAnswered() {
		server.answer("/flaky", 500, 429);
		AtomicInteger attempts = new AtomicInteger();
		SENDER.send(url("/flaky"), MESSAGE, attempts::incrementAndGet);
		assertThat(attempts).hasValue(3);
		assertThat(server.to("/flaky")).hasSize(3);
	}

	@Test
	void aServerThatKeepsFailingFailsAfterTheRetriesWithItsAnswer() {
		server.answer("/down/sEcReT", 502, 502, 502);
		WebhookSender.PushFailedException failed = catchThrowableOfType(WebhookSender.PushFailedException.class,
				() -> SENDER.send(url("/down/sEcReT"), MESSAGE, () -> { }));
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.getMessage()).isEqualTo("HTTP 502: upstream broke");
	}

	@Test
	void aRefusalIsNotAskedAgain() {
		server.answer("/gone", 404);
		WebhookSender.PushFailedException failed = catchThrowableOfType(WebhookSender.PushFailedException.class,
				() -> SENDER.send(url("/gone"), MESSAGE, () -> { }));
		assertThat(failed.attempts()).isEqualTo(1);
		assertThat(failed.getMessage()).isEqualTo("HTTP 404: upstream broke");
	}

	@Test
	void noServerIsOneLineWithoutTheSecret() {
		HookServer gone = HookServer.start();
		String dead = gone.url("/hooks/sEcReT?token=tOkEn");
		gone.close();
		WebhookUrl url = WebhookUrl.parse(dead, "x");
		WebhookSender.PushFailedException failed = catchThrowableOfType(WebhookSender.PushFailedException.class,
				() -> SENDER.send(url, MESSAGE, () -> { }));
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.getMessage()).doesNotContain("sEcReT").doesNotContain("tOkEn").doesNotContain("\n")
			.contains("ConnectException");
	}

	private static WebhookUrl url(String path) {
		return WebhookUrl.parse(server.url(path), "x");
	}

}
