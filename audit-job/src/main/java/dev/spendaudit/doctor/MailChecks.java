package dev.spendaudit.doctor;

import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.delivery.SmtpProbe;

/**
 * The digest's mail, when {@code spend-audit.mail.to} is set: the SMTP server reached, EHLO and STARTTLS done and
 * the login accepted without sending anything ({@code --send-test} sends one message), and a WARN when mail to
 * another host goes without STARTTLS or SMTPS. The conversation itself is {@link SmtpProbe}'s.
 */
public final class MailChecks {

	private MailChecks() {
	}

	/**
	 * @param probe the configured server, null when {@code spring.mail.host} is unset
	 * @param mail the recipients, null when the mail settings are invalid (the config check says why)
	 */
	public static List<Check> run(SmtpProbe probe, MailSettings mail, boolean sendTest) {
		List<Check> checks = new ArrayList<>();
		if (mail == null) {
			return checks;
		}
		if (!mail.hasRecipients()) {
			checks.add(sendTest ? Check.warn("mail.smtp", "--send-test, but no recipients are set"
					+ " (spend-audit.mail.to): digests are written to files only", "set spend-audit.mail.to and"
							+ " spend-audit.mail.from in the YAML file")
					: Check.ok("mail.smtp", "no recipients (spend-audit.mail.to): digests are written to files only"));
			return checks;
		}
		if (probe == null) {
			checks.add(Check.fail("mail.smtp", "spend-audit.mail.to is set but spring.mail.host is not: the run stops"
					+ " at start-up", "set SPRING_MAIL_HOST (and _PORT, _USERNAME, _PASSWORD) in the env file"));
			return checks;
		}
		SmtpProbe.Server server = probe.server();
		SmtpProbe.Outcome outcome = sendTest ? probe.sendTest(mail.from(), mail.to()) : probe.probe();
		checks.add(conversation(server, outcome, sendTest));
		checks.add(tls(server, outcome));
		if (sendTest && outcome.error() == null) {
			checks.add(Check.ok("mail.test", "test message sent from " + mail.from() + " to "
					+ String.join(", ", mail.to()) + " via " + server + ": look for '[spend-audit] doctor test"
					+ " message' in the inbox (and the spam folder)"));
		}
		return checks;
	}

	private static Check conversation(SmtpProbe.Server server, SmtpProbe.Outcome outcome, boolean sendTest) {
		if (outcome.authRefused()) {
			return Check.fail("mail.smtp", server + " refused the login of " + server.username() + ": "
					+ outcome.error(), "check spring.mail.username and spring.mail.password (SPRING_MAIL_* in the env"
							+ " file)");
		}
		if (outcome.error() != null) {
			return Check.fail(sendTest ? "mail.test" : "mail.smtp", (outcome.connected() ? "sending through "
					: "cannot talk to ") + server + ": " + outcome.error(), "check spring.mail.host and port, the"
							+ " firewall, and the TLS settings (spring.mail.properties.mail.smtp.starttls.*)");
		}
		String steps = "EHLO" + (outcome.tls() ? (server.ssl() ? " over SMTPS" : ", STARTTLS") : "")
				+ (outcome.authenticated() ? ", logged in as " + server.username()
						: server.username() == null ? ", no login configured" : "");
		if (server.username() != null && !outcome.offersAuth()) {
			return Check.warn("mail.smtp", server + ": " + steps + "; the server offers no AUTH"
					+ (outcome.tls() ? "" : " (some offer it only after STARTTLS)") + ", so spring.mail.username is not"
							+ " used", "enable STARTTLS (spring.mail.properties.mail.smtp.starttls.enable=true) or drop"
									+ " the username");
		}
		return Check.ok("mail.smtp", server + ": " + steps + (sendTest ? "" : " (nothing sent; --send-test sends"
				+ " one message)"));
	}

	private static Check tls(SmtpProbe.Server server, SmtpProbe.Outcome outcome) {
		String fix = "set spring.mail.properties.mail.smtp.starttls.enable=true and"
				+ " spring.mail.properties.mail.smtp.starttls.required=true (port 587), or spring.mail.protocol=smtps"
				+ " (port 465)";
		if (!server.remote()) {
			return Check.ok("mail.tls", "mail goes to " + server.host() + ", this machine: no encryption needed");
		}
		if (!server.encrypted()) {
			return Check.warn("mail.tls", "mail to " + server.host() + " goes without STARTTLS or SMTPS: the password"
					+ " and every digest cross the network in clear", fix);
		}
		if (outcome.connected() && outcome.error() == null && !outcome.tls()) {
			return Check.warn("mail.tls", "STARTTLS is enabled but " + server.host() + " did not offer it, so the"
					+ " conversation went in clear", "set spring.mail.properties.mail.smtp.starttls.required=true to"
							+ " refuse a server without it");
		}
		return Check.ok("mail.tls", "mail to " + server.host() + " is encrypted ("
				+ (server.ssl() ? "SMTPS" : server.startTlsRequired() ? "STARTTLS, required" : "STARTTLS") + ")");
	}

}
