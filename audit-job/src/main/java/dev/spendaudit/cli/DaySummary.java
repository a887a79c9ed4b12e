package dev.spendaudit.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

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
		return String.format("%s  %s metered  %,d requests (%,d failed)  %d workloads  -> %s", d.get("date").asString(),
				usd(m.get("usd").decimalValue()), m.get("requests").asLong(), m.get("failedRequests").asLong(),
				d.get("workloads").size(), json);
	}

	static String usd(BigDecimal value) {
		return "$" + value.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

}
