package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.reconcile.bill.BillReaderTests.day;
import static dev.spendaudit.reconcile.bill.BillReaderTests.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OpenRouter's per-generation activity export: one request per row, columns by name, UTC without a zone marker. */
class BillReaderOpenRouterGenerationsTests {

	@TempDir
	Path dir;

	@Test
	void everyRowIsOneRequestWithBomCrlfQuotedCommasAndUnknownColumnsHandled() {
		// when
		BillFile bill = BillReader.read(fixture("openrouter-generations.csv"));

		// then
		assertThat(bill.format()).isEqualTo(BillFormat.OPENROUTER_GENERATIONS_CSV);
		assertThat(bill.days()).isEmpty();
		assertThat(bill.usage()).isEmpty();
		assertThat(bill.requests()).hasSize(4);
		BilledRequest first = bill.requests().get(0);
		assertThat(first).isEqualTo(new BilledRequest("openrouter", "gen-1764644817-Qx7bN2hTfLm4Rs9Vw1Ka",
				Instant.parse("2026-11-26T23:59:58.120Z"), "openai/gpt-4o-mini-2024-07-18", new BigDecimal("0.00412350"),
				new BigDecimal("0"), 1830, 412, 1024, "prod-backend", "Acme, Inc. support bot"));
		BilledRequest byok = bill.requests().get(2);
		assertThat(byok.usd()).isEqualByComparingTo("0");
		assertThat(byok.byokUsd()).isEqualTo(new BigDecimal("0.00310000"));
		assertThat(byok.appName()).isEqualTo("nightly-eval");
		assertThat(bill.requests().get(3).appName()).isEmpty();
		assertThat(bill.requests().get(3).createdAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
		// newest first in the export: coverage is still earliest day to latest
		assertThat(bill.coverage()).containsExactly(new BillCoverage("openrouter", day("2026-11-25"), day("2026-11-26")));
	}

	@Test
	void isoTimestampsWithZOrAnOffsetAreConvertedToUtcAndColumnsAreMatchedByName() {
		// when
		BillFile bill = BillReader.read(fixture("openrouter-generations-iso.csv"));

		// then
		assertThat(bill.requests()).extracting(BilledRequest::requestId).containsExactly("gen-a", "gen-b", "gen-c");
		assertThat(bill.requests()).extracting(BilledRequest::createdAt).containsExactly(
				Instant.parse("2026-11-24T23:30:00Z"), Instant.parse("2026-11-25T01:30:00Z"),
				Instant.parse("2026-11-25T00:00:00.250Z"));
		assertThat(bill.requests()).extracting(BilledRequest::usd).containsExactly(new BigDecimal("0.5"),
				new BigDecimal("0.25"), new BigDecimal("1.000"));
		assertThat(bill.requests()).allSatisfy(request -> {
			assertThat(request.model()).isEqualTo("openai/gpt-4o");
			assertThat(request.byokUsd()).isNull();
			assertThat(request.promptTokens()).isZero();
			assertThat(request.apiKeyName()).isEmpty();
		});
		assertThat(bill.coverage()).containsExactly(new BillCoverage("openrouter", day("2026-11-24"), day("2026-11-25")));
	}

	@Test
	void aHeaderWithNoRowsIsAnEmptyBill() throws IOException {
		Path file = Files.writeString(dir.resolve("g.csv"), "generation_id,created_at,cost_total\r\n");

		BillFile bill = BillReader.read(file);

		assertThat(bill.format()).isEqualTo(BillFormat.OPENROUTER_GENERATIONS_CSV);
		assertThat(bill.requests()).isEmpty();
		assertThat(bill.coverage()).isEmpty();
	}

	@Test
	void aBadRowFailsTheWholeFileNamingItsLine() throws IOException {
		String header = "generation_id,created_at,cost_total,tokens_prompt\n";
		String good = "gen-1,2026-11-25 10:00:00.000,0.10,12\n";
		record Case(String rows, int line, String message) {
		}
		List<Case> cases = List.of(
				new Case(good + "\"gen-2\",\"2026-11-25 11:00:00\",\"12,5\",3\n", 3, "cost_total \"12,5\" is not a number"),
				new Case(good + good + "gen-3,2026-11-25 12:00:00,-0.01,3\n", 4, "cost_total -0.01 is negative"),
				new Case("gen-4,2026-11-25 12:00:00,NaN,3\n", 2, "cost_total \"NaN\" is not a number"),
				new Case(good + "gen-5,2026-11-25 12:00:00,Infinity,3\n", 3, "cost_total \"Infinity\" is not a number"),
				new Case(good + "gen-6,yesterday,0.1,3\n", 3, "created_at \"yesterday\" is not a date and time"),
				new Case(good + "gen-7,2026-11-31 01:00:00,0.1,3\n", 3,
						"created_at \"2026-11-31 01:00:00\" is not a date and time"),
				new Case(good + ",2026-11-25 12:00:00,0.1,3\n", 3, "generation_id is missing"),
				new Case(good + "gen-8,2026-11-25 12:00:00\n", 3, "cost_total is missing"),
				new Case(good + "gen-9,2026-11-25 12:00:00,0.1,3.5\n", 3, "tokens_prompt \"3.5\" is not a whole number"),
				new Case(good + "gen-10,2026-11-25 12:00:00,\"0.1\n", 3, "not valid CSV"));
		for (Case c : cases) {
			Path file = Files.writeString(dir.resolve("activity.csv"), header + c.rows());
			assertThatThrownBy(() -> BillReader.read(file)).as(c.message())
				.isInstanceOfSatisfying(BillFormatException.class, ex -> {
					assertThat(ex.line()).isEqualTo(c.line());
					assertThat(ex.getMessage()).startsWith(file + " line " + c.line() + ": " + c.message());
				});
		}
	}

	@Test
	void aMissingRequiredColumnIsNotThisFormat() throws IOException {
		Path file = Files.writeString(dir.resolve("activity.csv"),
				"generation_id,created_at,tokens_prompt\ngen-1,2026-11-25 10:00:00,3\n");

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOfSatisfying(BillFormatException.class,
				ex -> assertThat(ex.getMessage()).contains("generation_id, created_at, cost_total"));
	}

}
