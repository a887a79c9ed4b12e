package dev.spendaudit.archive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveSvgTests {

	private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

	private static final LocalDate D2 = D1.plusDays(1);

	@Test
	void theStackedChartPutsTheNamedWorkloadsFirstAndTheRestInOthers() {
		SortedMap<LocalDate, BigDecimal> a = new TreeMap<>(Map.of(D1, new BigDecimal("3"), D2, new BigDecimal("1")));
		SortedMap<LocalDate, BigDecimal> b = new TreeMap<>(Map.of(D2, new BigDecimal("1")));
		ArchiveSvg.Chart chart = ArchiveSvg.stacked(List.of(D1, D2), List.of("a"), Map.of("a", a, "b", b));
		assertThat(chart.maxUsd()).isEqualByComparingTo("3");
		assertThat(chart.layers()).extracting(ArchiveSvg.Layer::cssClass).containsExactly("s0", "others");
		// the tallest day is the chart's height less its margin; the second day's two halves stack
		assertThat(chart.layers().get(0).path().d()).isEqualTo("M0 4h359v156h-359ZM360 108h359v52h-359Z");
		assertThat(chart.layers().get(1).path().d()).isEqualTo("M360 56h359v52h-359Z");
		assertThat(chart.columns()).extracting(ArchiveSvg.Column::usd).containsExactly(new BigDecimal("3"),
				new BigDecimal("2"));
	}

	@Test
	void aSparklineDrawsADayWithoutCallsAtZero() {
		SortedMap<LocalDate, BigDecimal> s = new TreeMap<>(Map.of(D2, new BigDecimal("2")));
		assertThat(ArchiveSvg.sparkline(List.of(D1, D2, D2.plusDays(1)), s, 100, 12).d()).isEqualTo("M0 11L50 1L100 11");
	}

}
