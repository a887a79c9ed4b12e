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

/** The plain per-day CSV for any other provider. */
class BillReaderPlainCsvTests {

	@TempDir
	Path dir;

	@Test
	void rowsOfOneDayProviderAndModelSumAndEachProviderCoversItsOwnDays() {
		// when
		BillFile bill = BillReader.read(fixture("plain.csv"));

		// then
		assertThat(bill.format()).isEqualTo(BillFormat.PLAIN_CSV);
		assertThat(bill.days()).containsExactly(
				new BilledDay("vertex_ai", day("2026-11-24"), "gemini-1.5-pro", new BigDecimal("2.0000"), null, 120L,
						400000L, 50000L),
				new BilledDay("vertex_ai", day("2026-11-25"), "gemini-1.5-flash", new BigDecimal("0.0300"), null, 40L,
						null, null),
				new BilledDay("mistral", day("2026-11-26"), "mistral-large-latest", new BigDecimal("2.00"), null, 10L,
						20000L, 5000L));
		assertThat(bill.coverage()).containsExactly(new BillCoverage("mistral", day("2026-11-26"), day("2026-11-26")),
				new BillCoverage("vertex_ai", day("2026-11-24"), day("2026-11-25")));
		assertThat(bill.requests()).isEmpty();
	}

	@Test
	void theRequiredColumnsAloneInAnyOrderAreEnough() throws IOException {
		Path file = Files.writeString(dir.resolve("bill.csv"),
				"\uFEFFUSD,Model,Provider,Date\r\n\"1,000.5\",x,acme,2026-11-25\r\n".replace("\"1,000.5\"", "1000.5"));

		BillFile bill = BillReader.read(file);

		assertThat(bill.days()).containsExactly(
				new BilledDay("acme", day("2026-11-25"), "x", new BigDecimal("1000.5"), null, null, null, null));
	}

	@Test
	void aBadRowFailsTheWholeFileNamingItsLine() throws IOException {
		String header = "date,provider,model,usd,requests\n";
		String good = "2026-11-25,acme,m,1.00,3\n";
		record Case(String rows, int line, String message) {
		}
		for (Case c : List.of(new Case(good + "2026-11-25,acme,m,\"1,00\",3\n", 3, "usd \"1,00\" is not a number"),
				new Case(good + "25/11/2026,acme,m,1.00,3\n", 3, "date \"25/11/2026\" is not a date"),
				new Case(good + "2026-11-25,,m,1.00,3\n", 3, "provider is missing"),
				new Case(good + "\n2026-11-25,acme,m,-1,3\n", 4, "usd -1 is negative"),
				new Case(good + "2026-11-25,acme,m,1,-3\n", 3, "requests -3 is negative"))) {
			Path file = Files.writeString(dir.resolve("bill.csv"), header + c.rows());
			assertThatThrownBy(() -> BillReader.read(file)).as(c.message()).isInstanceOf(BillFormatException.class)
				.hasMessage(file + " line " + c.line() + ": " + c.message());
		}
	}

	@Test
	void aHeaderWithoutUsdIsNoFormat() throws IOException {
		Path file = Files.writeString(dir.resolve("bill.csv"), "date,provider,model,cost\n2026-11-25,acme,m,1.00\n");

		assertThatThrownBy(() -> BillReader.read(file)).isInstanceOfSatisfying(BillFormatException.class,
				ex -> assertThat(ex.line()).isZero());
	}

}
