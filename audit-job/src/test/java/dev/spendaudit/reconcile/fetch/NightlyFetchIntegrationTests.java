package dev.spendaudit.reconcile.fetch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.reconcile.fetch.ProviderServer.Answer;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly run fetches OpenAI's bill (admin key from the environment) from a provider served in the test JVM
 * before step {@code reconcileBills} reads the inbox: the pages are saved, the day is reconciled from them, and the
 * key is in no file and no log line. A provider that refuses the key costs the night nothing but a log line
 * (which masks the key the answer quoted).
 */
@ExtendWith(OutputCaptureExtension.class)
class NightlyFetchIntegrationTests {

	static final String KEY = KeyHash.of("sk-openai-0001");

	static final String ADMIN_KEY = "sk-admin-Nightly-9f3e1c7a5b";

	static final LocalDate DAY = LocalDate.of(2026, 11, 20);

	final ProviderServer server = new ProviderServer();

	LiteLlmDatabase db;

	@TempDir
	Path inbox;

	@TempDir
	Path out;

	@BeforeEach
	void traffic() {
		db = LiteLlmDatabase.create("nightlyfetch");
		db.writer().key(KEY, "vk-openai", "sk-...0001");
		// 48 calls at $0.25: $12.00 logged against the recorded bill's $12.3456 for the 20th
		db.writer()
			.spendLogs(Traffic.every(Duration.ofMinutes(30), DAY.atStartOfDay(), DAY.plusDays(1).atStartOfDay(), KEY,
					"vk-openai", "gpt-4.1-mini", "openai", 0.25));
	}

	@AfterEach
	void stop() {
		server.close();
		db.close();
	}

	@Test
	void theNightFetchesTheBillSavesItAndReconcilesTheDayFromIt(CapturedOutput output) throws IOException {
		server.answer(BillFetcherTests.COSTS, Answer.ok(RecordedBills.OPENAI_COSTS_P1),
				Answer.ok(RecordedBills.OPENAI_COSTS_P2))
			.answer(BillFetcherTests.USAGE, Answer.ok(RecordedBills.OPENAI_USAGE));

		DigestJson digest = audit();
		JsonNode day = reconciledDay(digest);

		assertThat(inboxFiles()).containsExactly("openai-costs-2026-11-20-2026-11-20-p1.json",
				"openai-costs-2026-11-20-2026-11-20-p2.json", "openai-usage-2026-11-20-2026-11-20-p1.json");
		assertThat(server.seen()).allSatisfy(s -> assertThat(s.headers().get("authorization"))
			.isEqualTo("Bearer " + ADMIN_KEY));
		assertThat(day.get("status").asString()).isEqualTo("RECONCILED");
		assertThat(day.get("billedUsd").decimalValue()).isEqualByComparingTo("12.3456");
		assertThat(day.get("loggedUsd").decimalValue()).isEqualByComparingTo("12.00");
		assertThat(digest.root().get("reconcile").get("fetchFailed")).isEmpty();
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		assertThat(output.getAll()).contains("reconcile fetch: openai").doesNotContain(ADMIN_KEY);
		try (Stream<Path> files = Files.walk(out)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				// charts are binary: read every file byte for byte
				assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
					.doesNotContain(ADMIN_KEY);
			}
		}
	}

	@Test
	void aRefusedKeyIsALogLineAndTheNightGoesOnWithoutThatBill(CapturedOutput output) throws IOException {
		server.answer(BillFetcherTests.COSTS, Answer.status(401, "{\"error\":{\"message\":\"Incorrect API key "
				+ ADMIN_KEY + "\"}}"));

		DigestJson digest = audit();

		assertThat(inboxFiles()).isEmpty();
		// a provider with no bill in the inbox yet is not reconciled at all (nor called a gap)
		assertThat(digest.root().get("reconcile").get("providers")).isEmpty();
		assertThat(digest.root().toString()).doesNotContain("BILL_GAP").doesNotContain(ADMIN_KEY);
		assertThat(DigestSchema.violations(digest.root())).isEmpty();
		assertThat(digest.root().get("reconcile").get("fetchFailed")).singleElement()
			.satisfies(line -> assertThat(line.asString()).startsWith("openai (127.0.0.1:")
				.contains("HTTP 401")
				.contains("****"));
		assertThat(Files.readString(out.resolve("digest-" + DAY + ".txt"))).contains("Fetch failed: openai (")
			.doesNotContain(ADMIN_KEY);
		assertThat(Files.readString(out.resolve("digest-" + DAY + ".html"))).contains("Fetch failed: openai (")
			.doesNotContain(ADMIN_KEY);
		assertThat(output.getAll()).contains("reconcile fetch: openai (", "failed", "HTTP 401")
			.doesNotContain(ADMIN_KEY);
	}

	private DigestJson audit() {
		try (AuditApp app = AuditApp.start(db.endpoint(),
				Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC),
				Map.of("spend-audit.reconcile.inbox", inbox.toString(), "spend-audit.reconcile.window-days", "1",
						"spend-audit.reconcile.fetch.days", "1", "spend-audit.reconcile.fetch.attempts", "1",
						"spend-audit.reconcile.openai.base-url", server.base().toString()),
				Map.of(), Map.of("SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY", ADMIN_KEY))) {
			DayResult result = app.run(DAY, out);
			assertThat(result.failure()).isNull();
			return DigestJson.read(result.digestJson());
		}
	}

	private static JsonNode reconciledDay(DigestJson digest) {
		JsonNode providers = digest.root().get("reconcile").get("providers");
		for (JsonNode p : providers) {
			if (p.get("provider").asString().equals("openai") && p.get("date").asString().equals(DAY.toString())) {
				return p;
			}
		}
		throw new AssertionError("no openai " + DAY + " in " + providers);
	}

	private List<String> inboxFiles() throws IOException {
		try (Stream<Path> files = Files.list(inbox)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

}
