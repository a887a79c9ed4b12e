package dev.spendaudit.digest;

import java.util.Objects;

/**
 * A PNG the digest shows: embedded in the mail by Content-ID, and written next to the HTML file under
 * {@code fileName}.
 *
 * @param contentId the MIME Content-ID, without angle brackets ({@code spend-30d.2026-11-26@spend-audit})
 * @param width the width it is shown at, in CSS pixels (the PNG has twice as many, for sharp high-DPI screens)
 * @param height the height it is shown at, in CSS pixels
 * @param alt what it shows, in words
 */
public record InlineImage(String contentId, String fileName, byte[] png, int width, int height, String alt) {

	public InlineImage {
		Objects.requireNonNull(contentId, "contentId must not be null");
		Objects.requireNonNull(fileName, "fileName must not be null");
		Objects.requireNonNull(png, "png must not be null");
	}

}
