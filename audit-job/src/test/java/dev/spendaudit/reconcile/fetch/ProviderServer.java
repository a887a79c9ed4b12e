package dev.spendaudit.reconcile.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider's API in the test JVM: each path answers the answers queued for it, one per request, in order (a
 * request past the last one gets a 404, which is not retried, so a test fails plainly), or never answers at all.
 * Every request is kept with its query and headers.
 */
final class ProviderServer implements AutoCloseable {

	/** One answer: a status, headers, and the body exactly as served. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer ok(String body) {
			return new Answer(200, Map.of("Content-Type", "application/json"), body);
		}

		static Answer status(int status, String body) {
			return new Answer(status, Map.of("Content-Type", "application/json"), body);
		}

	}

	/** One request as received: the path, the decoded query, the headers (names in lower case). */
	record Seen(String path, String query, Map<String, String> headers, long nanos) {

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Deque<Answer>> answers = new HashMap<>();

	private final List<String> hanging = new ArrayList<>();

	private final List<Seen> seen = new ArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	ProviderServer() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	synchronized ProviderServer answer(String path, Answer... queued) {
		answers.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(queued));
		return this;
	}

	/** Requests to {@code path} are read and never answered (until the server closes). */
	synchronized ProviderServer hang(String path) {
		hanging.add(path);
		return this;
	}

	synchronized List<Seen> seen(String path) {
		return seen.stream().filter(s -> s.path().equals(path)).toList();
	}

	synchronized List<Seen> seen() {
		return List.copyOf(seen);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Answer answer;
		boolean hang;
		synchronized (this) {
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			seen.add(new Seen(path, exchange.getRequestURI().getQuery(), headers, System.nanoTime()));
			hang = hanging.contains(path);
			Deque<Answer> queue = answers.get(path);
			answer = queue == null || queue.isEmpty() ? Answer.status(404, "{\"error\":\"no recorded answer\"}")
					: queue.poll();
		}
		if (hang) {
			try {
				closing.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.close();
			return;
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		answer.headers().forEach(exchange.getResponseHeaders()::add);
		exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		executor.shutdownNow();
	}

}
