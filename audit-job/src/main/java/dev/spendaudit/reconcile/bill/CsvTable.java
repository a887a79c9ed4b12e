package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV bill read whole: its header (columns matched by name, case and surrounding spaces ignored, unknown ones kept
 * but never asked for) and its records, each with the line it starts on. Quoted fields, CRLF and blank lines are
 * the CSV parser's business.
 */
final class CsvTable {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setIgnoreEmptyLines(true)
		.setIgnoreSurroundingSpaces(true)
		.get();

	/** One record: {@link #get} is the named column's text, {@code null} when the record has no such field. */
	record Row(int line, CSVRecord record, Map<String, Integer> columns) {

		String get(String column) {
			Integer index = columns.get(column);
			return index == null || index >= record.size() ? null : record.get(index);
		}

	}

	private final Path file;

	private final Map<String, Integer> columns;

	private final List<Row> rows;

	private CsvTable(Path file, Map<String, Integer> columns, List<Row> rows) {
		this.file = file;
		this.columns = columns;
		this.rows = rows;
	}

	/** Reads the whole table; a file that is not CSV (an unclosed quote, text after one) names its line. */
	static CsvTable parse(Path file, String content) {
		int[] lineStarts = lineStarts(content);
		List<CSVRecord> records = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(content, FORMAT)) {
			// the record that fails starts on the line after the last one read
			long lastLine = 0;
			try {
				for (CSVRecord record : parser) {
					records.add(record);
					lastLine = parser.getCurrentLineNumber();
				}
			}
			catch (UncheckedIOException ex) {
				throw new BillFormatException(file, (int) lastLine + 1,
						"not valid CSV: " + ex.getCause().getMessage());
			}
		}
		catch (IOException ex) {
			throw new BillFormatException(file, 0, "not valid CSV: " + ex.getMessage());
		}
		if (records.isEmpty()) {
			return new CsvTable(file, Map.of(), List.of());
		}
		Map<String, Integer> columns = new HashMap<>();
		CSVRecord header = records.get(0);
		for (int i = header.size() - 1; i >= 0; i--) {
			columns.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
		}
		List<Row> rows = new ArrayList<>();
		for (CSVRecord record : records.subList(1, records.size())) {
			// a record after blank lines starts where they do: its line is the first that is not blank
			int position = (int) record.getCharacterPosition();
			while (position < content.length()
					&& (content.charAt(position) == '\n' || content.charAt(position) == '\r')) {
				position++;
			}
			rows.add(new Row(lineOf(lineStarts, position), record, columns));
		}
		return new CsvTable(file, Map.copyOf(columns), List.copyOf(rows));
	}

	boolean hasColumns(String... names) {
		return Arrays.stream(names).allMatch(columns::containsKey);
	}

	List<Row> rows() {
		return rows;
	}

	Path file() {
		return file;
	}

	/** A required field's text: present and not blank. */
	String required(Row row, String column) {
		String text = row.get(column);
		if (text == null || text.isBlank()) {
			throw Values.missing(file, row.line(), column);
		}
		return text;
	}

	/** An optional field's text, {@code null} when the column or the field is absent or blank. */
	String optional(Row row, String column) {
		String text = row.get(column);
		return text == null || text.isBlank() ? null : text;
	}

	private static int[] lineStarts(String content) {
		List<Integer> starts = new ArrayList<>();
		starts.add(0);
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == '\n' || c == '\r' && (i + 1 == content.length() || content.charAt(i + 1) != '\n')) {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(int[] lineStarts, int position) {
		int index = Arrays.binarySearch(lineStarts, position);
		return (index >= 0 ? index : -index - 2) + 1;
	}

}
