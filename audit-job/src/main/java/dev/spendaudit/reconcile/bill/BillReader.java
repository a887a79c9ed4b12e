package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Reads one bill file whole, in any of the {@link BillFormat}s, recognised from its content (the JSON's structure,
 * the CSV's header), never from its name. Either the whole file is read or a {@link BillFormatException} names the
 * file and the line at fault; a file that matches no format fails on line 0 naming the formats tried. An empty but
 * recognisable response (no buckets) is a file with no lines and no coverage. Plain Java: no Spring, no database.
 */
public final class BillReader {

	static final String TRIED = "tried OpenRouter's generation CSV (generation_id, created_at, cost_total), "
			+ "the plain CSV (date, provider, model, usd), OpenRouter's activity, OpenAI's costs and usage, "
			+ "Anthropic's cost and usage reports";

	private BillReader() {
	}

	public static BillFile read(Path file) {
		byte[] bytes;
		Instant modified;
		try {
			bytes = Files.readAllBytes(file);
			modified = Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		BillSource source = new BillSource(file, text(file, bytes), sha256(bytes), modified);
		String content = source.content();
		int first = 0;
		while (first < content.length() && Character.isWhitespace(content.charAt(first))) {
			first++;
		}
		if (first == content.length()) {
			throw new BillFormatException(file, 0, "the file is empty; " + TRIED);
		}
		char c = content.charAt(first);
		return c == '{' || c == '[' ? JsonBills.read(source, Json.parse(file, content)) : csv(source);
	}

	private static BillFile csv(BillSource source) {
		CsvTable table = CsvTable.parse(source.path(), source.content());
		if (GenerationCsv.matches(table)) {
			return GenerationCsv.read(source, table);
		}
		if (PlainCsv.matches(table)) {
			return PlainCsv.read(source, table);
		}
		throw new BillFormatException(source.path(), 0, "the CSV header matches no bill format; " + TRIED);
	}

	/** UTF-8 (a byte-order mark dropped); anything else is not a bill. */
	private static String text(Path file, byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new BillFormatException(file, 0, "not UTF-8 text; " + TRIED);
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

}
