package dev.spendaudit.reconcile.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:15:00Z"), ZoneOffset.UTC);

	@Test
	void readsSeconds() {
		assertThat(RetryAfter.parse("2", CLOCK)).isEqualTo(Duration.ofSeconds(2));
		assertThat(RetryAfter.parse(" 0 ", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsAnHttpDateAsTheWaitUntilIt() {
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 06:15:07 GMT", CLOCK)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse("Fri, 27 Nov 2026 06:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresWhatItCannotRead() {
		assertThat(RetryAfter.parse(null, CLOCK)).isNull();
		assertThat(RetryAfter.parse("soon", CLOCK)).isNull();
		assertThat(RetryAfter.parse("-3", CLOCK)).isNull();
	}

}
