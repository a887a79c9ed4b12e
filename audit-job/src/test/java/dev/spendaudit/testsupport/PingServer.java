package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A healthchecks.io stand-in in the test JVM: the JDK's HTTP server on a free loopback port, recording every ping
 * (method, path, body) and answering 200 unless told otherwise.
 */
public final class PingServer implements AutoCloseable {

	/** One request as the server saw it. */
	public record Ping(String method, String path, String body) {
	}

	private final HttpServer server;

	private final List<Ping> pings = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();

	private volatile Duration delay = Duration.ZERO;

	private PingServer(HttpServer server) {
		this.server = server;
	}

	public static PingServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			PingServer pings = new PingServer(server);
			server.createContext("/", pings::handle);
			server.setExecutor(Executors.newCachedThreadPool(r -> {
				Thread t = new Thread(r, "ping-server");
				t.setDaemon(true);
				return t;
			}));
			server.start();
			return pings;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the ping server: " + ex.getMessage(), ex);
		}
	}

	/** The check URL for {@code path}, e.g. {@code http://127.0.0.1:PORT/ping/SECRET}. */
	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next requests are answered with these statuses, in order (then 200 again). */
	public PingServer answer(Integer... statuses) {
		this.statuses.addAll(List.of(statuses));
		return this;
	}

	/** Every answer waits this long first. */
	public PingServer delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	public List<Ping> pings() {
		return new ArrayList<>(pings);
	}

	public List<String> paths() {
		return pings.stream().map(Ping::path).toList();
	}

	public void reset() {
		pings.clear();
		statuses.clear();
		delay = Duration.ZERO;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			pings.add(new Ping(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), body));
			if (!delay.isZero()) {
				Thread.sleep(delay.toMillis());
			}
			Integer status = statuses.poll();
			byte[] answer = "OK".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
			exchange.getResponseBody().write(answer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
