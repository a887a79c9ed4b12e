package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.KeyDayCount;

/**
 * The capture check against LiteLLM's daily aggregates: per UTC day and key, successful requests the aggregates
 * count against those the spend log has. Failed requests are left out on both sides, because
 * {@code disable_error_logs} drops failure rows from the log while the aggregates still count them.
 */
final class CaptureComparison {

	private CaptureComparison() {
	}

	/** Every (day, key) with more successful requests in the aggregates than in the log, oldest day first. */
	static List<CaptureGap> compare(List<KeyDayCount> aggregates, List<KeyDayCount> logged) {
		Map<String, KeyDayCount> log = new HashMap<>();
		logged.forEach(c -> log.put(c.utcDate() + "|" + c.apiKey(), c));
		List<CaptureGap> gaps = new ArrayList<>();
		for (KeyDayCount agg : aggregates) {
			KeyDayCount l = log.get(agg.utcDate() + "|" + agg.apiKey());
			long loggedSuccesses = l == null ? 0 : l.successes();
			if (agg.successes() > loggedSuccesses) {
				gaps.add(new CaptureGap(agg.apiKey(), null, agg.utcDate().atStartOfDay(),
						agg.utcDate().plusDays(1).atStartOfDay(), Signal.DAILY_AGGREGATES, agg.successes(),
						loggedSuccesses, agg.usd(), l == null ? BigDecimal.ZERO : l.usd()));
			}
		}
		gaps.sort(Comparator.comparing(CaptureGap::periodStart).thenComparing(CaptureGap::apiKey));
		return gaps;
	}

}
