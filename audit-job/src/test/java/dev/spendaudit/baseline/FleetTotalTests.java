package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Severity;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.source.Attribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's total over two gateways: a rise spread over both, each within its own baseline, is said once as the
 * fleet's; a rise one gateway's own total already says is not said twice.
 */
class FleetTotalTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	final FleetTotal fleet = new FleetTotal(DetectionSettings.defaults(), List.of());

	@Test
	void aRiseSpreadOverTwoGatewaysIsTheFleetsSpike() {
		// each gateway swings between $0.10 and $1.90 a day, in turns: the fleet spends $2.00 every day
		List<KeyModelRow> rows = swinging();
		rows.add(row(DAY, "prod", 4.50));
		rows.add(row(DAY, "staging", 4.50));
		List<Draft> found = fleet.findings(DAY, rows);
		assertThat(found).hasSize(1);
		Draft f = found.get(0);
		assertThat(f.kind()).isEqualTo("SPIKE");
		assertThat(f.severity()).isEqualTo(Severity.ALERT);
		assertThat(f.subject()).isEqualTo(FleetTotal.SUBJECT);
		assertThat(f.group()).containsExactly("fleet");
		assertThat(f.actualUsd()).isEqualByComparingTo("9.00");
		assertThat(f.baselineUsd()).isEqualByComparingTo("2.00");
		assertThat(f.reason()).startsWith("fleet total");
	}

	@Test
	void aRiseOneGatewaysOwnTotalSaysIsNotSaidAgain() {
		List<KeyModelRow> rows = new ArrayList<>();
		for (int d = 35; d >= 1; d--) {
			rows.add(row(DAY.minusDays(d), "prod", 1.00));
			rows.add(row(DAY.minusDays(d), "staging", 1.00));
		}
		rows.add(row(DAY, "prod", 12.00));
		rows.add(row(DAY, "staging", 1.00));
		assertThat(fleet.findings(DAY, rows)).isEmpty();
	}

	@Test
	void aQuietFleetSaysNothing() {
		List<KeyModelRow> rows = swinging();
		rows.add(row(DAY, "prod", 0.10));
		rows.add(row(DAY, "staging", 1.90));
		assertThat(fleet.findings(DAY, rows)).isEmpty();
	}

	private static List<KeyModelRow> swinging() {
		List<KeyModelRow> rows = new ArrayList<>();
		for (int d = 35; d >= 1; d--) {
			boolean even = d % 2 == 0;
			rows.add(row(DAY.minusDays(d), "prod", even ? 0.10 : 1.90));
			rows.add(row(DAY.minusDays(d), "staging", even ? 1.90 : 0.10));
		}
		return rows;
	}

	private static KeyModelRow row(LocalDate date, String source, double usd) {
		return new KeyModelRow(date, source, "hash-" + source, "vk-app", Attribution.KEY_ALIAS, "gpt-4o-mini",
				"openai", BigDecimal.valueOf(usd), 10, 0, 0, 1_000, 100, 0, null, 0, 0, 0);
	}

}
