package dev.spendaudit.source;

import java.util.Objects;

/**
 * The workload a key's spend is attributed to, and the rule that named it.
 */
public record Workload(String name, Attribution attribution) {

	public Workload {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(attribution, "attribution must not be null");
	}

}
