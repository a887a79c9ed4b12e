package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.reconcile.bill.BillReaderTests.day;
import static dev.spendaudit.reconcile.bill.BillReaderTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved OpenAI costs page: daily buckets in Unix seconds, line items summed per model, USD only. */
class BillReaderOpenAiCostsTests {

	@TempDir
	Path dir;

	Path variant(String from, String to) throws IOException {
		String content = Files.readString(fixture("openai-costs.json"));
		assertThat(content).contains(from);
		return Files.writeString(dir.resolve("costs.json"), content.replace(from, to));
	}

	@Test
	void lineItemsOfOneModelAndDaySumAndAnEmptyBucketIsACoveredDayBilledNothing() {
		// when
		BillFile bill = BillReader.read(fixture("openai-costs.json"));

		// then
		assertThat(bill.format()).isEqualTo(BillFormat.OPENAI_COSTS_JSON);
		assertThat(bill.days()).containsExactly(
				new BilledDay("openai", day("2026-11-24"), "gpt-4o-mini-2024-07-18", new BigDecimal("0.0579456"), null,
						null, null, null),
				new BilledDay("openai", day("2026-11-24"), "gpt-4o-2024-08-06", new BigDecimal("4.75"), null, null, null,
						null),
				new BilledDay("openai", day("2026-11-26"), "gpt-4o-mini-2024-07-18", new BigDecimal("0.10000020"), null,
						null, null, null),
				new BilledDay("openai", day("2026-11-26"), "", new BigDecimal("0.2"), null, null, null, null));
		assertThat(bill.coverage()).containsExactly(new BillCoverage("openai", day("2026-11-24"), day("2026-11-26")));
		assertThat(bill.requests()).isEmpty();
		assertThat(bill.usage()).isEmpty();
	}

	@Test
	void bucketsThatAreNotConsecutiveAreSeparateCoverage() throws IOException {
		// given: the bucket of 2026-11-25 moved to 2026-11-30
		String content = Files.readString(fixture("openai-costs.json"));
		Path file = Files.writeString(dir.resolve("costs.json"),
				content.replace("\"start_time\": 1795564800", "\"start_time\": 1795996800")
					.replace("\"end_time\": 1795651200", "\"end_time\": 1796083200"));

		// when
		BillFile bill = BillReader.read(file);

		// then: 24, 30 and 26 make two runs
		assertThat(bill.coverage()).containsExactly(new BillCoverage("openai", day("2026-11-24"), day("2026-11-24")),
				new BillCoverage("openai", day("2026-11-26"), day("2026-11-26")),
				new BillCoverage("openai", day("2026-11-30"), day("2026-11-30")));
	}

	@Test
	void anEmptyPageIsABillOfNothingCoveringNothing() throws IOException {
		Path file = Files.writeString(dir.resolve("costs.json"),
				"{\"object\":\"page\",\"data\":[],\"has_more\":false,\"next_page\":null}");

		BillFile bill = BillReader.read(file);

		assertThat(bill.format()).isEqualTo(BillFormat.OPENAI_COSTS_JSON);
		assertThat(bill.days()).isEmpty();
		assertThat(bill.coverage()).isEmpty();
	}

	@Test
	void aNonNumericAmountNamesItsLine() throws IOException {
		Path file = variant("\"value\": 0.0456,", "\"value\": \"abc\",");

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOf(BillFormatException.class)
			.hasMessage(file + " line 21: amount.value \"abc\" is not a number");
	}

	@Test
	void aCurrencyOtherThanUsdIsRefused() throws IOException {
		Path file = variant("\"value\": 0.1,\n            \"currency\": \"usd\"",
				"\"value\": 0.1,\n            \"currency\": \"eur\"");

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOf(BillFormatException.class)
			.hasMessage(file + " line 62: amount.currency \"eur\" is not USD (only USD bills are reconciled)");
	}

	@Test
	void anAmountWithoutACurrencyIsTakenAsUsd() throws IOException {
		Path file = variant("\"value\": 3.5,\n            \"currency\": \"usd\"", "\"value\": 3.5");

		assertThat(BillReader.read(file).days().get(1).usd()).isEqualByComparingTo("4.75");
	}

	@Test
	void brokenValuesAreRefusedWithTheirLine() throws IOException {
		record Case(String from, String to, String message) {
		}
		for (Case c : List.of(new Case("\"value\": 3.5,", "\"value\": -3.5,", "line 39: amount.value -3.5 is negative"),
				new Case("\"value\": 3.5,", "\"value\": null,", "line 39: amount.value is missing"),
				new Case("\"start_time\": 1795651200", "\"start_time\": \"tomorrow\"",
						"line 55: start_time \"tomorrow\" is not a number"),
				new Case("\"end_time\": 1795564800", "\"end_time\": 1795478400",
						"line 7: end_time 1795478400 is not after start_time 1795478400"),
				new Case("\"results\": []", "\"results\": {}", "line 51: results is an object, not an array"))) {
			Path file = variant(c.from(), c.to());
			assertThatThrownBy(() -> BillReader.read(file)).as(c.message()).isInstanceOf(BillFormatException.class)
				.hasMessage(file + " " + c.message());
		}
	}

	@Test
	void aTruncatedResponseIsRefusedNamingWhereItStops() throws IOException {
		List<String> lines = Files.readAllLines(fixture("openai-costs.json"));
		Path file = Files.write(dir.resolve("costs.json"), lines.subList(0, 30));

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOfSatisfying(BillFormatException.class, ex -> {
			assertThat(ex.line()).isBetween(30, 31);
			assertThat(ex.getMessage()).contains("not valid JSON");
		});
	}

}
