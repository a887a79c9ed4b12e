package dev.spendaudit.reconcile.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

/**
 * GETs one page of a provider's API: a connect and a read timeout, and up to {@code attempts} tries when the
 * request got no answer, a 5xx or a 429 (waiting what {@code Retry-After} says, else a short backoff that doubles);
 * any other answer but a 2xx (401, 403, 400, ...) fails at once. Failures come back as {@link FetchFailedException}
 * with one line: the HTTP status and the first line of the answer, or the cause.
 */
final class ApiClient {

	/** The most of an error answer's body quoted in the one line. */
	static final int MAX_QUOTED = 200;

	/** The longest a {@code Retry-After} is waited for: a night does not wait on a provider for long. */
	static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

	private final HttpClient http;

	private final Duration readTimeout;

	private final int attempts;

	private final RetryPolicy<byte[]> retry;

	ApiClient(Duration connectTimeout, Duration readTimeout, int attempts, Duration backoff) {
		this.readTimeout = readTimeout;
		this.attempts = attempts;
		// redirects are not followed: the key would go along to wherever they point
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		Duration longest = backoff.multipliedBy(8);
		this.retry = RetryPolicy.<byte[]>builder()
			.handle(Transient.class)
			.withMaxAttempts(attempts)
			.withDelayFn(context -> {
				if (context.getLastException() instanceof Transient t && t.retryAfter != null) {
					return t.retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : t.retryAfter;
				}
				Duration delay = backoff.multipliedBy(1L << Math.min(10, Math.max(0, context.getAttemptCount() - 1)));
				return delay.compareTo(longest) > 0 ? longest : delay;
			})
			.build();
	}

	/** The body of a 2xx answer, as served. */
	byte[] get(URI uri, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(readTimeout)
			.header("User-Agent", "spend-audit")
			.header("Accept", "application/json");
		headers.forEach(builder::header);
		HttpRequest request = builder.GET().build();
		try {
			return Failsafe.with(retry).get(() -> send(request));
		}
		catch (Transient ex) {
			throw new FetchFailedException(ex.getMessage() + (attempts > 1 ? " (after " + attempts + " attempts)" : ""));
		}
		catch (Refused ex) {
			throw new FetchFailedException(ex.getMessage());
		}
	}

	private byte[] send(HttpRequest request) {
		HttpResponse<byte[]> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (HttpTimeoutException ex) {
			throw new Transient("no answer within " + readTimeout.toMillis() + " ms", null);
		}
		catch (IOException ex) {
			throw new Transient(oneLine(ex), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refused("interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return response.body();
		}
		String answer = "HTTP " + status + quoted(response.body());
		if (status >= 500 || status == 429) {
			throw new Transient(answer, RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
		}
		if (status == 401 || status == 403) {
			// asking again with the same key will not change the answer
			throw new Refused(answer + " (the key is refused; not retried)");
		}
		throw new Refused(answer + " (not retried)");
	}

	private static String quoted(byte[] body) {
		String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
		if (line.isEmpty()) {
			return "";
		}
		return ": " + (line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "…" : line);
	}

	private static String oneLine(Throwable ex) {
		String name = ex.getClass().getSimpleName();
		String message = ex.getMessage() == null ? "" : ex.getMessage().lines().findFirst().orElse("");
		return message.isEmpty() ? name : name + ": " + message;
	}

	/** No answer, a 5xx or a 429: worth another attempt, after {@code retryAfter} when the answer said. */
	private static final class Transient extends RuntimeException {

		private final transient Duration retryAfter;

		Transient(String message, Duration retryAfter) {
			super(message, null, false, false);
			this.retryAfter = retryAfter;
		}

	}

	/** An answer that another attempt will not change. */
	private static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message, null, false, false);
		}

	}

}
