package dev.spendaudit.reconcile.bill;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

/**
 * OpenRouter's per-generation activity export (dashboard, Activity, export CSV): one {@link BilledRequest} per row,
 * provider {@code openrouter}; it covers its earliest row's UTC day to its latest's (the export lists newest first).
 * Required columns {@code generation_id}, {@code created_at} (no zone marker: UTC), {@code cost_total}.
 */
final class GenerationCsv {

	static final String[] REQUIRED = { "generation_id", "created_at", "cost_total" };

	private static final String PROVIDER = "openrouter";

	private GenerationCsv() {
	}

	static boolean matches(CsvTable table) {
		return table.hasColumns(REQUIRED);
	}

	static BillFile read(BillSource source, CsvTable table) {
		BillParts parts = new BillParts();
		Path file = table.file();
		for (CsvTable.Row row : table.rows()) {
			int line = row.line();
			String id = table.required(row, "generation_id").trim();
			Instant createdAt = Values.instant(file, line, "created_at", table.required(row, "created_at"));
			BigDecimal usd = Values.money(file, line, "cost_total", table.required(row, "cost_total"));
			String byok = table.optional(row, "byok_usage_inference");
			parts.add(new BilledRequest(PROVIDER, id, createdAt, text(table, row, "model_permaslug"), usd,
					byok == null ? null : Values.money(file, line, "byok_usage_inference", byok),
					tokens(table, row, "tokens_prompt"), tokens(table, row, "tokens_completion"),
					tokens(table, row, "tokens_cached"), text(table, row, "api_key_name"),
					text(table, row, "app_name")));
			parts.cover(PROVIDER, Values.utcDay(createdAt));
		}
		return parts.file(source, BillFormat.OPENROUTER_GENERATIONS_CSV, true);
	}

	private static long tokens(CsvTable table, CsvTable.Row row, String column) {
		String text = table.optional(row, column);
		return text == null ? 0 : Values.count(table.file(), row.line(), column, text);
	}

	private static String text(CsvTable table, CsvTable.Row row, String column) {
		String text = table.optional(row, column);
		return text == null ? "" : text.trim();
	}

}
