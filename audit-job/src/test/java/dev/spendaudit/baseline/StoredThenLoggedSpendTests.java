package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.history.KeyDaySpend;
import dev.spendaudit.history.KeyHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A budget period's spend: the stored days from the history, only the hours around them from the spend log. */
class StoredThenLoggedSpendTests {

	static final LocalDateTime NOV_2 = LocalDateTime.of(2026, 11, 2, 0, 0);

	/** The history's answer for stored days Nov 2, 3 and 4 (the key spent $1, $2, $0). */
	static final KeyHistory STORED = new KeyHistory(null) {
		@Override
		public List<KeyDaySpend> spendOnDays(String apiKey, String source, LocalDateTime fromUtc, LocalDateTime toUtc) {
			List<KeyDaySpend> days = new ArrayList<>();
			String[] usd = { "1", "2", "0" };
			for (int i = 0; i < 3; i++) {
				KeyDaySpend d = new KeyDaySpend(NOV_2.plusDays(i), NOV_2.plusDays(i + 1), new BigDecimal(usd[i]));
				if (!d.windowStartUtc().isBefore(fromUtc) && !d.windowEndUtc().isAfter(toUtc)) {
					days.add(d);
				}
			}
			return days;
		}
	};

	@Test
	void theLogIsAskedOnlyForTheHoursTheStoredDaysLeaveOut() {
		List<String> asked = new ArrayList<>();
		StoredThenLoggedSpend spend = new StoredThenLoggedSpend(STORED, "default", (key, from, to) -> {
			asked.add(from + ".." + to);
			return new BigDecimal("0.25");
		});
		double usd = spend.between("k", LocalDateTime.of(2026, 11, 1, 12, 0), LocalDateTime.of(2026, 11, 5, 6, 0));
		assertThat(usd).isEqualTo(3.5);
		assertThat(asked).containsExactly("2026-11-01T12:00..2026-11-02T00:00", "2026-11-05T00:00..2026-11-05T06:00");
	}

	@Test
	void aRangeInsideOneDayIsTheLogs() {
		List<String> asked = new ArrayList<>();
		StoredThenLoggedSpend spend = new StoredThenLoggedSpend(STORED, "default", (key, from, to) -> {
			asked.add(from + ".." + to);
			return BigDecimal.ONE;
		});
		assertThat(spend.between("k", NOV_2.plusHours(1), NOV_2.plusHours(5))).isEqualTo(1.0);
		assertThat(asked).containsExactly("2026-11-02T01:00..2026-11-02T05:00");
		assertThat(spend.between("k", NOV_2, NOV_2)).isZero();
	}

}
