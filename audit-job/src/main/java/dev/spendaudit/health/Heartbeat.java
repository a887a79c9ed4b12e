package dev.spendaudit.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

import dev.spendaudit.core.ExitCode;

/**
 * Pings a healthchecks.io-style URL when a run starts and when it ends, so that a run which never happens, hangs
 * or fails is noticed by someone else's clock. A ping is short (its own timeouts), retried a little, and never
 * fails the run: whatever goes wrong is one warning line naming the host, never the URL's secret path.
 */
public final class Heartbeat {

	/** The most of a failure's cause sent as the ping's body. */
	static final int MAX_BODY = 10_000;

	private final PingUrl url;

	private final boolean pingExitCode;

	private final Duration timeout;

	private final int retries;

	private final Duration retryDelay;

	private final Consumer<String> warnings;

	private final HttpClient http;

	Heartbeat(PingUrl url, HealthSettings settings, Consumer<String> warnings) {
		this.url = url;
		this.pingExitCode = settings.pingExitCode();
		this.timeout = settings.pingTimeout();
		this.retries = settings.pingRetries();
		this.retryDelay = settings.pingRetryDelay();
		this.warnings = warnings;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** {@code URL/start}. */
	void started() {
		ping("start", url.start(), null);
	}

	/**
	 * The run's end: {@code URL} when it is done, {@code URL/fail} with the cause as body otherwise; with
	 * {@code ping-exit-code}, {@code URL/EXITCODE} either way.
	 */
	void finished(ExitCode exit, String cause) {
		boolean ok = exit == ExitCode.DONE;
		String body = ok ? null : (cause == null ? exit.meaning() : cause);
		if (pingExitCode) {
			ping("exit code " + exit.code(), url.exitCode(exit.code()), body);
		}
		else {
			ping(ok ? "success" : "fail", ok ? url.success() : url.fail(), body);
		}
	}

	private void ping(String what, URI uri, String body) {
		HttpRequest request = request(uri, body);
		String last = null;
		for (int attempt = 1; attempt <= retries + 1; attempt++) {
			if (attempt > 1 && !pause()) {
				break;
			}
			try {
				int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status < 300) {
					return;
				}
				last = "HTTP " + status;
				if (status < 500 && status != 429) {
					// a wrong URL or a refused check: asking again will not change the answer
					break;
				}
			}
			catch (IOException ex) {
				last = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getClass().getSimpleName() + ": "
						+ ex.getMessage();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				last = "interrupted";
				break;
			}
			catch (RuntimeException ex) {
				last = ex.getClass().getSimpleName() + ": " + ex.getMessage();
				break;
			}
		}
		warnings.accept(url.scrub("heartbeat: could not ping " + url.host() + " (" + what + "): " + last
				+ "; the run goes on (spend-audit.health.ping-url)"));
	}

	private HttpRequest request(URI uri, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("User-Agent", "spend-audit");
		if (body == null) {
			return builder.GET().build();
		}
		String text = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
		// healthchecks.io keeps a POST body as the ping's log: the one-line cause shows next to the failure
		return builder.header("Content-Type", "text/plain; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
			.build();
	}

	private boolean pause() {
		try {
			Thread.sleep(retryDelay.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
