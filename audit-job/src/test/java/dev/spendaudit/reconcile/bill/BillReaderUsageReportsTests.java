package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.reconcile.bill.BillReaderTests.day;
import static dev.spendaudit.reconcile.bill.BillReaderTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenAI's and Anthropic's usage reports: tokens and requests per UTC day and model, no money, no coverage. */
class BillReaderUsageReportsTests {

	@TempDir
	Path dir;

	@Test
	void openAiUsageSumsResultsOfOneDayAndModel() {
		// when
		BillFile bill = BillReader.read(fixture("openai-usage.json"));

		// then
		assertThat(bill.format()).isEqualTo(BillFormat.OPENAI_USAGE_JSON);
		assertThat(bill.usage()).containsExactly(
				new BilledUsage("openai", day("2026-11-24"), "gpt-4o-mini-2024-07-18", 215L, 320000, 66000),
				new BilledUsage("openai", day("2026-11-24"), "gpt-4o-2024-08-06", 40L, 150000, 22000),
				new BilledUsage("openai", day("2026-11-25"), "", 3L, 1000, 250));
		assertThat(bill.days()).isEmpty();
		assertThat(bill.coverage()).as("a usage report bills no money").isEmpty();
	}

	@Test
	void anthropicUsageCountsTheFourInputsAsThePromptAndNoRequests() {
		// when
		BillFile bill = BillReader.read(fixture("anthropic-usage.json"));

		// then: 1500 uncached + 500 (5m) + 1000 (1h) cache writes + 2000 cache reads; the second bucket starts at
		// 08:00 UTC on the 25th
		assertThat(bill.format()).isEqualTo(BillFormat.ANTHROPIC_USAGE_JSON);
		assertThat(bill.usage()).containsExactly(
				new BilledUsage("anthropic", day("2026-11-24"), "claude-sonnet-4-20250514", null, 5000, 700),
				new BilledUsage("anthropic", day("2026-11-24"), "claude-3-5-haiku-20241022", null, 300, 90),
				new BilledUsage("anthropic", day("2026-11-25"), "", null, 15, 4));
		assertThat(bill.coverage()).isEmpty();
	}

	@Test
	void bucketsWithNoResultsAreUsageWhenShorterThanADayAndCostsWhenADay() throws IOException {
		String hourly = "{\"object\":\"page\",\"data\":[{\"object\":\"bucket\",\"start_time\":1795478400,"
				+ "\"end_time\":1795482000,\"results\":[]}],\"has_more\":false,\"next_page\":null}";
		Path hours = Files.writeString(dir.resolve("a.json"), hourly);
		Path days = Files.writeString(dir.resolve("b.json"), hourly.replace("1795482000", "1795564800"));
		Path anthropicHours = Files.writeString(dir.resolve("c.json"),
				"{\"data\":[{\"starting_at\":\"2026-11-24T00:00:00Z\",\"ending_at\":\"2026-11-24T01:00:00Z\","
						+ "\"results\":[]}],\"has_more\":false,\"next_page\":null}");

		assertThat(BillReader.read(hours).format()).isEqualTo(BillFormat.OPENAI_USAGE_JSON);
		assertThat(BillReader.read(days).format()).isEqualTo(BillFormat.OPENAI_COSTS_JSON);
		assertThat(BillReader.read(days).coverage())
			.containsExactly(new BillCoverage("openai", day("2026-11-24"), day("2026-11-24")));
		assertThat(BillReader.read(anthropicHours).format()).isEqualTo(BillFormat.ANTHROPIC_USAGE_JSON);
	}

	@Test
	void aBadCountNamesItsLine() throws IOException {
		String content = Files.readString(fixture("anthropic-usage.json"));
		Path file = Files.writeString(dir.resolve("usage.json"),
				content.replace("\"ephemeral_5m_input_tokens\": 500", "\"ephemeral_5m_input_tokens\": \"many\""));
		Path openAi = Files.writeString(dir.resolve("openai.json"),
				Files.readString(fixture("openai-usage.json")).replace("\"output_tokens\": 2000", "\"output_tokens\": -2000"));

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOf(BillFormatException.class)
			.hasMessage(file + " line 11: cache_creation.ephemeral_5m_input_tokens \"many\" is not a number");
		assertThatThrownBy(() -> BillReader.read(openAi)).isInstanceOf(BillFormatException.class)
			.hasMessageMatching(".* line \\d+: output_tokens -2000 is negative");
	}

}
