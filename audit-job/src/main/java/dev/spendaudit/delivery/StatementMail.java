package dev.spendaudit.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import dev.spendaudit.digest.DigestFiles;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.core.retry.RetryException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A period's statement by mail: its {@code .eml} (shaped like the digest's: the text, then the HTML, with no
 * images), and sending it at most once per period, recorded in {@code sent_statement}. Reruns, catch-up and the
 * {@code statement} command find a period SENT and never mail it a second time.
 */
public class StatementMail {

	private final MailSettings settings;

	private final JavaMailSender sender;

	private final SentStatements ledger;

	private final Clock clock;

	StatementMail(MailSettings settings, JavaMailSender sender, SentStatements ledger, Clock clock) {
		this.settings = settings;
		this.sender = sender;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** A statement ready to be mailed: its period ({@code 2026-11}, {@code 2026-W48}), days and rendering. */
	public record Rendered(String period, LocalDate from, LocalDate to, String subject, String html, String text) {
	}

	/** What became of a statement's mail, in one line for the log. */
	public record Outcome(boolean sent, String line) {
	}

	/** Whether the period's statement has gone out. */
	public boolean mailed(String period) {
		return ledger.lastSent(period).isPresent();
	}

	/** Writes {@code fileName} ({@code statement-2026-11.eml}) into {@code dir}: the exact message to be sent. */
	public Path write(Path dir, String fileName, Rendered statement) {
		String id = ledger.unsentMessageId(statement.period()).orElseGet(() -> newMessageId(statement.period()));
		return DigestFiles.write(dir, fileName, DigestMessages.bytes(compose(statement, id)));
	}

	/** Mails the stored {@code eml} unless the period already went out, or nobody is to receive it. */
	public Outcome sendOnce(Rendered statement, Path eml) {
		var previous = ledger.lastSent(statement.period());
		if (previous.isPresent()) {
			return new Outcome(false, "statement " + statement.period() + " already mailed " + previous.get().sentUtc()
					+ " UTC to " + previous.get().recipients() + "; not mailing it again");
		}
		if (!settings.hasRecipients() || sender == null) {
			return new Outcome(false, "no recipients configured (spend-audit.mail.to): statement " + statement.period()
					+ " written to " + eml);
		}
		DigestMessages.FixedIdMessage message = DigestMessages.read(eml);
		String id = message.messageId();
		String recipients = String.join(", ", settings.to());
		ledger.sending(id, statement.period(), statement.from(), statement.to(), recipients, statement.subject(),
				now());
		int attempts = settings.retries() + 1;
		try {
			SmtpRetry.of(settings).execute(() -> {
				ledger.attempted(id);
				sender.send(message);
				return null;
			});
		}
		catch (RetryException ex) {
			String cause = SmtpCause.of(ex.getLastException() == null ? ex : ex.getLastException(), sender);
			ledger.failed(id, cause);
			throw new DeliveryException("cannot send the statement " + statement.period() + " to " + recipients + " ("
					+ attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + cause + "; it is kept in "
					+ eml + " and the next night sends it");
		}
		ledger.sent(id, now());
		return new Outcome(true, "statement " + statement.period() + " mailed to " + recipients + " (" + id + ")");
	}

	private DigestMessages.FixedIdMessage compose(Rendered statement, String messageId) {
		try {
			DigestMessages.FixedIdMessage message = new DigestMessages.FixedIdMessage(messageId);
			message.setFrom(new InternetAddress(settings.from() != null ? settings.from() : "spend-audit@localhost"));
			if (settings.hasRecipients()) {
				message.setRecipients(Message.RecipientType.TO, DigestMessages.addresses(settings.to()));
			}
			String subject = settings.subjectPrefix().isEmpty() ? statement.subject()
					: settings.subjectPrefix() + " " + statement.subject();
			message.setSubject(subject, "UTF-8");
			message.setSentDate(Date.from(clock.instant()));
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Spend-Audit-Statement", statement.period());
			message.setContent(DigestMessages.body(statement.text(), statement.html(), List.of()));
			message.saveChanges();
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot compose the statement mail: " + ex.getMessage(), ex);
		}
	}

	private String newMessageId(String period) {
		String domain = settings.from() != null && settings.from().contains("@")
				? settings.from().substring(settings.from().lastIndexOf('@') + 1).replace(">", "") : "spend-audit.local";
		return "<statement." + period + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@"
				+ domain + ">";
	}


	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

}
