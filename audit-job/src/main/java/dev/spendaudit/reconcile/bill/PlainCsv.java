package dev.spendaudit.reconcile.bill;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The plain CSV for any other provider, {@code date,provider,model,usd[,requests,prompt_tokens,completion_tokens]}
 * (header required, columns by name): {@link BilledDay} rows, rows of one date, provider and model summed; each
 * provider covers its first to last date.
 */
final class PlainCsv {

	static final String[] REQUIRED = { "date", "provider", "model", "usd" };

	private PlainCsv() {
	}

	static boolean matches(CsvTable table) {
		return table.hasColumns(REQUIRED);
	}

	static BillFile read(BillSource source, CsvTable table) {
		BillParts parts = new BillParts();
		Path file = table.file();
		for (CsvTable.Row row : table.rows()) {
			int line = row.line();
			LocalDate date = Values.day(file, line, "date", table.required(row, "date"));
			String provider = table.required(row, "provider").trim().toLowerCase(Locale.ROOT);
			String model = table.optional(row, "model");
			parts.add(new BilledDay(provider, date, model == null ? "" : model.trim(),
					Values.money(file, line, "usd", table.required(row, "usd")), null, count(table, row, "requests"),
					count(table, row, "prompt_tokens"), count(table, row, "completion_tokens")));
			parts.cover(provider, date);
		}
		return parts.file(source, BillFormat.PLAIN_CSV, true);
	}

	private static Long count(CsvTable table, CsvTable.Row row, String column) {
		String text = table.optional(row, column);
		return text == null ? null : Values.count(table.file(), row.line(), column, text);
	}

}
