package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.spendaudit.core.Quantities;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the terminal shows for an audited day, read back from the day's JSON (the file is the contract).
 */
final class DaySummary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DaySummary() {
	}

	static JsonNode read(Path json) {
		return JSON.readTree(json.toFile());
	}

	static String line(Path json) {
		JsonNode d = read(json);
		JsonNode m = d.get("metered");
		return String.format("%s  %s metered  %s requests (%s failed)  %s workloads  -> %s", d.get("date").asString(),
				usd(m.get("usd")), Quantities.count(m.get("requests").asLong()),
				Quantities.count(m.get("failedRequests").asLong()), Quantities.count(d.get("workloads").size()), json);
	}

	/** A JSON dollar figure, printed for people. */
	static String usd(JsonNode value) {
		return Quantities.usd(value.decimalValue());
	}

	/** A JSON time ({@code 2026-11-26T23:52:44.000Z}, UTC) in the day's {@code zone}, or {@code -} for none. */
	static String time(JsonNode iso, ZoneId zone) {
		if (iso == null || iso.isNull()) {
			return "-";
		}
		String text = iso.asString();
		return Quantities.time(LocalDateTime.parse(text.substring(0, text.length() - 1)), zone);
	}

	/** The zone of the day's JSON ({@code spend-audit.zone} when it ran). */
	static ZoneId zone(JsonNode digest) {
		return ZoneId.of(digest.get("zone").asString());
	}

}
