package dev.spendaudit.delivery;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;

/**
 * The SMTP conversation {@code doctor} holds with the digest's server, the way the nightly run will hold it
 * (Spring's {@code spring.mail.*}): connect, EHLO, STARTTLS when configured, authenticate, and quit without sending;
 * or send one short test message.
 */
public final class SmtpProbe {

	private final Server server;

	private SmtpProbe(Server server) {
		this.server = server;
	}

	/**
	 * The server as configured.
	 *
	 * @param protocol {@code smtp}, or {@code smtps} for TLS from the first byte
	 * @param startTls whether {@code mail.smtp.starttls.enable} is on (it is never used with {@code smtps})
	 * @param properties every {@code spring.mail.properties.*}, plus the timeouts' defaults
	 */
	public record Server(String host, int port, String protocol, String username, String password, boolean startTls,
			boolean startTlsRequired, boolean ssl, Properties properties) {

		/** Whether mail leaves the machine: a host other than localhost. */
		public boolean remote() {
			String h = host.toLowerCase(Locale.ROOT);
			return !(h.equals("localhost") || h.equals("127.0.0.1") || h.equals("::1") || h.equals("[::1]"));
		}

		/** Whether the password and the digest travel encrypted (STARTTLS or SMTPS). */
		public boolean encrypted() {
			return ssl || startTls;
		}

		@Override
		public String toString() {
			return protocol + "://" + host + ":" + port;
		}

	}

	/**
	 * What the server said.
	 *
	 * @param tls whether the conversation ended up encrypted (STARTTLS done, or SMTPS)
	 * @param authenticated whether a login was made and accepted (false when no username is set)
	 * @param offersAuth whether the server offered AUTH at all
	 * @param error the one-line reason the conversation failed, or null
	 * @param authRefused whether that reason is a refused login
	 */
	public record Outcome(boolean connected, boolean tls, boolean authenticated, boolean offersAuth, String greeting,
			String error, boolean authRefused) {
	}

	/** The configured server, or null when {@code spring.mail.host} is not set. */
	public static SmtpProbe of(Environment environment) {
		MailProperties mail = Binder.get(environment).bind("spring.mail", MailProperties.class).orElse(null);
		if (mail == null || mail.getHost() == null || mail.getHost().isBlank()) {
			return null;
		}
		String protocol = mail.getProtocol() == null ? "smtp" : mail.getProtocol();
		Properties props = new Properties();
		props.putAll(mail.getProperties());
		// the nightly run's own defaults (MailSettings connect-timeout / read-timeout); a doctor must not hang either
		props.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
		props.putIfAbsent("mail." + protocol + ".timeout", "30000");
		if (mail.getSsl().isEnabled()) {
			props.put("mail." + protocol + ".ssl.enable", "true");
		}
		boolean ssl = "smtps".equals(protocol) || Boolean.parseBoolean(props.getProperty("mail." + protocol
				+ ".ssl.enable"));
		boolean startTls = !ssl && Boolean.parseBoolean(props.getProperty("mail." + protocol + ".starttls.enable"));
		boolean required = Boolean.parseBoolean(props.getProperty("mail." + protocol + ".starttls.required"));
		int port = mail.getPort() != null ? mail.getPort() : "smtps".equals(protocol) ? 465 : 25;
		return new SmtpProbe(new Server(mail.getHost(), port, protocol, blankToNull(mail.getUsername()),
				mail.getPassword(), startTls, required, ssl, props));
	}

	public Server server() {
		return server;
	}

	/** Connects, says EHLO, starts TLS if configured, logs in if a username is set, and quits. */
	public Outcome probe() {
		return converse(null, List.of());
	}

	/** The same, then sends one short test message from {@code from} to {@code to}. */
	public Outcome sendTest(String from, List<String> to) {
		return converse(from, to);
	}

	private Outcome converse(String from, List<String> to) {
		Session session = Session.getInstance(server.properties());
		Transport transport = null;
		try {
			transport = session.getTransport(server.protocol());
			transport.connect(server.host(), server.port(), server.username(), server.password());
			SMTPTransport smtp = transport instanceof SMTPTransport s ? s : null;
			boolean tls = smtp != null && smtp.isSSL();
			boolean offersAuth = smtp != null && smtp.supportsExtension("AUTH");
			String greeting = smtp == null ? "" : firstLine(smtp.getLastServerResponse());
			if (from != null) {
				transport.sendMessage(testMessage(session, from, to), DigestMessages.addresses(to));
			}
			return new Outcome(true, tls, server.username() != null && offersAuth, offersAuth, greeting, null, false);
		}
		catch (AuthenticationFailedException ex) {
			return new Outcome(true, false, false, true, "", "login refused: " + reason(ex), true);
		}
		catch (MessagingException ex) {
			return new Outcome(false, false, false, false, "", reason(ex), false);
		}
		finally {
			close(transport);
		}
	}

	private static MimeMessage testMessage(Session session, String from, List<String> to) throws MessagingException {
		MimeMessage message = new MimeMessage(session);
		message.setFrom(from);
		message.setRecipients(Message.RecipientType.TO, DigestMessages.addresses(to));
		message.setSubject("[spend-audit] doctor test message", "UTF-8");
		message.setSentDate(new Date());
		message.setHeader("X-Spend-Audit-Doctor", "test");
		message.setText("This is a test message from 'spend-audit doctor --send-test'.\n"
				+ "The nightly digest will reach you the same way.\n", "UTF-8");
		return message;
	}

	/** The deepest reason in one line, with the password (should a server echo it) masked. */
	private String reason(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
		if (root != ex && ex.getMessage() != null && !ex.getMessage().equals(root.getMessage())) {
			message = firstLine(ex.getMessage()) + ": " + message;
		}
		return server.password() == null || server.password().isEmpty() ? message
				: message.replace(server.password(), "****");
	}

	private static String firstLine(String s) {
		return s == null ? "" : s.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
	}

	private static void close(Transport transport) {
		try {
			if (transport != null && transport.isConnected()) {
				transport.close();
			}
		}
		catch (MessagingException ex) {
			// quitting a conversation that already failed: nothing more to learn
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
