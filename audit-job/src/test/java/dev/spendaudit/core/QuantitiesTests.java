package dev.spendaudit.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One way to print a quantity: a table of cases per kind, including the float dust the digest once printed.
 */
class QuantitiesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			61.548                 | $61.55
			1234                   | $1,234.00
			1234567.891            | $1,234,567.89
			0.01                   | $0.01
			0.043                  | $0.04
			0.0035                 | $0.0035
			0.00056                | $0.00056
			0.0012345              | $0.0012
			0.009999               | $0.01
			0.0001                 | $0.0001
			0.000099               | <$0.0001
			0.000000000000000056   | <$0.0001
			0                      | $0.00
			0.000                  | $0.00
			-1.2                   | -$1.20
			""")
	void money(String value, String printed) {
		assertThat(Quantities.usd(new BigDecimal(value))).isEqualTo(printed);
	}

	@Test
	void moneyFromADoubleShowsNoFloatDust() {
		assertThat(Quantities.usd(0.1 + 0.2)).isEqualTo("$0.30");
		assertThat(Quantities.usd(5.6e-17)).isEqualTo("<$0.0001");
		assertThat(Quantities.usd((Number) null)).isEqualTo("–");
		assertThat(Quantities.usd(Double.NaN)).isEqualTo("–");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0          | 0
			950        | 950
			999        | 999
			1000       | 1K
			1234       | 1.2K
			12345      | 12K
			545123     | 545K
			999999     | 1M
			1234567    | 1.2M
			12345678   | 12M
			2050000000 | 2.1B
			""")
	void tokens(long value, String printed) {
		assertThat(Quantities.tokens(value)).isEqualTo(printed);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0       | 0
			7       | 7
			1680    | 1,680
			1234567 | 1,234,567
			""")
	void counts(long value, String printed) {
		assertThat(Quantities.count(value)).isEqualTo(printed);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0.98     | 98%
			1        | 100%
			0.045    | 4.5%
			0.04     | 4.0%
			0.0996   | 10%
			0.12345  | 12%
			0.0004   | <0.1%
			0        | 0%
			""")
	void percentages(String fraction, String printed) {
		assertThat(Quantities.percent(new BigDecimal(fraction))).isEqualTo(printed);
	}

	@Test
	void sharesAndChanges() {
		assertThat(Quantities.share(1, 4)).isEqualTo("25%");
		assertThat(Quantities.share(1, 0)).isEqualTo("–");
		assertThat(Quantities.change(112, 100)).isEqualTo("+12%");
		assertThat(Quantities.change(95.5, 100)).isEqualTo("-4.5%");
		assertThat(Quantities.change(100, 100)).isEqualTo("±0%");
		assertThat(Quantities.change(5, 0)).isEqualTo("new");
		assertThat(Quantities.change(0, 0)).isEqualTo("±0%");
		assertThat(Quantities.change(20_000, 100)).isEqualTo("+19,900%");
	}

	@Test
	void ratiosAndStatistics() {
		assertThat(Quantities.ratio(3.0)).isEqualTo("3×");
		assertThat(Quantities.ratio(1.54)).isEqualTo("1.5×");
		assertThat(Quantities.ratio(200.4)).isEqualTo("200×");
		assertThat(Quantities.number(22.81)).isEqualTo("22.8");
		assertThat(Quantities.number(1502.3)).isEqualTo("1,502");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PT0S      | 0 min
			PT45S     | 1 min
			PT90M     | 90 min
			PT119M    | 119 min
			PT2H      | 2 h
			PT34H10M  | 34 h
			PT47H40M  | 2 d
			PT48H     | 2 d
			PT60H     | 2.5 d
			PT240H    | 10 d
			""")
	void durations(String value, String printed) {
		assertThat(Quantities.duration(Duration.parse(value))).isEqualTo(printed);
	}

	@Test
	void hoursAreDurations() {
		assertThat(Quantities.hours(34.2)).isEqualTo("34 h");
		assertThat(Quantities.hours(new BigDecimal("1.5"))).isEqualTo("90 min");
		assertThat(Quantities.hours(null)).isEqualTo("–");
	}

	@Test
	void timesAreInTheAuditZoneToTheMinute() {
		LocalDateTime utc = LocalDateTime.of(2026, 11, 30, 16, 10, 42, 123_000_000);
		assertThat(Quantities.time(utc, ZoneOffset.UTC)).isEqualTo("2026-11-30 16:10");
		assertThat(Quantities.time(utc, ZoneId.of("Europe/Berlin"))).isEqualTo("2026-11-30 17:10");
		assertThat(Quantities.zonedTime(utc, ZoneId.of("UTC"))).isEqualTo("2026-11-30 16:10 UTC");
		assertThat(Quantities.zonedTime(utc, ZoneId.of("Pacific/Chatham")))
			.isEqualTo("2026-12-01 05:55 Pacific/Chatham");
		assertThat(Quantities.time(null, ZoneOffset.UTC)).isEqualTo("–");
		assertThat(Quantities.isoTime("2026-11-30T16:10:42.123Z", "Europe/Berlin")).isEqualTo("2026-11-30 17:10");
		assertThat(Quantities.isoTime(null, "UTC")).isEqualTo("–");
	}

}
