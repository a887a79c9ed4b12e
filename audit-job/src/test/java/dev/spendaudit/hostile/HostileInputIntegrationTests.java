package dev.spendaudit.hostile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.HeadlessChromium;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.ServiceJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile data set ({@code hostile/litellm-hostile.sql}) audited by {@code run} in a child JVM with the
 * service's JVM options ({@code -Xmx256m}), then listed by {@code keys} and {@code status}: the day completes,
 * the sums count exactly the valid rows and say what was left out and why, every output stays readable and
 * escaped, no script of the data runs in a browser, memory stays bounded, and LiteLLM's tables are untouched.
 */
class HostileInputIntegrationTests {

	static final String DAY = "2026-11-26";

	static final Instant CLOCK = Instant.parse("2026-11-27T06:15:00Z");

	/** The valid rows of the day, as the data set counts them: 20 named, 3 tagged, 5 metadata, 2 token-limit, 3,000. */
	static final long VALID_ROWS = 20 + 3 + 5 + 2 + 3_000;

	/** Rows with spend that is not money (5) or not plausible for one request (2): counted, never summed. */
	static final long INVALID_SPEND = 5;

	static final long IMPLAUSIBLE_SPEND = 2;

	@TempDir
	static Path work;

	static LiteLlmDatabase db;

	static Map<String, String> before;

	static ServiceJvm.Result run;

	static ServiceJvm.Result keys;

	static ServiceJvm.Result status;

	@BeforeAll
	static void auditTheHostileDay() throws IOException {
		db = HostileDataSet.load("hostile");
		before = HostileDataSet.checksums(db.endpoint());
		Path config = work.resolve("spend-audit.yml");
		Files.writeString(config, """
				spend-audit:
				  retiring-keys:
				    - key: vk-tags
				    - key: %s
				""".formatted(KeyHash.of("sk-hostile-5")));
		Map<String, String> env = Map.of("SPEND_AUDIT_SOURCE_URL", db.endpoint().url(), "SPEND_AUDIT_SOURCE_USERNAME",
				db.endpoint().username(), "SPEND_AUDIT_SOURCE_PASSWORD", db.endpoint().password());
		String out = work.resolve("out").toString();
		run = ServiceJvm.run(CLOCK, env, work, "run", "--date", DAY, "--out", out, "--config", config.toString());
		keys = ServiceJvm.run(CLOCK, env, work, "keys", "--config", config.toString());
		status = ServiceJvm.run(CLOCK, env, work, "status", "--findings", "--config", config.toString());
	}

	@AfterAll
	static void close() {
		if (db != null) {
			db.close();
		}
	}

	@Test
	void theDayCompletesAndItsJsonIsValid() {
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(keys.exitCode()).as(keys.output()).isZero();
		assertThat(status.exitCode()).as(status.output()).isZero();
		assertThat(DigestSchema.violations(digest().root())).isEmpty();
	}

	@Test
	void theSumsCountExactlyTheValidRows() {
		DigestJson digest = digest();
		// 20 + 3 + 5 rows of 0.5, one token-limit row of 0.5 and one of 0, and 3,000 rows of 0.001
		assertThat(digest.meteredUsd()).isEqualByComparingTo(new BigDecimal("0.5").multiply(BigDecimal.valueOf(29))
			.add(new BigDecimal("0.001").multiply(BigDecimal.valueOf(3_000))));
		JsonNode metered = digest.root().get("metered");
		// every row of the day is a request, whatever its spend; 1970 and 2099 are not in the day
		assertThat(metered.get("requests").asLong()).isEqualTo(VALID_ROWS + INVALID_SPEND + IMPLAUSIBLE_SPEND);
		long atTheLimit = 2L * Integer.MAX_VALUE;
		assertThat(metered.get("promptTokens").asLong()).isEqualTo(20 * 100 + 3 * 10 + 5 * 10 + 7 * 10 + atTheLimit
				+ 3_000 * 10);
		assertThat(metered.get("completionTokens").asLong()).isEqualTo(20 * 50 + 3 * 5 + 5 * 5 + 7 * 5 + atTheLimit
				+ 3_000 * 5);
		// the twins share their alias, so their four rows are one workload
		assertThat(digest.workload("vk-twin").get("requests").asLong()).isEqualTo(4);
		assertThat(digest.root().get("workloads")).hasSizeGreaterThan(3_000);
	}

