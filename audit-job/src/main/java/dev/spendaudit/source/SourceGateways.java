package dev.spendaudit.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateways as this run found them at start-up: each one either read through its own read-only connection, or
 * unreachable with the one-line reason. The night audits the reachable ones; an unreachable one's part of the day
 * is recorded missing and read by the next run.
 *
 * @param configured every gateway's name, in the configured order
 * @param reachable the gateways that could be opened, in the configured order; never empty (a run with none stops
 * at start-up, as with one gateway)
 * @param unreachable the others, with why
 */
public record SourceGateways(List<String> configured, List<LiteLlmSource> reachable, List<Unreachable> unreachable,
		boolean mergeWorkloads) {

	public SourceGateways {
		configured = List.copyOf(configured);
		reachable = List.copyOf(reachable);
		unreachable = List.copyOf(unreachable);
		if (reachable.isEmpty()) {
			throw new IllegalArgumentException("at least one gateway must be reachable");
		}
	}

	/** One gateway only, always reachable: the job as it was before several could be configured. */
	public static SourceGateways of(LiteLlmSource only) {
		return new SourceGateways(List.of(only.name()), List.of(only), List.of(), false);
	}

	/** A gateway that could not be opened, and the one line that says why (no password in it). */
	public record Unreachable(String name, String reason) {

		public Unreachable {
			Objects.requireNonNull(name, "name must not be null");
			Objects.requireNonNull(reason, "reason must not be null");
		}

	}

	/** The first reachable gateway: the one the features that look at one gateway ask. */
	public LiteLlmSource primary() {
		return reachable.get(0);
	}

	/** The gateway named {@code name}, when it was reachable. */
	public Optional<LiteLlmSource> named(String name) {
		return reachable.stream().filter(s -> s.name().equals(name)).findFirst();
	}

	/** Whether more than one gateway is configured, so the digest names them. */
	public boolean several() {
		return configured.size() > 1;
	}

}
