package dev.spendaudit.digest;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DigestChartsTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	final DigestCharts charts = new DigestCharts();

	@Test
	void theThirtyDayChartIsASharpPngOnWhite() throws IOException {
		BufferedImage png = read(charts.spend30(history(), List.of("vk-a", "vk-b")));
		assertThat(png.getWidth()).isEqualTo(DigestCharts.CHART_WIDTH * DigestCharts.SCALE);
		assertThat(png.getHeight()).isEqualTo(DigestCharts.CHART_HEIGHT * DigestCharts.SCALE);
		assertThat(new Color(png.getRGB(2, 2))).isEqualTo(Color.WHITE);
	}

	@Test
	void aSparklineIsTransparentSoItSitsOnLightAndDark() throws IOException {
		BufferedImage png = read(charts.sparkline(history(), "vk-a", DigestCharts.PALETTE[0]));
		assertThat(png.getWidth()).isEqualTo(DigestCharts.SPARK_WIDTH * DigestCharts.SCALE);
		assertThat(png.getColorModel().hasAlpha()).isTrue();
		assertThat(png.getRGB(0, 0) >>> 24).as("alpha of a corner").isZero();
	}

	@Test
	void theTextSparklineMarksDaysThatWereNotAudited() {
		String line = DigestRenderer.textSpark(history(), "vk-a");
		assertThat(line).hasSize(History.CHART_DAYS).startsWith("·").endsWith("█");
		assertThat(line.chars().filter(c -> c == '·').count()).isEqualTo(History.CHART_DAYS - 3);
	}

	@Test
	void comparisonsAreOverAuditedDaysOnly() {
		SpendComparison c = history().comparison();
		assertThat(c.previousDay().usd()).isEqualByComparingTo("1");
		assertThat(c.last7Days().auditedDays()).isEqualTo(2);
		assertThat(c.last7Days().averageUsd()).isEqualByComparingTo("1.5");
		assertThat(c.last30Days().days()).isEqualTo(30);
	}

	/** Three audited days: 2 and 1 dollars before, 4 on the day; vk-b spent only on the day. */
	static History history() {
		SortedMap<LocalDate, BigDecimal> daily = new TreeMap<>(Map.of(DAY.minusDays(2), new BigDecimal("2"),
				DAY.minusDays(1), BigDecimal.ONE, DAY, new BigDecimal("4")));
		SortedMap<LocalDate, BigDecimal> a = new TreeMap<>(daily);
		a.put(DAY, new BigDecimal("3"));
		return new History(DAY, daily, Map.of("vk-a", a, "vk-b", new TreeMap<>(Map.of(DAY, BigDecimal.ONE))));
	}

	static BufferedImage read(byte[] png) throws IOException {
		return ImageIO.read(new ByteArrayInputStream(png));
	}

}
