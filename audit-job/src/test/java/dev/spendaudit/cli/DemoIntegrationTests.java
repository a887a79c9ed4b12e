package dev.spendaudit.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code demo} builds its own LiteLLM database in an embedded PostgreSQL, audits
 * yesterday and writes a digest that conforms to the published JSON Schema.
 */
class DemoIntegrationTests {

	@TempDir
	static Path out;

	/** One demo run for the class: it builds and audits 31 days, too slow to repeat per test. */
	static CliIntegrationTests.Result r;

	@BeforeAll
	static void runTheDemo() {
		r = CliIntegrationTests.cli("demo", "--out", out.toString());
	}

	@Test
	void theDemoWritesTheArchiveLinkingItsDigest() throws Exception {
		assertThat(r.exit()).as(r.err()).isZero();
		String day;
		try (var files = Files.list(out)) {
			day = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("digest-\\d{4}-\\d\\d-\\d\\d\\.html"))
				.findFirst().orElseThrow();
		}
		assertThat(out.resolve("index.html")).isRegularFile();
		assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"" + day + "\"")
			.contains("href=\"archive/");
	}

	@Test
	void theDemosInboxShowsTheGapBetweenTheBillAndTheLog() throws Exception {
		assertThat(r.exit()).as(r.err()).isZero();
		try (var files = Files.list(out.resolve("inbox"))) {
			assertThat(files.map(p -> p.getFileName().toString()))
				.anyMatch(n -> n.startsWith("openrouter-generations-") && n.endsWith(".csv"))
				.anyMatch(n -> n.startsWith("openai-costs-") && n.endsWith(".json"));
		}
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.getFileName().toString().matches("digest-\\d{4}-\\d\\d-\\d\\d\\.json"))
				.findFirst()
				.orElseThrow();
		}
		JsonNode digest = DigestJson.read(json).root();
		String day = digest.get("date").asString();
		JsonNode section = digest.get("reconcile");
		assertThat(section.get("days").asString()).isEqualTo("UTC");
		assertThat(section.get("to").asString()).isEqualTo(day);
		assertThat(section.get("unreadable")).isEmpty();
		JsonNode router = null;
		JsonNode openai = null;
		for (JsonNode p : section.get("providers")) {
			assertThat(p.get("status").asString()).as(p.toString()).isEqualTo("RECONCILED");
			if (p.get("date").asString().equals(day)) {
				router = p.get("provider").asString().equals("openrouter") ? p : router;
				openai = p.get("provider").asString().equals("openai") ? p : openai;
			}
		}
		// three generations on the bill the log lacks, and kimi-k2 through OpenRouter logged at $0
		assertThat(router.get("missingCount").asLong()).isEqualTo(3);
		assertThat(router.get("missing").get(0).get("usd").decimalValue()).isEqualByComparingTo("0.45");
		assertThat(router.get("mispricedCount").asLong()).isEqualTo(6);
		assertThat(router.get("mispriced").get(0).get("loggedUsd").decimalValue()).isEqualByComparingTo("0");
		assertThat(router.get("mispriced").get(0).get("model").asString()).isEqualTo("moonshotai/kimi-k2");
		assertThat(router.get("gapUsd").decimalValue()).isGreaterThan(new BigDecimal("1.35"));
		// OpenAI billed what LiteLLM logged: the gap is the float noise of the log's spend column
		assertThat(openai.get("gapUsd").decimalValue().abs()).isLessThan(new BigDecimal("0.000001"));
		String findings = digest.get("findings").toString();
		assertThat(findings).contains("provider:openrouter").contains("model:openrouter/moonshotai/kimi-k2");
		assertThat(Files.readString(out.resolve("digest-" + day + ".html"))).contains("Reconciled with the provider")
			.contains("3 billed requests not in the spend log");
		assertThat(r.out()).contains("[ALERT] BILL_GAP · provider:openrouter");
	}

	@Test
	void demoAuditsYesterdayWithEveryAttributionRule() throws Exception {
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).contains("Digest JSON: ").contains("vk-hermes");
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.getFileName().toString().matches("digest-\\d{4}-\\d\\d-\\d\\d\\.json"))
				.findFirst()
				.orElseThrow();
		}
		DigestJson digest = DigestJson.read(json);
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		Set<String> rules = new HashSet<>();
		digest.root().get("workloads").forEach(w -> rules.add(w.get("attribution").asString()));
		assertThat(rules).contains("KEY_ALIAS", "DELETED_KEY", "ROTATED_KEY", "REQUEST_ALIAS", "KEY_NAME",
				"MASTER_KEY", "UNKNOWN_KEY");
		assertThat(digest.root().get("workloads").size()).isGreaterThanOrEqualTo(12);
		assertThat(digest.root().get("metered").get("failedRequests").asLong()).isPositive();
		assertThat(digest.root().get("metered").get("cacheHits").asLong()).isPositive();
		assertThat(digest.root().get("anomalousRows").get("invalidSpend").asLong()).isEqualTo(1);
		// the digest rendered next to the JSON, with the 30 days before rolled up for its charts; never mailed
		String day = digest.root().get("date").asString();
		assertThat(digest.root().get("history").get("last30Days").get("auditedDays").asInt()).isEqualTo(30);
		assertThat(r.out()).contains("Digest HTML: ").contains("Digest mail: ");
		String html = Files.readString(out.resolve("digest-" + day + ".html"));
		assertThat(html).contains("src=\"digest-" + day + "-spend-30d.png\"").contains("vk-hermes");
		// every feature's section is in the demo digest: the explained spike, freshness, costs, retiring keys
		assertThat(html).contains("545K-token prompts · 99% of the excess")
			.contains("LOGGING_OFF")
			.contains("z.ai GLM Coding Pro")
			.contains("SAFE_TO_REVOKE");
		// the terminal shows the day's findings, worst first, the spike among them (not only the workloads)
		assertThat(r.out()).contains("  [ALERT] SPIKE · workload:vk-vault-indexer/model:gemini-flash-lite")
			.contains("  [ALERT] LOGGING_OFF · spend-log");
		assertThat(r.out().indexOf("[ALERT] SPIKE")).isLessThan(r.out().indexOf("[WATCH]"));
		// a retiring key configured by its hash is named by its fingerprint, never the whole hash
		String hash = "0eeb4bf94e095b33e42eef5cee21ca182d6439c8fb263e2e8494de41a444881b";
		assertThat(digest.root().get("findings").toString()).contains("key:0eeb4bf94e09").doesNotContain(hash);
		assertThat(r.out()).doesNotContain(hash);
		assertThat(out.resolve("digest-" + day + "-spend-30d.png")).isNotEmptyFile();
		assertThat(out.resolve("digest-" + day + ".txt")).content().contains("SPEND BY WORKLOAD");
		assertThat(out.resolve("digest-" + day + ".eml")).content().contains("Content-Type: multipart/alternative");
		try (var files = Files.list(out)) {
			assertThat(files.filter(p -> p.toString().endsWith(".json"))).as("only yesterday's files").hasSize(1);
		}
	}

	@Test
	void theSchemaRejectsADocumentThatBreaksTheContract() throws Exception {
		assertThat(r.exit()).isZero();
		Path json;
		try (var files = Files.list(out)) {
			json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
		}
		ObjectNode broken = (ObjectNode) DigestJson.read(json).root();
		((ObjectNode) broken.get("metered")).put("usd", -1);
		((ObjectNode) broken.get("workloads").get(0)).remove("attribution");
		assertThat(DigestSchema.violations(broken)).hasSize(2);
	}

	/**
	 * One way to print a quantity: nothing a person reads (the HTML, the text part, the terminal) shows a time as
	 * ISO-8601 or money with float dust (more than two significant digits below a cent), while the JSON keeps its
	 * numbers and ISO times.
	 */
	@Test
	void whatPeopleReadShowsNoIsoTimesAndNoFloatDust() throws Exception {
		assertThat(r.exit()).as(r.err()).isZero();
		List<String> read = new ArrayList<>(List.of(r.out()));
		try (var files = Files.list(out)) {
			for (Path p : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".txt")).toList()) {
				read.add(Files.readString(p));
			}
		}
		// the digest's HTML and text, and the archive's index
		assertThat(read).hasSize(4);
		for (String text : read) {
			assertThat(find(ISO_TIME, text)).as("an ISO time").isEmpty();
			assertThat(dust(text)).as("money with float dust").isEmpty();
			assertThat(find(LONG_DECIMAL, text)).as("a number with more than six decimals").isEmpty();
		}
		// the rendered money is there, just rounded; the JSON keeps the exact sums and ISO times
		assertThat(read.get(1) + read.get(2)).containsPattern("\\$\\d[\\d,]*\\.\\d\\d\\b");
		try (var files = Files.list(out)) {
			Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
			assertThat(Files.readString(json)).containsPattern(ISO_TIME.pattern());
		}
	}

	static final Pattern ISO_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");

	static final Pattern MONEY = Pattern.compile("\\$([\\d,]+)\\.(\\d+)");

	static final Pattern LONG_DECIMAL = Pattern.compile("\\d\\.\\d{7,}");

	/**
	 * Money that is not cents from a cent up, at most two significant digits below a cent, or {@code <$0.0001}
	 * below that (the digest once printed {@code $0.000000000000000056}).
	 */
	private static List<String> dust(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = MONEY.matcher(text);
		while (m.find()) {
			BigDecimal usd = new BigDecimal(m.group(1).replace(",", "") + "." + m.group(2));
			boolean ok = usd.compareTo(new BigDecimal("0.01")) >= 0 ? m.group(2).length() == 2
					: usd.signum() == 0 ? m.group(2).equals("00")
							: usd.compareTo(new BigDecimal("0.0001")) >= 0 && usd.stripTrailingZeros().precision() <= 2;
			if (!ok) {
				found.add(m.group());
			}
		}
		return found;
	}

	private static List<String> find(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 20)));
		}
		return found;
	}

}
