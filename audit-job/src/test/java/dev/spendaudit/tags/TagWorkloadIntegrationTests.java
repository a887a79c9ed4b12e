package dev.spendaudit.tags;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.MedianRequest;
import dev.spendaudit.source.PairRequests;
import dev.spendaudit.source.RequestPair;
import dev.spendaudit.source.RequestSample;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attribution by tag ({@code spend-audit.tags.workload-prefix}): one shared key whose requests name their workload
 * in a tag split into those workloads; its other requests stay with the key.
 */
class TagWorkloadIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final LocalDateTime NOON = DAY.atTime(12, 0);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

	static final String BOT = KeyHash.of("sk-shared-bot");

	static LiteLlmDatabase db;

	@BeforeAll
	static void oneKeyForSeveralWorkloads() {
		db = LiteLlmDatabase.create("tagworkload");
		db.writer().key(BOT, "vk-shared-bot", "sk-...-bot");
		List<Call> calls = new ArrayList<>();
		calls.add(call("e-1", 1.00, "[\"workload:etl\"]"));
		calls.add(call("e-2", 0.50, "[\"team:data\", \"workload:etl\"]"));
		calls.add(call("c-1", 2.00, "[\"workload:chat\"]"));
		// two workload tags: the first in sorted order
		calls.add(call("b-1", 0.10, "[\"workload:zeta\", \"workload:chat\"]"));
		calls.add(call("u-1", 0.25, "[]"));
		calls.add(call("u-2", 0.05, "[\"workload:\"]"));
		calls.add(call("u-3", 0.04, "{\"workload\": \"etl\"}"));
		db.writer().spendLogs(calls);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void requestsThatNameTheirWorkloadInATagAreThatWorkloads(@TempDir Path out) {
		try (AuditApp app = AuditApp.start(db.endpoint(), CLOCK,
				Map.of("spend-audit.tags.workload-prefix", "workload:"))) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(DigestSchema.violations(digest.root())).isEmpty();
			assertThat(digest.meteredUsd()).isEqualByComparingTo("3.94");
			assertThat(digest.workload("etl").get("usd").decimalValue()).isEqualByComparingTo("1.50");
			assertThat(digest.workload("etl").get("attribution").asString()).isEqualTo("TAG");
			assertThat(digest.workload("chat").get("usd").decimalValue()).isEqualByComparingTo("2.10");
			assertThat(digest.workload("chat").get("requests").asLong()).isEqualTo(2);
			// untagged, an empty name after the prefix, and request_tags that is not an array: the key's
			JsonNode bot = digest.workload("vk-shared-bot");
			assertThat(bot.get("usd").decimalValue()).isEqualByComparingTo("0.34");
			assertThat(bot.get("attribution").asString()).isEqualTo("KEY_ALIAS");
			// the store keeps one row per workload of the key
			List<KeyModelRow> rows = app.bean(HistoryReader.class).rows(DAY);
			assertThat(rows).extracting(KeyModelRow::workload)
				.containsExactlyInAnyOrder("etl", "chat", "vk-shared-bot");
			assertThat(rows).allMatch(r -> r.apiKey().equals(BOT));
			// a finding's own requests: of its tag workload only, or, for the key's workload, those naming none
			LiteLlmSource source = app.bean(LiteLlmSource.class);
			AuditDay day = AuditDay.of(DAY, ZoneOffset.UTC);
			assertThat(ids(source.pairRequests(day, Set.of(BOT), "gpt-4.1-mini", "etl", 10).top()))
				.containsExactlyInAnyOrder("e-1", "e-2");
			assertThat(ids(source.pairRequests(day, Set.of(BOT), "gpt-4.1-mini", "chat", 10).top()))
				.containsExactlyInAnyOrder("c-1", "b-1");
			assertThat(ids(source.pairRequests(day, Set.of(BOT), "gpt-4.1-mini", null, 10).top()))
				.containsExactlyInAnyOrder("u-1", "u-2", "u-3");
			// several findings' pairs in one read: each keeps its own rows, its own limit and its own median
			RequestPair etl = new RequestPair(Set.of(BOT), "gpt-4.1-mini", "etl");
			RequestPair untagged = new RequestPair(Set.of(BOT), "gpt-4.1-mini", null);
			RequestPair otherModel = new RequestPair(Set.of(BOT), "gpt-5", null);
			Map<RequestPair, PairRequests> read = source.pairRequests(day, List.of(etl, untagged, otherModel), 1);
			assertThat(read).containsOnlyKeys(etl, untagged, otherModel);
			assertThat(ids(read.get(etl).top())).containsExactly("e-1");
			assertThat(ids(read.get(untagged).top())).containsExactly("u-1");
			assertThat(read.get(otherModel).top()).isEmpty();
			assertThat(read.get(otherModel).median()).isEqualTo(MedianRequest.UNKNOWN);
			assertThat(read.get(etl).median())
				.isEqualTo(source.pairRequests(day, Set.of(BOT), "gpt-4.1-mini", "etl", 10).median());
			assertThat(read.get(etl).median().promptTokens()).isNotNull();
		}
	}

	static List<String> ids(List<RequestSample> requests) {
		return requests.stream().map(RequestSample::requestId).toList();
	}

	@Test
	void withoutThePrefixEveryRequestIsTheKeys(@TempDir Path out) {
		try (AuditApp app = AuditApp.start(db.endpoint(), CLOCK, Map.of())) {
			DigestJson digest = DigestJson.read(app.run(DAY, out).digestJson());
			assertThat(digest.root().get("workloads")).hasSize(1);
			assertThat(digest.workload("vk-shared-bot").get("usd").decimalValue()).isEqualByComparingTo("3.94");
		}
	}

	@Test
	void aPrefixOfOnlyWhitespaceIsAnErrorNamingTheSetting() {
		assertThatThrownBy(() -> AuditApp.start(db.endpoint(), CLOCK,
				Map.of("spend-audit.tags.workload-prefix", "  ")).close())
			.hasStackTraceContaining("spend-audit.tags.workload-prefix must not be only whitespace");
	}

	static Call call(String id, double spend, String tags) {
		return Call.of(id, BOT, "vk-shared-bot", "gpt-4.1-mini", "openai", NOON, spend, 1000, 100)
			.withCaller("", "", null, tags);
	}

}
