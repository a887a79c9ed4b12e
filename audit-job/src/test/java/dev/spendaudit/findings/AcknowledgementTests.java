package dev.spendaudit.findings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	@Test
	void holdsThroughItsUntilDayAndNotAfter() {
		Acknowledgement ack = new Acknowledgement("reindex", DAY, "2026-11-25T08:00:00.000Z");
		assertThat(ack.holdsOn(DAY.minusDays(3))).isTrue();
		assertThat(ack.holdsOn(DAY)).isTrue();
		assertThat(ack.holdsOn(DAY.plusDays(1))).isFalse();
		assertThat(new Acknowledgement(null, null, "2026-11-25T08:00:00.000Z").holdsOn(DAY.plusYears(5))).isTrue();
	}

	@Test
	void marksTheFindingWithItsNoteAndUntil() {
		assertThat(new Acknowledgement("reindex", DAY, "x").mark()).isEqualTo("acknowledged: reindex (until 2026-11-26)");
		assertThat(new Acknowledgement(" ", null, "x").mark()).isEqualTo("acknowledged");
	}

	@Test
	void anAcknowledgedAlertNoLongerRaisesTheDaysStatus() {
		Finding alert = finding("a", Severity.ALERT);
		Finding watch = finding("w", Severity.WATCH);
		Acknowledgement ack = new Acknowledgement(null, null, "x");
		assertThat(Finding.status(List.of(alert, watch))).isEqualTo("ALERT");
		assertThat(Finding.status(List.of(alert.with(ack), watch))).isEqualTo("WATCH");
		assertThat(Finding.status(List.of(alert.with(ack), watch.with(ack)))).isEqualTo("OK");
	}

	private static Finding finding(String id, Severity severity) {
		return new Finding(id, "SPIKE", severity, "total", "default", BigDecimal.TEN, BigDecimal.ONE, "r", Map.of());
	}

}
