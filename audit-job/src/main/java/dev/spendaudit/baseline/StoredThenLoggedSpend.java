package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import dev.spendaudit.history.KeyDaySpend;
import dev.spendaudit.history.KeyHistory;

/**
 * A key's logged spend over a time range for the budget check: the stored days inside the range from the history,
 * and only the hours between them (the start of a budget period inside a day, the hours after the audited day)
 * from the spend log. A monthly budget would otherwise read a month of the log every night, and without LiteLLM's
 * {@code (api_key, "startTime")} index that is every row of the month.
 */
final class StoredThenLoggedSpend implements BudgetCheck.LoggedSpend {

	/** The spend log's answer for one key and a range the history does not cover. */
	interface LogLookup {

		BigDecimal between(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc);

	}

	private final KeyHistory history;

	private final String source;

	private final LogLookup log;

	StoredThenLoggedSpend(KeyHistory history, String source, LogLookup log) {
		this.history = history;
		this.source = source;
		this.log = log;
	}

	@Override
	public double between(String apiKey, LocalDateTime fromUtc, LocalDateTime toUtc) {
		if (!fromUtc.isBefore(toUtc)) {
			return 0;
		}
		BigDecimal usd = BigDecimal.ZERO;
		LocalDateTime cursor = fromUtc;
		for (KeyDaySpend day : history.spendOnDays(apiKey, source, fromUtc, toUtc)) {
			if (day.windowStartUtc().isBefore(cursor)) {
				continue; // overlapping windows (a changed zone): the first one counted covers it
			}
			if (day.windowStartUtc().isAfter(cursor)) {
				usd = usd.add(log.between(apiKey, cursor, day.windowStartUtc()));
			}
			usd = usd.add(day.usd());
			cursor = day.windowEndUtc();
		}
		if (cursor.isBefore(toUtc)) {
			usd = usd.add(log.between(apiKey, cursor, toUtc));
		}
		return usd.doubleValue();
	}

}
