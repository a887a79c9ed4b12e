package dev.spendaudit.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spendaudit.core.AnswerText;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * POSTs a message to a webhook: short timeouts, and a couple of retries (doubling the delay) when the request got
 * no answer, a 5xx or a 429; a 4xx other than 429 is not asked again. What went wrong comes back as one line, with
 * the URL's secret part scrubbed.
 */
class WebhookSender {

	/** The most of an error answer's body quoted in the one line. */

	private final HttpClient http;

	private final Duration timeout;

	private final RetryTemplate retry;

	WebhookSender(NotifySettings settings) {
		this.timeout = settings.timeout();
		// redirects are not followed: a webhook that moved is a setting to fix, and the message stays unsent
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
		Duration delay = settings.retryDelay();
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(settings.retries())
			.delay(delay)
			.multiplier(2)
			.maxDelay(delay.isZero() ? Duration.ofMillis(1) : delay.multipliedBy(8))
			.predicate(ex -> ex instanceof Transient)
			.build());
	}

	/**
	 * @param attempted called before each attempt, so the record counts them
	 * @throws PushFailedException with the last attempt's reason, when no attempt was answered with a 2xx
	 */
	void send(WebhookUrl url, Message message, Runnable attempted) {
		HttpRequest request = request(url, message);
		AtomicInteger attempts = new AtomicInteger();
		try {
			retry.execute(() -> {
				attempts.incrementAndGet();
				attempted.run();
				return post(request);
			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException() != null ? ex.getLastException() : ex;
			String reason = last instanceof Transient || last instanceof Refused ? last.getMessage()
					: AnswerText.oneLine(last);
			throw new PushFailedException(url.scrub(reason), attempts.get());
		}
	}

	private Integer post(HttpRequest request) throws Transient, Refused {
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new Transient(AnswerText.oneLine(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refused("interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return status;
		}
		String answer = "HTTP " + status + AnswerText.quoted(response.body());
		if (status >= 500 || status == 429) {
			throw new Transient(answer);
		}
		// a wrong URL, a revoked token, a refused body: asking again will not change the answer
		throw new Refused(answer);
	}

	private HttpRequest request(WebhookUrl url, Message message) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(url.uri())
			.timeout(timeout)
			.header("User-Agent", "spend-audit")
			.header("Content-Type", message.contentType());
		message.headers().forEach(builder::header);
		return builder.POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8)).build();
	}

	/** No answer, a 5xx or a 429: worth another attempt. */
	private static final class Transient extends Exception {

		Transient(String message) {
			super(message, null, false, false);
		}

	}

	/** An answer that another attempt will not change. */
	private static final class Refused extends Exception {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

	/** Every attempt failed. */
	static final class PushFailedException extends RuntimeException {

		private final int attempts;

		PushFailedException(String reason, int attempts) {
			super(reason, null, false, false);
			this.attempts = attempts;
		}

		int attempts() {
			return attempts;
		}

	}

}
