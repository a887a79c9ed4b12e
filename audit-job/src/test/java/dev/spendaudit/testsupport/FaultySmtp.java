package dev.spendaudit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMTP servers that misbehave, in the test JVM on a free port: one that accepts connections and never says a word
 * (a hung server or a black-holing firewall), and one that speaks just enough SMTP to refuse every recipient with
 * a 550. Each counts what it saw, so a test can tell how many attempts the job made.
 */
public final class FaultySmtp implements AutoCloseable {

	private final ServerSocket server;

	private final boolean refuseRecipients;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger refusedRecipients = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private FaultySmtp(boolean refuseRecipients) {
		this.refuseRecipients = refuseRecipients;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "faulty-smtp-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Accepts every connection and reads nothing, answers nothing. */
	public static FaultySmtp silent() {
		return new FaultySmtp(false);
	}

	/** Greets, says yes to everything but {@code RCPT TO}, which gets {@code 550 5.1.1}. */
	public static FaultySmtp refusingRecipients() {
		return new FaultySmtp(true);
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Connections accepted so far: one per SMTP attempt. */
	public int connections() {
		return connections.get();
	}

	/** {@code RCPT TO} commands answered with 550 so far. */
	public int refusedRecipients() {
		return refusedRecipients.get();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				connections.incrementAndGet();
				open.add(socket);
				if (refuseRecipients) {
					Thread talker = new Thread(() -> refuse(socket), "faulty-smtp-session");
					talker.setDaemon(true);
					talker.start();
				}
			}
			catch (IOException ex) {
				// closed: the test is over
			}
		}
	}

	private void refuse(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = socket.getOutputStream()) {
			say(out, "220 faulty.example ESMTP");
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					say(out, "250 faulty.example");
				}
				else if (command.startsWith("RCPT TO")) {
					refusedRecipients.incrementAndGet();
					say(out, "550 5.1.1 <" + line.replaceAll(".*<|>.*", "") + ">: no such user here");
				}
				else if (command.startsWith("QUIT")) {
					say(out, "221 bye");
					return;
				}
				else {
					say(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// the client hung up
		}
	}

	private static void say(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		try {
			server.close();
			for (Socket socket : open) {
				socket.close();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
