package dev.spendaudit.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where the archive's pages live, relative to the output folder: {@code index.html} beside the digests, the month
 * and workload pages one folder down in {@code archive/}, so every link between them is relative and the whole
 * folder reads the same from a file share.
 */
public final class ArchiveFiles {

	public static final String INDEX = "index.html";

	public static final String DIR = "archive";

	/** How much of a workload's name its file name keeps (the hash tells long names apart). */
	static final int SLUG_LENGTH = 40;

	private ArchiveFiles() {
	}

	/** {@code 2026-11.html}, inside {@link #DIR}. */
	public static String month(YearMonth month) {
		return month + ".html";
	}

	/**
	 * {@code workload-vk-alpha-1a2b3c4d.html}, inside {@link #DIR}: the name's letters and digits (ASCII, lower
	 * case, at most {@value #SLUG_LENGTH}), then 8 hex of its SHA-256, so any name (HTML, {@code ../}, unicode,
	 * 10 KB) makes one safe file name of its own, and two names differing only in case or punctuation do not clash.
	 */
	public static String workload(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
		StringBuilder slug = new StringBuilder();
		for (int i = 0; i < ascii.length() && slug.length() < SLUG_LENGTH; i++) {
			char c = ascii.charAt(i);
			if (Character.getType(c) == Character.NON_SPACING_MARK) {
				continue; // the accent NFKD took off a letter: "ü" is "u"
			}
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				slug.append(c);
			}
			else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
				slug.append('-');
			}
		}
		while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
			slug.setLength(slug.length() - 1);
		}
		return "workload-" + (slug.length() == 0 ? "" : slug + "-") + hash(name) + ".html";
	}

	private static String hash(String name) {
		try {
			byte[] sha = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
