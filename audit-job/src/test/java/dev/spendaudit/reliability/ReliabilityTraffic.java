package dev.spendaudit.reliability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;

/**
 * A LiteLLM database with weeks of ordinary traffic for the fault tests: three keys on three models, one of them
 * with a spike every fifth day, so a day has groups, findings and a digest worth comparing.
 */
final class ReliabilityTraffic {

	private ReliabilityTraffic() {
	}

	/** Traffic on {@code [from, to)}. */
	static LiteLlmDatabase create(String purpose, LocalDate from, LocalDate to) {
		LiteLlmDatabase db = LiteLlmDatabase.create(purpose);
		String alpha = KeyHash.of("sk-alpha");
		String beta = KeyHash.of("sk-beta");
		String gamma = KeyHash.of("sk-gamma");
		db.writer().key(alpha, "vk-alpha", "sk-...lpha");
		db.writer().key(beta, "vk-beta", "sk-...beta");
		db.writer().key(gamma, "vk-gamma", "sk-...amma");
		List<Call> calls = new ArrayList<>();
		calls.addAll(Traffic.every(Duration.ofMinutes(90), from.atStartOfDay(), to.atStartOfDay(), alpha, "vk-alpha",
				"gpt-4.1-mini", "openai", 0.0125));
		calls.addAll(Traffic.every(Duration.ofHours(4), from.atTime(1, 7), to.atStartOfDay(), beta, "vk-beta",
				"claude-sonnet-4", "anthropic", 0.25));
		for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
			if (d.getDayOfMonth() % 5 == 0) {
				calls.addAll(Traffic.every(Duration.ofMinutes(10), d.atTime(9, 0), d.atTime(12, 0), gamma, "vk-gamma",
						"gemini-2.5-pro", "gemini", 0.5));
			}
		}
		db.writer().spendLogs(calls);
		return db;
	}

}
