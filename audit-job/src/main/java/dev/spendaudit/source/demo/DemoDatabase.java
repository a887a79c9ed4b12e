package dev.spendaudit.source.demo;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.source.KeyHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in demo's data: a LiteLLM-shaped database with {@value #DAYS} days of {@link DemoTraffic} up to now,
 * with its spikes and blind spots. The server it is written into is the caller's (the embedded PostgreSQL of the
 * {@code demo} command, a test's database).
 */
public final class DemoDatabase {

	static final int DAYS = 40;

	private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);

	private DemoDatabase() {
	}

	public static void seed(LiteLlmWriter writer, LocalDateTime nowUtc) {
		seed(writer, nowUtc, null);
	}

	/**
	 * The same, and the providers' bills of the last days written into {@code inbox}, with the calls they bill that
	 * the demo without bills does not make (null: no bills, the data as before).
	 */
	public static void seed(LiteLlmWriter writer, LocalDateTime nowUtc, Path inbox) {
		writer.applySchema();
		for (DemoTraffic.Profile p : DemoTraffic.PROFILES) {
			if (p.rawKey().equals(DemoTraffic.MASTER) || "vk-legacy-cron".equals(p.alias())) {
				continue; // the master key has no token row; the legacy key's row is long gone
			}
			writer.key(KeyHash.of(p.rawKey()), p.alias(), KeyHash.keyName(p.rawKey()));
		}
		List<Call> calls = DemoBlindSpots.withBlindSpotTraffic(
				new DemoTraffic().generate(nowUtc.toLocalDate().minusDays(DAYS), nowUtc), nowUtc);
		if (inbox != null) {
			// with its bills, the demo's squad-boreas also calls kimi-k2 through OpenRouter, which LiteLLM logs at $0
			calls = DemoBills.withRouterTraffic(calls, nowUtc);
		}
		calls = DemoSpikes.seed(writer, calls, nowUtc);
		calls = DemoTeams.withTags(calls, nowUtc);
		// a logging hole: the daily aggregates and key counters count every call, the spend log misses some
		List<Call> logged = DemoBlindSpots.withoutLoggingHole(calls, nowUtc);
		writer.spendLogs(logged);
		if (inbox != null) {
			DemoBills.write(inbox, logged, nowUtc);
		}
		writer.dailyAggregates(calls.stream().filter(c -> !Double.isNaN(c.spend())).toList());
		DemoBlindSpots.seedKeys(writer, calls);
		// the counters above are lifetime sums; the budgeted key's counter is its month's spend again
		DemoSpikes.monthlyBudget(writer, calls, KeyHash.of(DemoSpikes.CLAUDE_CODE_MAC_KEY), nowUtc);
		DemoTeams.seed(writer, calls, nowUtc);
		writer.rotateKey(KeyHash.of("sk-demo-grafana-old-4e4e"), KeyHash.of(DemoTraffic.GRAFANA_NEW_KEY),
				nowUtc.plusDays(1));
		writer.deleteKey(KeyHash.of("sk-demo-notes-7f7f"), nowUtc);
		log.info("demo database ready: {} spend-log rows over {} days", calls.size(), DAYS);
	}

}
