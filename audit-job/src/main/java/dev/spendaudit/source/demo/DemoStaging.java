package dev.spendaudit.source.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.source.KeyHash;

/**
 * The demo's second, smaller gateway ({@code staging}): a CI key and an evals key, plus a {@code vk-hermes} of its
 * own, so the demo's digest shows two gateways and one alias on both (two workloads). Anthropic only, which the
 * demo's bills do not cover, so the reconciliation reads as before.
 */
public final class DemoStaging {

	/** The staging gateway's database on the demo's server. */
	public static final String DATABASE = "litellm_staging";

	/** Its name, as {@code spend-audit.sources[1].name} would give it. */
	public static final String NAME = "staging";

	private static final String[][] KEYS = { { "sk-staging-ci-1a1a", "vk-staging-ci" },
			{ "sk-staging-evals-2b2b", "vk-staging-evals" }, { "sk-staging-hermes-3c3c", "vk-hermes" } };

	private DemoStaging() {
	}

	/** The staging database as of {@code nowUtc}: its key table and the same days of traffic as the main one. */
	public static void seed(LiteLlmWriter writer, LocalDateTime nowUtc) {
		writer.applySchema();
		for (String[] k : KEYS) {
			writer.key(KeyHash.of(k[0]), k[1], KeyHash.keyName(k[0]));
		}
		List<Call> calls = new ArrayList<>();
		LocalDate first = nowUtc.toLocalDate().minusDays(DemoDatabase.DAYS);
		for (LocalDate d = first; d.isBefore(nowUtc.toLocalDate()); d = d.plusDays(1)) {
			for (int hour = 1; hour < 24; hour += 2) {
				// CI every two hours, evals twice a day, hermes' staging twin once: a few cents a day
				calls.add(call("stg-ci-" + d + "-" + hour, KEYS[0], d.atTime(hour, 10), 0.004, 1800, 220));
				if (hour % 12 == 1) {
					calls.add(call("stg-evals-" + d + "-" + hour, KEYS[1], d.atTime(hour, 40), 0.021, 9000, 800));
				}
			}
			calls.add(call("stg-hermes-" + d, KEYS[2], d.atTime(22, 50), 0.012, 4000, 400));
		}
		writer.spendLogs(calls);
		writer.dailyAggregates(calls);
	}

	private static Call call(String id, String[] key, LocalDateTime at, double spend, int in, int out) {
		return Call.of(id, KeyHash.of(key[0]), key[1], "claude-haiku-4", "anthropic", at, spend, in, out);
	}

}
