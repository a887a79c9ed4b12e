package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.reconcile.bill.BillReaderTests.day;
import static dev.spendaudit.reconcile.bill.BillReaderTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved Anthropic cost report: amounts in cents, RFC 3339 buckets with offsets, USD only. */
class BillReaderAnthropicCostsTests {

	@TempDir
	Path dir;

	Path variant(String from, String to) throws IOException {
		String content = Files.readString(fixture("anthropic-cost.json"));
		assertThat(content).contains(from);
		return Files.writeString(dir.resolve("cost.json"),
				content.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
	}

	@Test
	void centsAreDividedExactlyIntoDollarsPerUtcDayAndModel() {
		// when
		BillFile bill = BillReader.read(fixture("anthropic-cost.json"));

		// then: "123.45" + "250.5" cents are $3.7395; a null model is the empty model
		assertThat(bill.format()).isEqualTo(BillFormat.ANTHROPIC_COST_JSON);
		assertThat(bill.days()).containsExactly(
				new BilledDay("anthropic", day("2026-11-24"), "claude-sonnet-4-20250514", new BigDecimal("3.7395"), null,
						null, null, null),
				new BilledDay("anthropic", day("2026-11-24"), "", new BigDecimal("0.0100"), null, null, null, null),
				new BilledDay("anthropic", day("2026-11-25"), "claude-3-5-haiku-20241022", new BigDecimal("0.005"),
						null, null, null, null));
		assertThat(bill.usage()).isEmpty();
	}

	@Test
	void bucketsWithAnOffsetAreConvertedToUtcDays() {
		// given: 2026-11-25T00:00:00-08:00 is 08:00 UTC on the 25th; 2026-11-25T16:00:00-08:00 is midnight UTC on
		// the 26th (and has no results: a covered day billed nothing)
		BillFile bill = BillReader.read(fixture("anthropic-cost.json"));

		assertThat(bill.days()).extracting(BilledDay::date).containsExactly(day("2026-11-24"), day("2026-11-24"),
				day("2026-11-25"));
		assertThat(bill.coverage()).containsExactly(new BillCoverage("anthropic", day("2026-11-24"), day("2026-11-26")));
	}

	@Test
	void anAmountWrittenAsANumberIsCentsToo() throws IOException {
		Path file = variant("\"amount\": \"0.5\"", "\"amount\": 7");

		assertThat(BillReader.read(file).days().get(2).usd()).isEqualByComparingTo("0.07");
	}

	@Test
	void anEmptyReportIsABillOfNothing() throws IOException {
		Path file = Files.writeString(dir.resolve("cost.json"), "{\"data\":[],\"has_more\":false,\"next_page\":null}");

		BillFile bill = BillReader.read(file);

		assertThat(bill.format()).isEqualTo(BillFormat.ANTHROPIC_COST_JSON);
		assertThat(bill.days()).isEmpty();
		assertThat(bill.coverage()).isEmpty();
	}

	@Test
	void brokenValuesAreRefusedWithTheirLine() throws IOException {
		record Case(String from, String to, String message) {
		}
		for (Case c : List.of(
				new Case("\"amount\": \"123.45\"", "\"amount\": \"abc\"", "line 9: amount \"abc\" is not a number"),
				new Case("\"amount\": \"250.5\"", "\"amount\": \"-250.5\"", "line 20: amount -250.5 is negative"),
				new Case("\"currency\": \"USD\",\n          \"amount\": \"0.5\"",
						"\"currency\": \"EUR\",\n          \"amount\": \"0.5\"",
						"line 47: currency \"EUR\" is not USD (only USD bills are reconciled)"),
				new Case("\"starting_at\": \"2026-11-24T00:00:00Z\"", "\"starting_at\": \"2026-11-24\"",
						"line 4: starting_at \"2026-11-24\" is not a date and time"),
				new Case("\"ending_at\": \"2026-11-25T00:00:00Z\"", "\"ending_at\": \"2026-11-23T00:00:00Z\"",
						"line 5: ending_at \"2026-11-23T00:00:00Z\" is not after starting_at \"2026-11-24T00:00:00Z\""))) {
			Path file = variant(c.from(), c.to());
			assertThatThrownBy(() -> BillReader.read(file)).as(c.message()).isInstanceOf(BillFormatException.class)
				.hasMessage(file + " " + c.message());
		}
	}

}
