package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.reconcile.bill.BillReaderTests.day;
import static dev.spendaudit.reconcile.bill.BillReaderTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved OpenRouter activity response: per day and model, BYOK beside the bill. */
class BillReaderOpenRouterActivityTests {

	@TempDir
	Path dir;

	@Test
	void rowsOfOneDayAndModelSumAcrossEndpointsWithByokBesideTheBill() {
		// when
		BillFile bill = BillReader.read(fixture("openrouter-activity.json"));

		// then
		assertThat(bill.format()).isEqualTo(BillFormat.OPENROUTER_ACTIVITY_JSON);
		assertThat(bill.days()).containsExactly(
				new BilledDay("openrouter", day("2026-11-24"), "openai/gpt-4o-mini", new BigDecimal("0.4125"),
						new BigDecimal("0"), 210L, 312000L, 64000L),
				new BilledDay("openrouter", day("2026-11-24"), "anthropic/claude-3.5-sonnet", new BigDecimal("3.25"),
						new BigDecimal("0"), 52L, 195000L, 29000L),
				new BilledDay("openrouter", day("2026-11-26"), "meta-llama/llama-3.1-70b-instruct", new BigDecimal("0"),
						new BigDecimal("0.0625"), 30L, 60000L, 9000L));
		// only days with traffic are listed: the 25th, between them, was billed nothing
		assertThat(bill.coverage()).containsExactly(new BillCoverage("openrouter", day("2026-11-24"), day("2026-11-26")));
	}

	@Test
	void anEmptyActivityIsABillOfNothing() throws IOException {
		Path file = Files.writeString(dir.resolve("activity.json"), "{\"data\": []}");

		BillFile bill = BillReader.read(file);

		assertThat(bill.format()).isEqualTo(BillFormat.OPENROUTER_ACTIVITY_JSON);
		assertThat(bill.days()).isEmpty();
		assertThat(bill.coverage()).isEmpty();
	}

	@Test
	void aBadValueNamesItsLine() throws IOException {
		String content = Files.readString(fixture("openrouter-activity.json"));
		Path badUsage = Files.writeString(dir.resolve("a.json"), content.replace("\"usage\": 2.5,", "\"usage\": \"2,5\","));
		Path badDate = Files.writeString(dir.resolve("b.json"),
				content.replace("\"2026-11-26 00:00:00\"", "\"2026-13-26\""));
		Path badCount = Files.writeString(dir.resolve("c.json"), content.replace("\"requests\": 12,", "\"requests\": 1.5,"));

		assertThatThrownBy(() -> BillReader.read(badUsage))
			.hasMessage(badUsage + " line 22: usage \"2,5\" is not a number");
		assertThatThrownBy(() -> BillReader.read(badDate))
			.hasMessage(badDate + " line 43: date \"2026-13-26\" is not a date");
		assertThatThrownBy(() -> BillReader.read(badCount))
			.hasMessage(badCount + " line 37: requests \"1.5\" is not a whole number");
	}

}
