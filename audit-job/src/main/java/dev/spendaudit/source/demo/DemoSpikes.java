package dev.spendaudit.source.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.spendaudit.source.KeyHash;

/**
 * What the demo's detection must find and what it must leave alone, on the day the demo audits (yesterday, UTC):
 * <ul>
 * <li>the seed story's reindex: vk-vault-indexer sending about 1,100 gemini-flash-lite requests with ~545K-token
 * prompts and tiny answers, about $60 against its usual fraction of a cent (an ALERT, explained);</li>
 * <li>a noise day: vk-hermes at about $0.90 instead of its usual $0.30 (a z-score alone would page; nothing
 * may);</li>
 * <li>a monthly budget on vk-claude-code-mac that its steady pace will bring to about 90% by the reset (a
 * WATCH).</li>
 * </ul>
 */
public final class DemoSpikes {

	static final String VAULT_KEY = "sk-demo-vault-5d6e";

	static final String HERMES_KEY = "sk-demo-hermes-4c1e";

	static final String CLAUDE_CODE_MAC_KEY = "sk-demo-ccmac-3a3a";

	private DemoSpikes() {
	}

	/** Adds the spike and the noise day to the demo's calls and sets the budget; returns all the calls. */
	public static List<Call> seed(LiteLlmWriter writer, List<Call> traffic, LocalDateTime nowUtc) {
		Random random = new Random(545_000L);
		LocalDate yesterday = nowUtc.toLocalDate().minusDays(1);
		List<Call> calls = new ArrayList<>(traffic);
		for (int i = 0; i < 1_100; i++) {
			// a batch job: 03:00 to 08:30 UTC, one call every few seconds
			LocalDateTime at = yesterday.atTime(3, 0).plusSeconds(i * 18L + random.nextInt(18));
			int prompt = 528_000 + random.nextInt(34_000);
			int completion = 20 + random.nextInt(40);
			calls.add(call("demo-reindex-" + i, VAULT_KEY, "vk-vault-indexer", "gemini-flash-lite", "gemini", at,
					(prompt * 0.10 + completion * 0.40) / 1_000_000, prompt, completion));
		}
		for (int i = 0; i < 38; i++) {
			LocalDateTime at = yesterday.atTime(9 + i % 12, random.nextInt(60), random.nextInt(60));
			int prompt = (int) (2_800 * (0.4 + 1.2 * random.nextDouble()));
			int completion = (int) (450 * (0.3 + 1.4 * random.nextDouble()));
			calls.add(call("demo-hermes-extra-" + i, HERMES_KEY, "vk-hermes", "claude-sonnet-4", "anthropic", at,
					(prompt * 3.0 + completion * 15.0) / 1_000_000, prompt, completion));
		}
		monthlyBudget(writer, calls, KeyHash.of(CLAUDE_CODE_MAC_KEY), nowUtc);
		return calls;
	}

	/**
	 * A "1mo" budget resetting on the 1st, sized so the key's own pace projects to about 90% of it by the reset:
	 * the counter is what the key spent since the 1st, the pace the mean of the 7 days up to yesterday.
	 */
	static void monthlyBudget(LiteLlmWriter writer, List<Call> calls, String hash, LocalDateTime nowUtc) {
		LocalDateTime periodStart = nowUtc.toLocalDate().withDayOfMonth(1).atStartOfDay();
		LocalDateTime reset = periodStart.plusMonths(1);
		LocalDateTime today = nowUtc.toLocalDate().atStartOfDay();
		double spent = 0;
		double lastWeek = 0;
		for (Call c : calls) {
			if (!c.apiKey().equals(hash) || Double.isNaN(c.spend())) {
				continue;
			}
			if (!c.startTimeUtc().isBefore(periodStart)) {
				spent += c.spend();
			}
			if (!c.startTimeUtc().isBefore(today.minusDays(7)) && c.startTimeUtc().isBefore(today)) {
				lastWeek += c.spend();
			}
		}
		double daysLeft = java.time.Duration.between(today, reset).getSeconds() / 86_400.0;
		double projected = spent + lastWeek / 7 * daysLeft;
		writer.budget(hash, Math.ceil(projected / 0.9), "1mo", reset, spent);
	}

	private static Call call(String id, String rawKey, String alias, String model, String provider, LocalDateTime at,
			double spend, int prompt, int completion) {
		return Call.of(id, KeyHash.of(rawKey), alias, model, provider, at, spend, prompt, completion)
			.withCaller("default_user_id", "", "10.0.0.20", "[]");
	}

}
