package dev.spendaudit.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack, Discord, ntfy and a JSON endpoint in the test JVM: the JDK's HTTP server on a free loopback port,
 * recording every request (method, path, query, headers, body) and answering 200 unless a path is told otherwise.
 */
final class HookServer implements AutoCloseable {

	/** One request as the server saw it; header names in lower case. */
	record Request(String method, String path, String query, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(java.util.Locale.ROOT));
		}

	}

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();

	private HookServer(HttpServer server) {
		this.server = server;
	}

	static HookServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			HookServer hooks = new HookServer(server);
			server.createContext("/", hooks::handle);
			server.setExecutor(Executors.newCachedThreadPool(r -> {
				Thread t = new Thread(r, "hook-server");
				t.setDaemon(true);
				return t;
			}));
			server.start();
			return hooks;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the webhook server: " + ex.getMessage(), ex);
		}
	}

	/** The URL of {@code pathAndQuery}, e.g. {@code http://127.0.0.1:PORT/services/T000/B000/SECRET}. */
	String url(String pathAndQuery) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
	}

	/** The next requests to {@code path} are answered with these statuses, in order (then 200 again). */
	HookServer answer(String path, Integer... answers) {
		statuses.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(answers));
		return this;
	}

	List<Request> requests() {
		return new ArrayList<>(requests);
	}

	List<Request> to(String path) {
		return requests.stream().filter(r -> r.path().equals(path)).toList();
	}

	void reset() {
		requests.clear();
		statuses.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
					String.join(",", v)));
			String path = exchange.getRequestURI().getRawPath();
			requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
					body));
			Deque<Integer> queue = statuses.get(path);
			Integer status = queue == null ? null : queue.poll();
			byte[] answer = (status == null || status < 300 ? "ok" : "upstream broke").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
