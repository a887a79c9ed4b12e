package dev.spendaudit.reconcile.bill;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bill shape read whole, what is taken from the file itself, and the files that are refused. */
class BillReaderTests {

	@TempDir
	Path dir;

	static Path fixture(String name) {
		try {
			return Path.of(BillReaderTests.class.getResource("/bills/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Path write(String name, String content) throws IOException {
		return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

	static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

	@Test
	void theFileIsRememberedByItsSha256AndDatedByItsLastModifiedTime() throws Exception {
		// given
		Path file = Files.copy(fixture("openai-costs.json"), dir.resolve("costs.json"));
		Instant modified = Instant.parse("2026-11-27T06:15:00Z");
		Files.setLastModifiedTime(file, FileTime.from(modified));
		Process sha256sum = new ProcessBuilder("sha256sum", file.toString()).start();
		String expected = new String(sha256sum.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
		assertThat(sha256sum.waitFor()).isZero();

		// when
		BillFile bill = BillReader.read(file);

		// then
		assertThat(bill.sha256()).isEqualTo(expected).hasSize(64);
		assertThat(bill.modified()).isEqualTo(modified);
		assertThat(bill.path()).isEqualTo(file);
	}

	@Test
	void theFormatComesFromTheContentNeverFromTheName() throws IOException {
		// given: a costs response saved under a CSV's name
		Path misnamed = Files.copy(fixture("openai-costs.json"), dir.resolve("activity.csv"));

		// when / then
		assertThat(BillReader.read(misnamed).format()).isEqualTo(BillFormat.OPENAI_COSTS_JSON);
	}

	@Test
	void aFileOfNoFormatIsRefusedOnLineZeroNamingTheFormatsTried() throws IOException {
		Path csv = write("export.csv", "timestamp,amount\n2026-11-25,1.00\n");
		Path json = write("other.json", "{\"items\": []}\n");
		Path empty = write("empty.csv", "\n\n");
		Path binary = Files.write(dir.resolve("bill.xlsx"), new byte[] { 'P', 'K', 3, 4, (byte) 0xC3, (byte) 0x28 });

		for (Path file : List.of(csv, json, empty, binary)) {
			assertThatThrownBy(() -> BillReader.read(file)).isInstanceOfSatisfying(BillFormatException.class, ex -> {
				assertThat(ex.file()).isEqualTo(file);
				assertThat(ex.line()).isZero();
				assertThat(ex.getMessage()).startsWith(file.toString() + ": ")
					.contains("OpenRouter's generation CSV", "plain CSV", "OpenAI's costs", "Anthropic's cost");
			});
		}
	}

}
