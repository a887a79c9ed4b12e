package dev.spendaudit.readday;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NaN, infinite and negative spend, and metadata that is not a JSON object: counted and reported, never summed
 * silently, and the day still completes. Metadata is read only for the key hashes no key table names, so only their
 * rows' metadata is checked.
 */
class AnomalousRowsIntegrationTests {

	@Test
	void badRowsAreCountedNotSummed(@TempDir Path out) throws IOException {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("anomalous")) {
			String key = KeyHash.of("sk-odd");
			String unnamed = KeyHash.of("sk-in-no-key-table");
			db.writer().key(key, "vk-odd", "sk-...+odd");
			LocalDateTime t = LocalDate.of(2026, 11, 26).atTime(8, 0);
			db.writer().spendLogs(List.of(call("good", key, t, 1.25), call("nan", key, t.plusMinutes(1), Double.NaN),
					call("inf", key, t.plusMinutes(2), Double.POSITIVE_INFINITY),
					call("ninf", key, t.plusMinutes(3), Double.NEGATIVE_INFINITY),
					call("neg", key, t.plusMinutes(4), -3.0),
					call("array-meta", unnamed, t.plusMinutes(5), 0.5).withMetadata("[1, 2]"),
					call("string-meta", unnamed, t.plusMinutes(6), 0.25).withMetadata("\"vk-odd\""),
					// the key table names this hash, so its metadata is never read (nor checked)
					call("named-array-meta", key, t.plusMinutes(7), 0.125).withMetadata("[3]"),
					// finite, but no single request costs that: above spend-audit.anomalous.max-request-usd (1000)
					call("huge", key, t.plusMinutes(8), 1e308), call("big", key, t.plusMinutes(9), 1000.01),
					call("at-the-limit", key, t.plusMinutes(10), 1000.0)));
			Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
			try (AuditApp app = AuditApp.start(db.endpoint(), clock, Map.of())) {
				DigestJson digest = DigestJson.read(app.run(LocalDate.of(2026, 11, 26), out).digestJson());
				// valid spend only: 1.25 + 0.5 + 0.25 + 0.125 + 1000 (bad metadata does not make spend invalid)
				assertThat(digest.meteredUsd()).isEqualByComparingTo("1002.125");
				assertThat(digest.root().get("metered").get("requests").asLong()).isEqualTo(11);
				JsonNode anomalous = digest.root().get("anomalousRows");
				assertThat(anomalous.get("count").asLong()).isEqualTo(8);
				assertThat(anomalous.get("invalidSpend").asLong()).isEqualTo(4);
				assertThat(anomalous.get("implausibleSpend").asLong()).isEqualTo(2);
				assertThat(anomalous.get("invalidMetadata").asLong()).isEqualTo(2);
				assertThat(anomalous.get("samples")).hasSize(8);
				assertThat(anomalous.get("samples").get(0).get("requestId").asString()).isEqualTo("nan");
				assertThat(anomalous.get("samples").get(0).get("reason").asString()).isEqualTo("INVALID_SPEND");
				assertThat(anomalous.get("samples").get(5).get("reason").asString()).isEqualTo("INVALID_METADATA");
				assertThat(anomalous.get("samples").get(6).get("requestId").asString()).isEqualTo("huge");
				assertThat(anomalous.get("samples").get(6).get("reason").asString()).isEqualTo("IMPLAUSIBLE_SPEND");
				String text = Files.readString(out.resolve("digest-2026-11-26.txt"));
				assertThat(text).contains("2 requests with an implausibly high spend for one request left out of the"
						+ " sums (request huge, big)");
			}
		}
	}

	static Call call(String id, String key, LocalDateTime at, double spend) {
		return Call.of(id, key, "vk-odd", "gpt-4.1-mini", "openai", at, spend, 100, 10);
	}

}
