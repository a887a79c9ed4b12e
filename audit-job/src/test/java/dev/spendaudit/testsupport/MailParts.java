package dev.spendaudit.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A received digest taken apart the way a mail client does: multipart/alternative holding the text part and a
 * multipart/related with the HTML and its inline images. Fails loudly if the mail is not shaped like that.
 */
public record MailParts(String text, String html, Map<String, byte[]> imagesByContentId,
		Map<String, String> dispositionsByContentId) {

	private static final Pattern CID = Pattern.compile("src=\"cid:([^\"]+)\"");

	public static MailParts of(MimeMessage message) {
		try {
			if (!message.isMimeType("multipart/alternative")) {
				throw new AssertionError("not multipart/alternative: " + message.getContentType());
			}
			MimeMultipart alternative = (MimeMultipart) message.getContent();
			if (alternative.getCount() != 2) {
				throw new AssertionError("multipart/alternative with " + alternative.getCount() + " parts");
			}
			BodyPart textPart = alternative.getBodyPart(0);
			BodyPart relatedPart = alternative.getBodyPart(1);
			if (!textPart.isMimeType("text/plain") || !relatedPart.isMimeType("multipart/related")) {
				throw new AssertionError("alternative parts are " + textPart.getContentType() + " and "
						+ relatedPart.getContentType());
			}
			MimeMultipart related = (MimeMultipart) relatedPart.getContent();
			BodyPart htmlPart = related.getBodyPart(0);
			if (!htmlPart.isMimeType("text/html")) {
				throw new AssertionError("first related part is " + htmlPart.getContentType());
			}
			Map<String, byte[]> images = new LinkedHashMap<>();
			Map<String, String> dispositions = new LinkedHashMap<>();
			for (int i = 1; i < related.getCount(); i++) {
				BodyPart image = related.getBodyPart(i);
				if (!image.isMimeType("image/png")) {
					throw new AssertionError("related part " + i + " is " + image.getContentType());
				}
				String cid = image.getHeader("Content-ID")[0].replaceAll("^<|>$", "");
				images.put(cid, bytes(image.getInputStream()));
				dispositions.put(cid, image.getDisposition());
			}
			return new MailParts((String) textPart.getContent(), (String) htmlPart.getContent(), images,
					dispositions);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The Content-IDs the HTML refers to ({@code src="cid:..."}), in order. */
	public java.util.List<String> referencedContentIds() {
		java.util.List<String> ids = new java.util.ArrayList<>();
		Matcher m = CID.matcher(html);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	/** What a reader sees of the HTML: tags dropped, entities decoded, whitespace collapsed. */
	public String visibleHtml() {
		return visible(html);
	}

	public static String visible(String html) {
		String body = html.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<title.*?</title>", " ");
		return body.replaceAll("(?s)<[^>]+>", " ")
			.replace("&nbsp;", " ")
			.replace("&middot;", "·")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.strip();
	}

	private static byte[] bytes(InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		}
	}

}
