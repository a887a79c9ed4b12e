package dev.spendaudit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A GreenMail SMTP server in the test JVM, on a free port it picks itself (never GreenMail's fixed 3025: other
 * test suites may run on this machine at the same time), and the settings that point the job at it.
 */
public final class TestSmtp implements AutoCloseable {

	public static final String FROM = "spend-audit@example.org";

	private final GreenMail greenMail;

	private TestSmtp(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	/** Accepts any mail, with or without authentication. */
	public static TestSmtp start() {
		return start(GreenMailConfiguration.aConfig().withDisabledAuthentication());
	}

	/** Accepts mail only from a client that logs in as {@code user}. */
	public static TestSmtp startWithLogin(String user, String password) {
		return start(GreenMailConfiguration.aConfig().withUser(user, password));
	}

	/** Accepts any mail on {@code port}: the server that was down, back where the job expects it. */
	public static TestSmtp startOn(int port) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		return new TestSmtp(greenMail);
	}

	private static TestSmtp start(GreenMailConfiguration configuration) {
		GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(configuration);
		greenMail.start();
		return new TestSmtp(greenMail);
	}

	/** A port nothing listens on: an SMTP server that is down. */
	public static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return greenMail.getSmtp().getPort();
	}

	/** The job's settings for mailing {@code to} through this server, retrying without waiting. */
	public Map<String, String> settings(String... to) {
		return settings(port(), to);
	}

	/** The same for a server on {@code port}. */
	public static Map<String, String> settings(int port, String... to) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", String.valueOf(port));
		settings.put("spend-audit.mail.to", String.join(",", to));
		settings.put("spend-audit.mail.from", FROM);
		settings.put("spend-audit.mail.retry-delay", "1ms");
		return settings;
	}

	/**
	 * What arrived, one message per Message-ID (GreenMail keeps a copy per recipient), by the day in its
	 * {@code X-Spend-Audit-Date} header.
	 */
	public List<MimeMessage> received(LocalDate day) {
		Map<String, MimeMessage> byId = new TreeMap<>();
		for (MimeMessage m : greenMail.getReceivedMessages()) {
			try {
				if (day.toString().equals(m.getHeader("X-Spend-Audit-Date", null))) {
					byId.putIfAbsent(m.getMessageID(), m);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return List.copyOf(byId.values());
	}

	/** The statements of a period that arrived, one per Message-ID, by their {@code X-Spend-Audit-Statement}. */
	public List<MimeMessage> statements(String period) {
		Map<String, MimeMessage> byId = new TreeMap<>();
		for (MimeMessage m : greenMail.getReceivedMessages()) {
			try {
				if (period.equals(m.getHeader("X-Spend-Audit-Statement", null))) {
					byId.putIfAbsent(m.getMessageID(), m);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return List.copyOf(byId.values());
	}

	/** Every copy of every message, one per recipient. */
	public List<MimeMessage> copies() {
		return Arrays.asList(greenMail.getReceivedMessages());
	}

	@Override
	public void close() {
		greenMail.stop();
	}

}
