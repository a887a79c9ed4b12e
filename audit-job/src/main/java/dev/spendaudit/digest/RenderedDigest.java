package dev.spendaudit.digest;

import java.time.LocalDate;
import java.util.List;

/**
 * A day's digest, rendered: what the mail is composed from.
 *
 * @param subject the verdict and the money in one line, without the mail's prefix
 * @param html the mail's HTML: images referenced by {@code cid:}
 * @param text the plain-text alternative, with the same numbers
 * @param images the PNGs the HTML shows, by Content-ID
 * @param mail whether the nightly run mails it under the cadence, and why
 */
public record RenderedDigest(LocalDate date, String subject, String html, String text, List<InlineImage> images,
		MailChoice mail) {

	public RenderedDigest {
		mail = mail == null ? MailChoice.daily() : mail;
	}

	/** A digest mailed every day. */
	public RenderedDigest(LocalDate date, String subject, String html, String text, List<InlineImage> images) {
		this(date, subject, html, text, images, MailChoice.daily());
	}

}
