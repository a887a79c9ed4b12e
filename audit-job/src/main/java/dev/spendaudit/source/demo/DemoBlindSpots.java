package dev.spendaudit.source.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.spendaudit.source.KeyHash;

/**
 * The demo's three blind spots, on top of {@link DemoTraffic}:
 * <ul>
 * <li>a logging hole: {@code disable_spend_logs} picked up by a restart at 19:40 UTC the day before yesterday and
 * fixed at 02:50 yesterday (before the demo's 03:03 call without a key); the spend log misses those calls while
 * {@code "LiteLLM_DailyUserSpend"} and the keys' spend counters keep counting;</li>
 * <li>an hourly canary key ({@code audit-canary}), silent through the hole like everything else;</li>
 * <li>keys being retired: the old shared {@code vk-mac-shared} key with stragglers from one host until
 * yesterday, an old laptop key quiet for three days, and a direct Perplexity key quiet for eleven.</li>
 * </ul>
 * The flat-fee plans are settings, not data: the demo's calls to {@code glm-4.6} and {@code kimi-k2} already
 * carry zero spend (see {@code application-demo.yml}).
 */
public final class DemoBlindSpots {

	static final String CANARY_KEY = "sk-demo-canary-ca11";

	static final String SHARED_KEY = "sk-demo-mac-shared-0ac0";

	static final String OLD_LAPTOP_KEY = "sk-demo-oldlaptop-0ld1";

	static final String PPLX_LEGACY_KEY = "sk-demo-pplx-legacy-5a5a";

	private DemoBlindSpots() {
	}

	/** When spend logging went off: 19:40 UTC the day before yesterday. */
	public static LocalDateTime holeFrom(LocalDateTime nowUtc) {
		return nowUtc.toLocalDate().minusDays(2).atTime(19, 40);
	}

	/** When it came back: 02:50 UTC yesterday. */
	public static LocalDateTime holeTo(LocalDateTime nowUtc) {
		return nowUtc.toLocalDate().minusDays(1).atTime(2, 50);
	}

	/** The demo's calls plus the canary's and the retiring keys'. */
	public static List<Call> withBlindSpotTraffic(List<Call> calls, LocalDateTime nowUtc) {
		List<Call> all = new ArrayList<>(calls);
		Random random = new Random(20261127L);
		LocalDate today = nowUtc.toLocalDate();
		for (LocalDate day = today.minusDays(DemoDatabase.DAYS); !day.isAfter(today); day = day.plusDays(1)) {
			for (int hour = 0; hour < 24; hour++) {
				add(all, Call.of("demo-canary-" + day + "-" + hour, KeyHash.of(CANARY_KEY), "audit-canary",
						"gpt-4.1-nano", "openai", day.atTime(hour, 5), 0.0000011, 8, 1), nowUtc);
			}
			long daysAgo = today.toEpochDay() - day.toEpochDay();
			// the shared key: every host used it until 12 days ago; then one host kept calling
			int shared = daysAgo > 12 ? 30 : daysAgo >= 1 ? 2 : 0;
			for (int i = 0; i < shared; i++) {
				Call call = Call.of("demo-shared-" + day + "-" + i, KeyHash.of(SHARED_KEY), "vk-mac-shared",
						"gpt-4.1-mini", "openrouter", day.atTime(8 + random.nextInt(12), random.nextInt(60)),
						(1_200 * 0.4 + 300 * 1.6) / 1_000_000, 1_200, 300);
				add(all, daysAgo > 12 ? call.withCaller("default_user_id", "", "10.0.0." + (11 + i % 4), "[]")
						: straggler(call), nowUtc);
			}
			if (daysAgo > 3) {
				for (int i = 0; i < 10; i++) {
					add(all, Call.of("demo-oldlaptop-" + day + "-" + i, KeyHash.of(OLD_LAPTOP_KEY), "vk-old-laptop",
							"claude-sonnet-4", "anthropic", day.atTime(9 + i, random.nextInt(60)),
							(3_000 * 3 + 400 * 15) / 1_000_000.0, 3_000, 400), nowUtc);
				}
			}
			if (daysAgo > 11) {
				add(all, Call.of("demo-pplx-legacy-" + day, KeyHash.of(PPLX_LEGACY_KEY), "vk-pplx-legacy",
						"sonar-pro", "perplexity", day.atTime(14, random.nextInt(60)), (900 * 3 + 700 * 15) / 1_000_000.0,
						900, 700), nowUtc);
			}
		}
		return all;
	}

	/** What the spend log kept: everything but the hole's calls. */
	public static List<Call> withoutLoggingHole(List<Call> calls, LocalDateTime nowUtc) {
		LocalDateTime from = holeFrom(nowUtc);
		LocalDateTime to = holeTo(nowUtc);
		return calls.stream().filter(c -> c.startTimeUtc().isBefore(from) || !c.startTimeUtc().isBefore(to)).toList();
	}

	/**
	 * The blind spots' key rows, and every live key's spend counters and {@code last_active} as the proxy keeps
	 * them: from all calls, the hole's included.
	 */
	public static void seedKeys(LiteLlmWriter writer, List<Call> allCalls) {
		writer.key(KeyHash.of(CANARY_KEY), "audit-canary", KeyHash.keyName(CANARY_KEY));
		writer.key(KeyHash.of(SHARED_KEY), "vk-mac-shared", KeyHash.keyName(SHARED_KEY));
		writer.key(KeyHash.of(OLD_LAPTOP_KEY), "vk-old-laptop", KeyHash.keyName(OLD_LAPTOP_KEY));
		writer.key(KeyHash.of(PPLX_LEGACY_KEY), "vk-pplx-legacy", KeyHash.keyName(PPLX_LEGACY_KEY));
		Map<String, double[]> spend = new HashMap<>();
		Map<String, LocalDateTime> lastActive = new HashMap<>();
		for (Call c : allCalls) {
			if (!Double.isNaN(c.spend())) {
				spend.computeIfAbsent(c.apiKey(), k -> new double[1])[0] += c.spend();
			}
			lastActive.merge(c.apiKey(), c.startTimeUtc(), (a, b) -> a.isAfter(b) ? a : b);
		}
		spend.forEach((key, usd) -> {
			writer.keySpend(key, usd[0], null);
			writer.keyTotals(key, usd[0], lastActive.get(key));
		});
	}

	private static Call straggler(Call call) {
		return call.withCaller("default_user_id", "squad-boreas", "10.0.0.42", "[\"host:mac-mini\"]")
			.withMetadata("{\"user_api_key\": \"" + call.apiKey() + "\", \"user_api_key_alias\": \"vk-mac-shared\", "
					+ "\"status\": \"success\", \"spend_logs_metadata\": {\"host\": \"mac-mini\", "
					+ "\"script\": \"hotkey-summarize\"}}");
	}

	private static void add(List<Call> calls, Call call, LocalDateTime nowUtc) {
		if (!call.startTimeUtc().isAfter(nowUtc)) {
			calls.add(call);
		}
	}

}
