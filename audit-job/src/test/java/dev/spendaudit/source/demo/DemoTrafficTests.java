package dev.spendaudit.source.demo;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's traffic is what LiteLLM would have written by the moment it is generated for: no call after it, at
 * any hour of the day.
 */
class DemoTrafficTests {

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-02T00:05", "2026-12-02T02:00", "2026-12-02T03:03", "2026-12-02T12:00",
			"2026-12-02T23:55" })
	void noCallComesAfterNow(String at) {
		LocalDateTime now = LocalDateTime.parse(at);
		List<Call> calls = DemoBlindSpots.withBlindSpotTraffic(
				new DemoTraffic().generate(now.toLocalDate().minusDays(DemoDatabase.DAYS), now), now);

		assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c.startTimeUtc()).isBeforeOrEqualTo(now));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-02T00:05", "2026-12-02T23:55" })
	void everyDayBeforeTodayHasItsCallWithoutAKey(String at) {
		LocalDateTime now = LocalDateTime.parse(at);
		List<Call> calls = new DemoTraffic().generate(now.toLocalDate().minusDays(DemoDatabase.DAYS), now);

		// 40 whole days before today; today's 03:03 call only once it is 03:03
		long expected = DemoDatabase.DAYS + (now.toLocalTime().isBefore(LocalTime.of(3, 3)) ? 0 : 1);
		assertThat(calls.stream().filter(c -> c.apiKey().isEmpty())).hasSize((int) expected);
	}

}
