package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import dev.spendaudit.source.KeyCounter;

/**
 * The capture check where the daily aggregates are missing: how much each key's spend counter grew between two
 * nightly snapshots, against the spend the log has for it in the same interval.
 * <p>
 * The lifetime {@code total_spend} (LiteLLM v1.103+) is compared where both snapshots have it. Otherwise the
 * budget counter {@code spend}, which LiteLLM resets to 0 when {@code budget_reset_at} passes: when that moved
 * between the snapshots, the counter now holds the spend since the reset, compared with the log since then; a
 * counter that went down without such a move (a manual reset) cannot be compared and is skipped.
 */
final class CounterComparison {

	/** Counter growth the log may miss before it counts: rounding of floating-point sums. */
	static final BigDecimal TOLERANCE_USD = new BigDecimal("0.000001");

	private CounterComparison() {
	}

	/**
	 * @param loggedSpend the log's spend per key over {@code [previousAt, currentAt)}
	 * @param loggedSince the log's spend of one key from a time up to {@code currentAt}
	 */
	static Result compare(Map<String, KeyCounter> previous, LocalDateTime previousAt, Map<String, KeyCounter> current,
			LocalDateTime currentAt, Map<String, BigDecimal> loggedSpend,
			BiFunction<String, LocalDateTime, BigDecimal> loggedSince) {
		List<CaptureGap> gaps = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (KeyCounter now : current.values()) {
			KeyCounter before = previous.get(now.apiKey());
			LocalDateTime from = previousAt;
			BigDecimal expected;
			if (before == null) {
				// a key created since the last snapshot started from 0
				expected = BigDecimal.valueOf(now.totalSpend() != null ? now.totalSpend() : now.spend());
			}
			else if (now.totalSpend() != null && before.totalSpend() != null) {
				expected = BigDecimal.valueOf(now.totalSpend()).subtract(BigDecimal.valueOf(before.totalSpend()));
			}
			else if (before.budgetResetAt() != null && !Objects.equals(before.budgetResetAt(), now.budgetResetAt())
					&& before.budgetResetAt().isAfter(previousAt) && !before.budgetResetAt().isAfter(currentAt)) {
				// reset to 0 at the old budget_reset_at: the counter holds the spend since then
				from = before.budgetResetAt();
				expected = BigDecimal.valueOf(now.spend());
			}
			else if (now.spend() < before.spend()) {
				skipped.add(now.apiKey());
				continue;
			}
			else {
				expected = BigDecimal.valueOf(now.spend()).subtract(BigDecimal.valueOf(before.spend()));
			}
			BigDecimal logged = from.equals(previousAt) ? loggedSpend.getOrDefault(now.apiKey(), BigDecimal.ZERO)
					: loggedSince.apply(now.apiKey(), from);
			if (expected.subtract(logged).compareTo(TOLERANCE_USD) > 0) {
				gaps.add(new CaptureGap(now.apiKey(), null, from, currentAt, Signal.KEY_COUNTERS, null, null, expected,
						logged));
			}
		}
		gaps.sort(Comparator.comparing(CaptureGap::apiKey));
		skipped.sort(Comparator.naturalOrder());
		return new Result(gaps, skipped);
	}

	/**
	 * @param skipped keys whose counter went down with no budget reset to explain it
	 */
	record Result(List<CaptureGap> gaps, List<String> skipped) {
	}

}
