package dev.spendaudit.testsupport;

import java.math.BigDecimal;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a written {@code digest-*.json} back for assertions.
 */
public final class DigestJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode root;

	private DigestJson(JsonNode root) {
		this.root = root;
	}

	public static DigestJson read(Path file) {
		return new DigestJson(JSON.readTree(file.toFile()));
	}

	public JsonNode root() {
		return root;
	}

	/** The workload entry by name, or null. */
	public JsonNode workload(String name) {
		for (JsonNode w : root.get("workloads")) {
			if (w.get("workload").asString().equals(name)) {
				return w;
			}
		}
		return null;
	}

	public BigDecimal meteredUsd() {
		return root.get("metered").get("usd").decimalValue();
	}

}
