package dev.spendaudit.reconcile.fetch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.reconcile.fetch.FetchReport.ProviderFetch;
import dev.spendaudit.reconcile.fetch.ProviderServer.Answer;
import dev.spendaudit.reconcile.fetch.ProviderServer.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching against providers served from the test JVM with recorded answers: OpenAI's and Anthropic's pages are
 * followed, every page is saved as served under its range's name, 5xx and 429 are retried (429 after its
 * Retry-After), a refused key fails at once in one line, a silent server times out; no key is ever printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class BillFetcherTests {

	static final LocalDate LAST_DAY = LocalDate.parse("2026-11-26");

	static final String OPENAI_KEY = "sk-admin-Test-4c8e2a6f0b9d";

	static final String ANTHROPIC_KEY = "sk-ant-admin01-Test-7d1f3b5e9a";

	static final String OPENROUTER_KEY = "sk-or-v1-mgmt-Test-2b6d0f4a8c";

	static final String COSTS = "/v1/organization/costs";

	static final String USAGE = "/v1/organization/usage/completions";

	static final String COST_REPORT = "/v1/organizations/cost_report";

	static final String USAGE_REPORT = "/v1/organizations/usage_report/messages";

	static final String ACTIVITY = "/api/v1/activity";

	final ProviderServer server = new ProviderServer();

	@TempDir
	Path inbox;

	@AfterEach
	void stop() {
		server.close();
	}

	@Test
	void followsOpenAisNextPageAndSavesEachPageAsServed() throws IOException {
		// given
		server.answer(COSTS, Answer.ok(RecordedBills.OPENAI_COSTS_P1), Answer.ok(RecordedBills.OPENAI_COSTS_P2))
			.answer(USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));
		// when
		FetchReport report = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);
		// then
		assertThat(report.from()).isEqualTo(LocalDate.parse("2026-11-20"));
		assertThat(report.providers()).singleElement().satisfies(p -> {
			assertThat(p.provider()).isEqualTo("openai");
			assertThat(p.ok()).as(p.line()).isTrue();
			assertThat(p.line()).isEqualTo("openai: 3 files");
		});
		assertThat(inboxFiles()).containsExactly("openai-costs-2026-11-20-2026-11-26-p1.json",
				"openai-costs-2026-11-20-2026-11-26-p2.json", "openai-usage-2026-11-20-2026-11-26-p1.json");
		assertThat(read("openai-costs-2026-11-20-2026-11-26-p1.json")).isEqualTo(RecordedBills.OPENAI_COSTS_P1);
		assertThat(read("openai-costs-2026-11-20-2026-11-26-p2.json")).isEqualTo(RecordedBills.OPENAI_COSTS_P2);
		assertThat(read("openai-usage-2026-11-20-2026-11-26-p1.json")).isEqualTo(RecordedBills.OPENAI_USAGE);
		List<Seen> costs = server.seen(COSTS);
		assertThat(costs).hasSize(2);
		assertThat(costs.get(0).query())
			.isEqualTo("start_time=1795132800&end_time=1795737600&bucket_width=1d&group_by=line_item&limit=7");
		assertThat(costs.get(1).query()).endsWith("&page=page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=");
		assertThat(server.seen(USAGE)).singleElement()
			.satisfies(s -> assertThat(s.query())
				.isEqualTo("start_time=1795132800&end_time=1795737600&bucket_width=1d&group_by=model&limit=7"));
		assertThat(server.seen()).allSatisfy(s -> {
			assertThat(s.headers()).containsEntry("authorization", "Bearer " + OPENAI_KEY);
			assertThat(s.headers()).doesNotContainKey("x-api-key");
		});
	}

	@Test
	void followsAnthropicsPagesWithItsOwnHeaders() throws IOException {
		server.answer(COST_REPORT, Answer.ok(RecordedBills.ANTHROPIC_COST_P1), Answer.ok(RecordedBills.ANTHROPIC_COST_P2))
			.answer(USAGE_REPORT, Answer.ok(RecordedBills.ANTHROPIC_USAGE));

		FetchReport report = fetcher(null, null, ANTHROPIC_KEY, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(report.failed()).isEmpty();
		assertThat(inboxFiles()).containsExactly("anthropic-costs-2026-11-20-2026-11-26-p1.json",
				"anthropic-costs-2026-11-20-2026-11-26-p2.json", "anthropic-usage-2026-11-20-2026-11-26-p1.json");
		assertThat(read("anthropic-costs-2026-11-20-2026-11-26-p2.json")).isEqualTo(RecordedBills.ANTHROPIC_COST_P2);
		List<Seen> costs = server.seen(COST_REPORT);
		assertThat(costs.get(0).query())
			.isEqualTo("starting_at=2026-11-20T00:00:00Z&ending_at=2026-11-27T00:00:00Z&group_by[]=description");
		assertThat(costs.get(1).query()).endsWith("&page=page_MjAyNi0xMS0yMQ==");
		assertThat(server.seen(USAGE_REPORT).get(0).query()).isEqualTo(
				"starting_at=2026-11-20T00:00:00Z&ending_at=2026-11-27T00:00:00Z&bucket_width=1d&group_by[]=model");
		assertThat(server.seen()).hasSize(3).allSatisfy(s -> {
			assertThat(s.headers()).containsEntry("x-api-key", ANTHROPIC_KEY)
				.containsEntry("anthropic-version", "2023-06-01")
				.doesNotContainKey("authorization");
		});
	}

	@Test
	void fetchesOpenRoutersActivityOneDayAtATime() throws IOException {
		server.answer(ACTIVITY, Answer.ok(RecordedBills.openRouterActivity("2026-11-25")),
				Answer.ok(RecordedBills.openRouterActivity("2026-11-26")));

		FetchReport report = fetcher(OPENROUTER_KEY, null, null, 2, Duration.ofSeconds(5), 2).fetchInto(inbox,
				LAST_DAY);

		assertThat(report.failed()).isEmpty();
		assertThat(server.seen(ACTIVITY)).extracting(Seen::query).containsExactly("date=2026-11-25", "date=2026-11-26");
		assertThat(server.seen(ACTIVITY))
			.allSatisfy(s -> assertThat(s.headers()).containsEntry("authorization", "Bearer " + OPENROUTER_KEY));
		assertThat(inboxFiles()).containsExactly("openrouter-activity-2026-11-25-2026-11-25-p1.json",
				"openrouter-activity-2026-11-26-2026-11-26-p1.json");
		assertThat(read("openrouter-activity-2026-11-26-2026-11-26-p1.json"))
			.isEqualTo(RecordedBills.openRouterActivity("2026-11-26"));
	}

	@Test
	void retriesA500AndSavesTheAnswerThatFollows() throws IOException {
		server.answer(COSTS, Answer.status(500, "{\"error\":\"upstream\"}"), Answer.ok(RecordedBills.OPENAI_COSTS_P2))
			.answer(USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));

		FetchReport report = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(report.failed()).isEmpty();
		assertThat(server.seen(COSTS)).hasSize(2);
		assertThat(read("openai-costs-2026-11-20-2026-11-26-p1.json")).isEqualTo(RecordedBills.OPENAI_COSTS_P2);
	}

	@Test
	void waitsWhatRetryAfterSaysBeforeAsking429Again() {
		server.answer(COSTS,
				new Answer(429, Map.of("Retry-After", "1", "Content-Type", "application/json"), "{\"error\":\"slow\"}"),
				Answer.ok(RecordedBills.OPENAI_COSTS_P2))
			.answer(USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));

		FetchReport report = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(report.failed()).isEmpty();
		List<Seen> costs = server.seen(COSTS);
		assertThat(costs).hasSize(2);
		// the backoff of these tests is a millisecond: only the header makes it wait a second
		assertThat(Duration.ofNanos(costs.get(1).nanos() - costs.get(0).nanos())).isGreaterThanOrEqualTo(
				Duration.ofSeconds(1));
	}

	@Test
	void aRefusedKeyFailsAtOnceInOneLineThatNeverHoldsTheKey(CapturedOutput output) throws IOException {
		// an answer that quotes the key it was sent
		server.answer(COSTS, Answer.status(401,
				"{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI_KEY + "\",\"type\":\"invalid_request_error\"}}"));

		FetchReport report = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(server.seen(COSTS)).hasSize(1);
		assertThat(server.seen(USAGE)).isEmpty();
		ProviderFetch openai = report.providers().get(0);
		assertThat(openai.ok()).isFalse();
		assertThat(openai.reason()).startsWith("GET /v1/organization/costs: HTTP 401: ")
			.contains("Incorrect API key provided: ****")
			.endsWith("(the key is refused; not retried)")
			.doesNotContain(OPENAI_KEY);
		assertThat(openai.line()).startsWith("openai (" + server.base().getAuthority() + "): GET ");
		assertThat(output.getAll().lines().filter(l -> l.contains("reconcile fetch: openai"))).singleElement()
			.satisfies(line -> assertThat(line).contains("reconcile fetch: openai (" + server.base().getAuthority()
					+ ") failed: GET /v1/organization/costs: HTTP 401"));
		assertThat(output.getAll()).doesNotContain(OPENAI_KEY);
		assertThat(inboxFiles()).isEmpty();
	}

	@Test
	void aServerThatNeverAnswersTimesOutAndTheOthersAreStillFetched(CapturedOutput output) throws IOException {
		server.hang(COSTS)
			.answer(COST_REPORT, Answer.ok(RecordedBills.ANTHROPIC_COST_P2))
			.answer(USAGE_REPORT, Answer.ok(RecordedBills.ANTHROPIC_USAGE));

		FetchReport report = fetcher(null, OPENAI_KEY, ANTHROPIC_KEY, 2, Duration.ofMillis(300)).fetchInto(inbox,
				LAST_DAY);

		assertThat(report.providers()).extracting(ProviderFetch::provider).containsExactly("openai", "anthropic");
		assertThat(report.failed()).singleElement()
			.satisfies(p -> assertThat(p.reason())
				.isEqualTo("GET /v1/organization/costs: no answer within 300 ms (after 2 attempts)"));
		assertThat(report.providers().get(1).ok()).isTrue();
		assertThat(inboxFiles()).containsExactly("anthropic-costs-2026-11-20-2026-11-26-p1.json",
				"anthropic-usage-2026-11-20-2026-11-26-p1.json");
		assertThat(output.getAll()).doesNotContain(OPENAI_KEY).doesNotContain(ANTHROPIC_KEY);
	}

	@Test
	void aProviderWithoutAKeyIsNotAsked() {
		FetchReport report = fetcher(null, null, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(report.providers()).isEmpty();
		assertThat(server.seen()).isEmpty();
		assertThat(fetcher(null, null, null, 3, Duration.ofSeconds(5)).anyKey()).isFalse();
		assertThat(fetcher(null, " ", null, 3, Duration.ofSeconds(5)).anyKey()).isFalse();
	}

	@Test
	void aRefetchOfTheSameRangeReplacesItsFilesAndLeavesUnchangedOnesAlone() throws IOException {
		server.answer(COSTS, Answer.ok(RecordedBills.OPENAI_COSTS_P1), Answer.ok(RecordedBills.OPENAI_COSTS_P2))
			.answer(USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));
		BillFetcher fetcher = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5));
		fetcher.fetchInto(inbox, LAST_DAY);
		Path usage = inbox.resolve("openai-usage-2026-11-20-2026-11-26-p1.json");
		var usageTime = Files.getLastModifiedTime(usage);
		// the second night the costs fit on one page; the usage is the same
		server.answer(COSTS, Answer.ok(RecordedBills.OPENAI_COSTS_P2)).answer(USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));
		Files.setLastModifiedTime(usage, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));

		FetchReport second = fetcher.fetchInto(inbox, LAST_DAY);

		assertThat(second.files()).hasSize(2);
		assertThat(inboxFiles()).containsExactly("openai-costs-2026-11-20-2026-11-26-p1.json",
				"openai-usage-2026-11-20-2026-11-26-p1.json");
		assertThat(read("openai-costs-2026-11-20-2026-11-26-p1.json")).isEqualTo(RecordedBills.OPENAI_COSTS_P2);
		assertThat(Files.getLastModifiedTime(usage).toMillis()).as("an unchanged page is not rewritten (was %s)", usageTime)
			.isEqualTo(1_000_000_000_000L);
	}

	@Test
	void anAnswerThatIsNotJsonFailsTheProvider() throws IOException {
		server.answer(COSTS, new Answer(200, Map.of("Content-Type", "text/html"), "<html>captive portal</html>"));

		FetchReport report = fetcher(null, OPENAI_KEY, null, 3, Duration.ofSeconds(5)).fetchInto(inbox, LAST_DAY);

		assertThat(report.failed()).singleElement()
			.satisfies(p -> assertThat(p.reason()).isEqualTo("GET /v1/organization/costs: the answer is not JSON"));
		assertThat(inboxFiles()).isEmpty();
	}

	/** The files in the inbox, by name; no temporary file is ever left behind. */
	private List<String> inboxFiles() throws IOException {
		try (Stream<Path> files = Files.list(inbox)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	private String read(String name) throws IOException {
		return Files.readString(inbox.resolve(name), StandardCharsets.UTF_8);
	}

	private BillFetcher fetcher(String openrouterKey, String openaiKey, String anthropicKey, int attempts,
			Duration readTimeout) {
		return fetcher(openrouterKey, openaiKey, anthropicKey, attempts, readTimeout, 7);
	}

	private BillFetcher fetcher(String openrouterKey, String openaiKey, String anthropicKey, int attempts,
			Duration readTimeout, int days) {
		ReconcileSettings settings = new ReconcileSettings(inbox, new BigDecimal("0.95"), BigDecimal.ONE,
				new BigDecimal("0.10"), 7, 20, List.of(),
				new ReconcileSettings.OpenRouter(openrouterKey, server.base()),
				new ReconcileSettings.OpenAi(openaiKey, server.base()),
				new ReconcileSettings.Anthropic(anthropicKey, server.base()),
				new ReconcileSettings.Fetch(Duration.ofSeconds(5), readTimeout, attempts, days));
		return new BillFetcher(settings, Duration.ofMillis(1));
	}

}
