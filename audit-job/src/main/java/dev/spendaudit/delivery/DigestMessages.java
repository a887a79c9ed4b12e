package dev.spendaudit.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.spendaudit.digest.DigestFiles;
import dev.spendaudit.digest.DigestOutput;
import dev.spendaudit.digest.InlineImage;
import dev.spendaudit.digest.RenderedDigest;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * The digest as a MIME message, written to {@code digest-DATE.eml} as soon as it is rendered, whether or not it is
 * sent: {@code multipart/alternative} holding the plain text and a {@code multipart/related} with the HTML and its
 * inline PNGs (by Content-ID). Sending reads that file back, so what is sent is exactly what is on disk.
 */
class DigestMessages implements DigestOutput {

	private static final Session SESSION = Session.getInstance(new Properties());

	/** Set on a day the cadence does not mail, with the reason. */
	static final String HELD_HEADER = "X-Spend-Audit-Held";

	private final MailSettings settings;

	private final SentDigests ledger;

	private final Clock clock;

	DigestMessages(MailSettings settings, SentDigests ledger, Clock clock) {
		this.settings = settings;
		this.ledger = ledger;
		this.clock = clock;
	}

	static Path eml(Path dir, LocalDate date) {
		return dir.resolve(DigestFiles.name(date, "eml"));
	}

	@Override
	public void rendered(RenderedDigest digest, Path dir, long jobExecutionId) {
		// a digest that a crash or an SMTP failure left unsent keeps its Message-ID
		String messageId = ledger.unsentMessageId(digest.date()).orElseGet(() -> newMessageId(digest.date()));
		DigestFiles.write(dir, eml(dir, digest.date()).getFileName().toString(), bytes(compose(digest, messageId)));
	}

	MimeMessage compose(RenderedDigest digest, String messageId) {
		try {
			MimeMessage message = new FixedIdMessage(messageId);
			message.setFrom(new InternetAddress(settings.from() != null ? settings.from() : "spend-audit@localhost"));
			if (settings.hasRecipients()) {
				message.setRecipients(Message.RecipientType.TO, addresses(settings.to()));
			}
			message.setSubject(subject(digest), "UTF-8");
			message.setSentDate(Date.from(clock.instant()));
			// RFC 3834: a machine wrote this; auto-responders should not answer it
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("X-Spend-Audit-Date", digest.date().toString());
			if (!digest.mail().mail()) {
				// read back by the sendDigest step: the cadence holds this day's mail back (resend still sends it)
				message.setHeader(HELD_HEADER, MimeUtility.fold(HELD_HEADER.length() + 2, digest.mail().held()));
			}

			message.setContent(body(digest.text(), digest.html(), digest.images()));
			message.saveChanges();
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot compose the digest mail: " + ex.getMessage(), ex);
		}
	}

	/** The prefix, then why the mail is sent when the cadence says ({@code ALERT · }), then the digest's own. */
	String subject(RenderedDigest digest) {
		String subject = digest.mail().why() == null ? digest.subject() : digest.mail().why() + " · " + digest.subject();
		return settings.subjectPrefix().isEmpty() ? subject : settings.subjectPrefix() + " " + subject;
	}

	/** Why the cadence holds the stored message back, or null when it is to be mailed. */
	static String held(MimeMessage message) {
		try {
			String held = message.getHeader(HELD_HEADER, null);
			return held == null ? null : MimeUtility.unfold(held);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot read the digest's headers: " + ex.getMessage(), ex);
		}
	}

	/** The stored message of a day, exactly as it was written. */
	static FixedIdMessage read(Path eml) {
		try (InputStream in = Files.newInputStream(eml)) {
			return new FixedIdMessage(SESSION, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + eml + ": " + ex.getMessage(), ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("cannot parse " + eml + ": " + ex.getMessage(), ex);
		}
	}

	static byte[] bytes(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toByteArray();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException("cannot write the digest mail: " + ex.getMessage(), ex);
		}
	}

	/** {@code <digest.2026-11-26.1a2b3c4d5e6f@example.org>}: the sender's domain, when there is one. */
	String newMessageId(LocalDate date) {
		String domain = settings.from() != null && settings.from().contains("@")
				? settings.from().substring(settings.from().lastIndexOf('@') + 1).replace(">", "") : "spend-audit.local";
		return "<digest." + date + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@" + domain
				+ ">";
	}

	static InternetAddress[] addresses(List<String> to) throws MessagingException {
		InternetAddress[] addresses = new InternetAddress[to.size()];
		for (int i = 0; i < to.size(); i++) {
			addresses[i] = new InternetAddress(to.get(i), true);
		}
		return addresses;
	}

	/** The body of every mail: the text, then the HTML with its inline images (multipart/alternative). */
	static MimeMultipart body(String text, String html, List<InlineImage> images) throws MessagingException {
		MimeBodyPart textPart = new MimeBodyPart();
		textPart.setText(text, "UTF-8", "plain");
		MimeMultipart related = new MimeMultipart("related");
		MimeBodyPart htmlPart = new MimeBodyPart();
		htmlPart.setText(html, "UTF-8", "html");
		related.addBodyPart(htmlPart);
		for (InlineImage image : images) {
			related.addBodyPart(inline(image));
		}
		MimeBodyPart htmlWithImages = new MimeBodyPart();
		htmlWithImages.setContent(related);
		MimeMultipart alternative = new MimeMultipart("alternative");
		// the last alternative is the preferred one (RFC 2046): plain text first, then the HTML
		alternative.addBodyPart(textPart);
		alternative.addBodyPart(htmlWithImages);
		return alternative;
	}

	private static MimeBodyPart inline(InlineImage image) throws MessagingException {
		MimeBodyPart part = new MimeBodyPart();
		part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.png(), "image/png")));
		part.setContentID("<" + image.contentId() + ">");
		part.setDisposition(Part.INLINE);
		part.setFileName(image.fileName());
		return part;
	}

	/**
	 * A message whose Message-ID is chosen by us, not regenerated on every save: the id recorded as sent is the id
	 * on the wire, and a message re-sent after a crash keeps it.
	 */
	static final class FixedIdMessage extends MimeMessage {

		private String messageId;

		FixedIdMessage(String messageId) {
			super(SESSION);
			this.messageId = messageId;
		}

		FixedIdMessage(Session session, InputStream in) throws MessagingException {
			super(session, in);
			this.messageId = getHeader("Message-ID", null);
		}

		String messageId() {
			return messageId;
		}

		/** A new id: a deliberate resend is a new mail, which clients must not fold into the first. */
		void renewMessageId(String newId) throws MessagingException {
			this.messageId = newId;
			setHeader("Message-ID", newId);
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			if (messageId != null) {
				setHeader("Message-ID", messageId);
			}
			else {
				super.updateMessageID();
			}
		}

	}

}
