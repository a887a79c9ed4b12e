package dev.spendaudit.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDayTests {

	@Test
	void utcDayIsMidnightToMidnight() {
		AuditDay day = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneOffset.UTC);
		assertThat(day.fromUtc()).isEqualTo(LocalDateTime.of(2026, 11, 26, 0, 0));
		assertThat(day.toUtc()).isEqualTo(LocalDateTime.of(2026, 11, 27, 0, 0));
	}

	@Test
	void zonedDayIsShiftedIntoUtcWallClock() {
		AuditDay berlin = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneId.of("Europe/Berlin"));
		assertThat(berlin.fromUtc()).isEqualTo(LocalDateTime.of(2026, 11, 25, 23, 0));
		assertThat(berlin.toUtc()).isEqualTo(LocalDateTime.of(2026, 11, 26, 23, 0));
		AuditDay newYork = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneId.of("America/New_York"));
		assertThat(newYork.fromUtc()).isEqualTo(LocalDateTime.of(2026, 11, 26, 5, 0));
	}

	@Test
	void daylightSavingDaysAre23And25HoursLong() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		AuditDay spring = AuditDay.of(LocalDate.of(2026, 3, 29), berlin);
		AuditDay autumn = AuditDay.of(LocalDate.of(2026, 10, 25), berlin);
		assertThat(java.time.Duration.between(spring.fromUtc(), spring.toUtc()).toHours()).isEqualTo(23);
		assertThat(java.time.Duration.between(autumn.fromUtc(), autumn.toUtc()).toHours()).isEqualTo(25);
	}

	@Test
	void statusIsTheWorstSeverity() {
		assertThat(Severity.status(java.util.List.of())).isEqualTo("OK");
		assertThat(Severity.status(java.util.List.of(Severity.INFO))).isEqualTo("OK");
		assertThat(Severity.status(java.util.List.of(Severity.INFO, Severity.WATCH))).isEqualTo("WATCH");
		assertThat(Severity.status(java.util.List.of(Severity.WATCH, Severity.ALERT, Severity.INFO))).isEqualTo("ALERT");
	}

}
