package dev.spendaudit.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.core.SettingsException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mails a day's stored digest ({@code digest-DATE.eml}) at most once: the {@code sent_digest} table says whether
 * the day already went out. A failed send is retried with a doubling delay; when every attempt fails the digest
 * stays on disk, the attempt is recorded FAILED, and the next run or {@code resend} sends it.
 */
public class DigestDelivery {

	private static final Logger log = LoggerFactory.getLogger(DigestDelivery.class);

	private final MailSettings settings;

	private final JavaMailSender sender;

	private final SentDigests ledger;

	private final DigestMessages messages;

	private final Clock clock;

	DigestDelivery(MailSettings settings, JavaMailSender sender, SentDigests ledger, DigestMessages messages,
			Clock clock) {
		if (settings.hasRecipients() && sender == null) {
			throw new SettingsException("spend-audit.mail.to is set but spring.mail.host is not: there is no SMTP"
					+ " server to send the digest through");
		}
		this.settings = settings;
		this.sender = sender;
		this.ledger = ledger;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * What became of a day's digest, in one line for the log.
	 *
	 * @param sent whether it went out now
	 */
	public record Outcome(boolean sent, String line) {
	}

	/**
	 * The {@code sendDigest} step: sends the day's rendered digest unless sending is off for this run, nobody is
	 * to receive it, or it already went out (and {@code resend} is false).
	 */
	Outcome deliver(LocalDate date, Path dir, boolean send, boolean resend, long jobExecutionId) {
		Path eml = DigestMessages.eml(dir, date);
		if (!send) {
			return new Outcome(false, "digest not mailed: sending is off for this run; written to " + eml);
		}
		if (!settings.hasRecipients()) {
			return new Outcome(false,
					"no recipients configured (spend-audit.mail.to): digest written to files only, " + eml);
		}
		var previous = ledger.lastSent(date);
		if (previous.isPresent() && !resend) {
			return new Outcome(false, "digest already sent " + previous.get().sentUtc() + " UTC to "
					+ previous.get().recipients() + " (" + previous.get().messageId() + "); not sending it again"
					+ " (--resend sends it again)");
		}
		DigestMessages.FixedIdMessage message = DigestMessages.read(eml);
		String held = DigestMessages.held(message);
		if (held != null) {
			// deliberate, not a failure: recorded so that status says so, and resend mails it when asked
			ledger.held(message.messageId(), date, String.join(", ", settings.to()), subject(message), jobExecutionId,
					now());
			return new Outcome(false, "digest not mailed: " + held + "; written to " + eml + " ('resend --date "
					+ date + "' mails it)");
		}
		if (ledger.wasSent(message.messageId())) {
			renew(message, date);
		}
		return send(date, message, jobExecutionId, eml);
	}

	/**
	 * The {@code resend} command: sends the day's stored digest again, whatever was sent before, to the recipients
	 * configured now.
	 * @throws DeliveryException when there is nothing to send, nobody to send it to, or every attempt failed
	 */
	public Outcome resend(LocalDate date, Path dir) {
		if (!settings.hasRecipients()) {
			throw new DeliveryException("no recipients configured (spend-audit.mail.to): nobody to resend the digest"
					+ " of " + date + " to", ExitCode.CONFIG);
		}
		Path eml = DigestMessages.eml(dir, date);
		if (!Files.isRegularFile(eml)) {
			throw new DeliveryException("no rendered digest for " + date + " at " + eml + ": run the day first"
					+ " (run --date " + date + ")", ExitCode.FAILED);
		}
		DigestMessages.FixedIdMessage message = DigestMessages.read(eml);
		try {
			message.setRecipients(Message.RecipientType.TO, DigestMessages.addresses(settings.to()));
			if (ledger.wasSent(message.messageId())) {
				renew(message, date);
			}
		}
		catch (MessagingException ex) {
			throw new DeliveryException("cannot address " + eml + ": " + ex.getMessage());
		}
		return send(date, message, null, eml);
	}

	/**
	 * How a day's digest was mailed, per the {@code sent_digest} record.
	 *
	 * @param status {@code SENT}, {@code FAILED}, {@code SENDING} (a crash cut the send short) or {@code HELD} (the
	 * cadence did not mail the day)
	 * @param atUtc when it went out (SENT), else when the last attempt started
	 */
	public record Mailing(String status, LocalDateTime atUtc) {
	}

	/** The day's digest: sent (the newest delivery), else its last attempt; empty when it was never tried. */
	public Optional<Mailing> mailing(LocalDate date) {
		return ledger.mailing(date);
	}

	/** Whether a day's digest has gone out (by any run or {@code resend}), per the {@code sent_digest} record. */
	public boolean mailed(LocalDate date) {
		return ledger.lastSent(date).isPresent();
	}

	private void renew(DigestMessages.FixedIdMessage message, LocalDate date) {
		try {
			message.renewMessageId(messages.newMessageId(date));
			message.setSentDate(Date.from(clock.instant()));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot renew the digest's Message-ID: " + ex.getMessage(), ex);
		}
	}

	private Outcome send(LocalDate date, DigestMessages.FixedIdMessage message, Long jobExecutionId, Path eml) {
		String id = message.messageId();
		String recipients = String.join(", ", settings.to());
		ledger.sending(id, date, recipients, subject(message), jobExecutionId, now());
		AtomicInteger attempt = new AtomicInteger();
		int attempts = settings.retries() + 1;
		try {
			SmtpRetry.of(settings).execute(() -> {
				ledger.attempted(id);
				try {
					sender.send(message);
					return null;
				}
				catch (MailException ex) {
					log.warn("{}: sending the digest failed (attempt {} of {}): {}", date, attempt.incrementAndGet(),
							attempts, cause(ex));
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			String cause = cause(ex.getLastException());
			ledger.failed(id, cause);
			throw new DeliveryException("cannot send the digest of " + date + " to " + recipients + " via "
					+ server() + " (" + attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + cause
					+ "; it is kept in " + eml + " for the next run or 'resend --date " + date + "'");
		}
		ledger.sent(id, now());
		return new Outcome(true, "digest mailed to " + recipients + " (" + id + ")");
	}


	private static String subject(DigestMessages.FixedIdMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	private String server() {
		return sender instanceof JavaMailSenderImpl impl ? impl.getHost() + ":" + impl.getPort() : "the SMTP server";
	}

	/** The deepest reason, in one line, with the SMTP password (if it ever shows up in one) masked. */
	String cause(Throwable ex) {
		return SmtpCause.of(ex, sender);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

}
