package dev.spendaudit.source.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's nightly run is 06:15 UTC on the wall clock's UTC date, whatever the hour. */
class DemoClockTests {

	static final Instant RUN = Instant.parse("2026-12-02T06:15:00Z");

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-02T00:00:00Z", "2026-12-02T00:05:00Z", "2026-12-02T02:00:00Z",
			"2026-12-02T06:15:00Z", "2026-12-02T12:00:00Z", "2026-12-02T23:55:00Z", "2026-12-02T23:59:59.999Z" })
	void everyHourOfADayPlaysThatMorningsRun(String wall) {
		Clock run = DemoClock.nightlyRun(Clock.fixed(Instant.parse(wall), ZoneOffset.UTC));

		assertThat(run.instant()).isEqualTo(RUN);
		assertThat(run.getZone()).isEqualTo(ZoneOffset.UTC);
	}

	@Test
	void theDateIsTheUtcDateWhateverTheWallClocksZone() {
		// 20:00 on 2026-12-01 in New York is already 2026-12-02 in UTC
		Clock newYork = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneId.of("America/New_York"));

		assertThat(DemoClock.nightlyRun(newYork).instant()).isEqualTo(RUN);
	}

}
