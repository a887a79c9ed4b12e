package dev.spendaudit.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.spendaudit.core.AuditDay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a day splits into the halves its statement runs in, and how the halves' reads end. */
class SideBySideTests {

	@Test
	void aUtcDaySplitsAtNoon() {
		AuditDay day = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneId.of("UTC"));
		assertThat(SideBySide.halves(day.fromUtc(), day.toUtc())).containsExactly(
				new SideBySide.Window(day.fromUtc(), LocalDateTime.of(2026, 11, 26, 12, 0)),
				new SideBySide.Window(LocalDateTime.of(2026, 11, 26, 12, 0), day.toUtc()));
	}

	@Test
	void aDayOffTheHourSplitsAtAWholeUtcHour() {
		// Asia/Kolkata's day runs 18:30 to 18:30 UTC: its middle, 06:30, is inside a UTC hour; the split is at 06:00
		AuditDay day = AuditDay.of(LocalDate.of(2026, 11, 26), ZoneId.of("Asia/Kolkata"));
		List<SideBySide.Window> halves = SideBySide.halves(day.fromUtc(), day.toUtc());
		assertThat(halves).extracting(SideBySide.Window::toUtc)
			.containsExactly(LocalDateTime.of(2026, 11, 26, 6, 0), day.toUtc());
		assertThat(halves.get(0).fromUtc()).isEqualTo(day.fromUtc());
		assertThat(halves.get(1).fromUtc()).isEqualTo(halves.get(0).toUtc());
	}

	@Test
	void aShortWindowIsReadWhole() {
		LocalDateTime from = LocalDateTime.of(2026, 11, 26, 10, 15);
		assertThat(SideBySide.halves(from, from.plusMinutes(90))).containsExactly(
				new SideBySide.Window(from, from.plusMinutes(90)));
	}

	@Test
	void eachReturnsTheWindowsReadsInOrder() {
		List<SideBySide.Window> halves = SideBySide.halves(LocalDateTime.of(2026, 11, 26, 0, 0),
				LocalDateTime.of(2026, 11, 27, 0, 0));
		assertThat(SideBySide.each(halves, w -> w.fromUtc().getHour() + "-" + w.toUtc().getHour()))
			.containsExactly("0-12", "12-0");
	}

	@Test
	void aHelpersFailureIsTheReadsFailure() {
		List<SideBySide.Window> halves = SideBySide.halves(LocalDateTime.of(2026, 11, 26, 0, 0),
				LocalDateTime.of(2026, 11, 27, 0, 0));
		assertThatThrownBy(() -> SideBySide.each(halves, w -> {
			if (w.fromUtc().getHour() == 12) {
				throw new IllegalStateException("the later half failed");
			}
			return w;
		})).isInstanceOf(IllegalStateException.class).hasMessage("the later half failed");
	}

	@Test
	void theFirstHalfsFailureWaitsForTheOthers() {
		List<SideBySide.Window> halves = SideBySide.halves(LocalDateTime.of(2026, 11, 26, 0, 0),
				LocalDateTime.of(2026, 11, 27, 0, 0));
		AtomicBoolean laterEnded = new AtomicBoolean();
		assertThatThrownBy(() -> SideBySide.each(halves, w -> {
			if (w.fromUtc().getHour() == 0) {
				throw new IllegalStateException("the first half failed");
			}
			sleep(200);
			laterEnded.set(true);
			return w;
		})).hasMessage("the first half failed");
		// each returned only after the later half's read (and its connection) had ended
		assertThat(laterEnded).isTrue();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
