package dev.spendaudit.history;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A UTC day is whole only when the stored days' windows cover its 24 hours without a hole. */
class ProviderHistoryTests {

	static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 25, 0, 0);

	@Test
	void twoNewYorkDaysCoverTheUtcDayAndAHoleLeavesItPending() {
		LocalDateTime[] ny24 = { DAY.minusHours(19), DAY.plusHours(5) };
		LocalDateTime[] ny25 = { DAY.plusHours(5), DAY.plusHours(29) };
		assertThat(ProviderHistory.covered(List.of(ny24, ny25), DAY, DAY.plusDays(1))).isTrue();
		assertThat(ProviderHistory.covered(List.<LocalDateTime[]>of(ny24), DAY, DAY.plusDays(1))).isFalse();
		assertThat(ProviderHistory.covered(List.<LocalDateTime[]>of(ny25), DAY, DAY.plusDays(1))).isFalse();
		assertThat(ProviderHistory.covered(List.of(), DAY, DAY.plusDays(1))).isFalse();
	}

}