	@Test
	void whatWasLeftOutIsCountedWithItsReason() {
		JsonNode anomalous = digest().root().get("anomalousRows");
		assertThat(anomalous.get("invalidSpend").asLong()).isEqualTo(INVALID_SPEND);
		assertThat(anomalous.get("implausibleSpend").asLong()).isEqualTo(IMPLAUSIBLE_SPEND);
		// an array, a string and JSON null; SQL NULL is no metadata at all, not bad metadata
		assertThat(anomalous.get("invalidMetadata").asLong()).isEqualTo(3);
		assertThat(anomalous.get("count").asLong()).isEqualTo(INVALID_SPEND + IMPLAUSIBLE_SPEND + 3);
		assertThat(anomalous.get("samples").valueStream().map(s -> s.get("requestId").asString() + "="
				+ s.get("reason").asString()))
			.contains("spend-nan=INVALID_SPEND", "spend-minus-inf=INVALID_SPEND", "spend-1e308=IMPLAUSIBLE_SPEND",
					"spend-1001=IMPLAUSIBLE_SPEND", "meta-json-null=INVALID_METADATA")
			.doesNotContain("meta-sql-null=INVALID_METADATA");
		assertThat(read("digest-" + DAY + ".txt"))
			.contains("2 requests with an implausibly high spend for one request left out of the sums"
					+ " (request spend-1e308, spend-1001)");
	}

	@Test
	void theTextAndTheTerminalStayReadable() {
		for (String text : List.of(read("digest-" + DAY + ".txt"), run.stdout(), keys.stdout(), status.stdout())) {
			assertThat(text.codePoints().filter(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0)))
				.as("control characters").isEmpty();
			assertThat(text.codePoints().filter(c -> (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)))
				.as("bidi controls").isEmpty();
			assertThat(text.lines().filter(l -> l.codePointCount(0, l.length()) >= 500)).as("lines of 500 or more")
				.isEmpty();
			assertThat(text).doesNotContain("A".repeat(500));
		}
		assertThat(keys.stdout()).contains("vk-🚀🔥-émoji").contains("vk-gnp.exe-rtl");
		assertThat(read("digest-" + DAY + ".txt")).contains("vk-ctl\uFFFD\uFFFD\uFFFD[31mred\uFFFD[0m second line");
	}

	@Test
	void theHtmlIsEscapedAndIsolatesNames() {
		String html = read("digest-" + DAY + ".html");
		assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img src=x")
			.contains("&lt;script&gt;document.title=")
			.contains("<bdi>vk&#39;; DROP TABLE &quot;LiteLLM_SpendLogs&quot;; -- %_\\</bdi>")
			.doesNotContain("\u202E")
			.doesNotContain("A".repeat(500))
			.doesNotContain("m".repeat(500));
	}

	@Test
	void noScriptOfTheDataRunsInABrowser() {
		String dom = HeadlessChromium.dumpDom(work.resolve("out").resolve("digest-" + DAY + ".html"), work);
		assertThat(dom).contains("<title>").doesNotContain("<title>XSS-RAN").doesNotContain("data-xss=\"1\"")
			.doesNotContainIgnoringCase("<script")
			// the payload is there, as text
			.contains("&lt;script&gt;document.title='XSS-RAN'");
	}

	@Test
	void peakMemoryStaysUnder512Megabytes() {
		assertThat(ServiceJvm.serviceOptions()).contains("-Xmx256m");
		assertThat(run.peakRssKb()).as("peak resident set of the run, KiB").isPositive().isLessThan(512 * 1024);
		System.out.printf("hostile run: peak resident set %d MiB with %s%n", run.peakRssKb() / 1024,
				ServiceJvm.serviceOptions());
	}

	@Test
	void nothingIsWrittenToLiteLlmsTables() {
		assertThat(HostileDataSet.checksums(db.endpoint())).isEqualTo(before).containsKey("LiteLLM_SpendLogs");
	}

	static DigestJson digest() {
		return DigestJson.read(work.resolve("out").resolve("digest-" + DAY + ".json"));
	}

	static String read(String file) {
		try {
			return Files.readString(work.resolve("out").resolve(file));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
