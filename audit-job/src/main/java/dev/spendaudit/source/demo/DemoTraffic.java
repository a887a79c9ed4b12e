package dev.spendaudit.source.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.WorkloadResolver;

/**
 * A homelab's month of LiteLLM traffic, generated deterministically: a dozen workloads on several providers, an
 * alias-less key, a key deleted after its calls, a key rotated mid-day, master-key calls, a legacy key known only
 * by its request-time alias, failures, cache hits and one row with a NaN spend.
 */
public final class DemoTraffic {

	/** One workload's habits. Prices are USD per million tokens. */
	record Profile(String alias, String rawKey, String modelGroup, String provider, double callsPerDay,
			int promptMean, int completionMean, double inPrice, double outPrice) {

		String hash() {
			return rawKey.equals(MASTER) ? WorkloadResolver.MASTER_KEY_LITERAL : KeyHash.of(rawKey);
		}

	}

	static final String MASTER = "master";

	static final List<Profile> PROFILES = List.of(
			new Profile("vk-hermes", "sk-demo-hermes-4c1e", "claude-sonnet-4", "anthropic", 22, 2_800, 450, 3, 15),
			new Profile("vk-investing", "sk-demo-investing-77aa", "gpt-4.1-mini", "openai", 60, 1_900, 300, 0.4, 1.6),
			new Profile("vk-squad-atlas", "sk-demo-atlas-1b2c", "glm-4.6", "zai", 140, 6_000, 700, 0, 0),
			new Profile("vk-squad-boreas", "sk-demo-boreas-9e0f", "kimi-k2", "moonshot", 90, 5_000, 600, 0, 0),
			new Profile("vk-vault-indexer", "sk-demo-vault-5d6e", "gemini-flash-lite", "gemini", 12, 3_000, 60, 0.1,
					0.4),
			new Profile("vk-claude-code-mac", "sk-demo-ccmac-3a3a", "claude-sonnet-4", "anthropic", 8, 9_000, 900, 3,
					15),
			new Profile("vk-claude-code-dgx", "sk-demo-ccdgx-8b8b", "qwen3-coder", "ollama", 45, 7_000, 800, 0, 0),
			new Profile("vk-hotkeys", "sk-demo-hotkeys-2f2f", "gpt-4.1-nano", "openai", 35, 400, 120, 0.1, 0.4),
			new Profile("vk-perplexity-research", "sk-demo-pplx-6c6c", "sonar-pro", "perplexity", 3, 1_200, 900, 3,
					15),
			new Profile("vk-embeddings", "sk-demo-embed-0d0d", "text-embedding-3-small", "openai", 70, 800, 0, 0.02,
					0),
			new Profile("vk-grafana-bot", "sk-demo-grafana-old-4e4e", "gpt-4.1-nano", "openai", 24, 600, 150, 0.1,
					0.4),
			new Profile("vk-notes-sync", "sk-demo-notes-7f7f", "gpt-4.1-mini", "openai", 10, 1_500, 250, 0.4, 1.6),
			new Profile(null, "sk-demo-laptop-9f3a", "gpt-4.1-mini", "openai", 6, 1_000, 200, 0.4, 1.6),
			new Profile("vk-legacy-cron", "sk-demo-legacy-1a1a", "gpt-4.1-nano", "openai", 4, 500, 100, 0.1, 0.4),
			new Profile(null, MASTER, "claude-sonnet-4", "anthropic", 5, 4_000, 500, 3, 15));

	/** The rotated key's new raw value: the old one above logs until the start of today. */
	static final String GRAFANA_NEW_KEY = "sk-demo-grafana-new-5e5e";

	private final Random random = new Random(20261126L);

	/** Calls from {@code firstDay} 00:00 UTC up to {@code nowUtc}. */
	public List<Call> generate(LocalDate firstDay, LocalDateTime nowUtc) {
		List<Call> calls = new ArrayList<>();
		// the grafana key is rotated at the start of today: yesterday's calls carry the old hash
		LocalDateTime rotation = nowUtc.toLocalDate().atStartOfDay();
		for (LocalDate day = firstDay; !day.atStartOfDay().isAfter(nowUtc); day = day.plusDays(1)) {
			for (Profile p : PROFILES) {
				int n = poisson(p.callsPerDay());
				for (int i = 0; i < n; i++) {
					LocalDateTime at = day.atStartOfDay().plusSeconds(busySecond());
					if (at.isAfter(nowUtc)) {
						continue;
					}
					String hash = p.hash();
					if (p.alias() != null && p.alias().equals("vk-grafana-bot") && !at.isBefore(rotation)) {
						hash = KeyHash.of(GRAFANA_NEW_KEY);
					}
					calls.add(call(p, hash, at, calls.size()));
				}
			}
			// the daily call without a key is cut at now like the rest: a row from later today would be one LiteLLM
			// could not have written yet
			LocalDateTime noKeyAt = day.atTime(3, 3);
			if (!noKeyAt.isAfter(nowUtc)) {
				calls.add(Call.of("demo-" + day + "-nokey", "", null, "gpt-4.1-nano", "openai", noKeyAt, 0.00002, 120,
						30));
			}
		}
		LocalDateTime nanAt = nowUtc.toLocalDate().minusDays(1).atTime(9, 41);
		calls.add(Call.of("demo-nan-spend", KeyHash.of("sk-demo-hotkeys-2f2f"), "vk-hotkeys", "gpt-4.1-nano",
				"openai", nanAt, Double.NaN, 400, 120));
		return calls;
	}

	private Call call(Profile p, String hash, LocalDateTime at, int seq) {
		int prompt = Math.max(1, (int) (p.promptMean() * (0.4 + 1.2 * random.nextDouble())));
		int completion = p.completionMean() == 0 ? 0
				: Math.max(1, (int) (p.completionMean() * (0.3 + 1.4 * random.nextDouble())));
		double spend = (prompt * p.inPrice() + completion * p.outPrice()) / 1_000_000.0;
		String requestAlias = MASTER.equals(p.rawKey()) ? null : p.alias();
		Call call = Call.of("demo-" + seq + "-" + Long.toHexString(random.nextLong()), hash, requestAlias,
				p.modelGroup(), p.provider(), at, spend, prompt, completion)
			.withCaller("default_user_id", "", "10.0.0." + (10 + Math.abs(hash.hashCode() % 5)), "[]");
		double roll = random.nextDouble();
		if (roll < 0.02) {
			return call.asFailure();
		}
		if (roll < 0.05) {
			return call.asCacheHit();
		}
		return call;
	}

	/** Seconds into the day, busier in the (UTC) daytime. */
	private int busySecond() {
		int hour = random.nextDouble() < 0.75 ? 7 + random.nextInt(14) : random.nextInt(24);
		return hour * 3600 + random.nextInt(3600);
	}

	private int poisson(double mean) {
		double l = Math.exp(-Math.min(mean, 500));
		int k = 0;
		double p = 1;
		do {
			k++;
			p *= random.nextDouble();
		}
		while (p > l);
		return k - 1;
	}

}
