package dev.spendaudit.readday;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LiteLLM from before the deleted/deprecated token tables, {@code status} and {@code model_group}: the rules
 * that need them are skipped with a log line, the rest still attribute.
 */
@ExtendWith(OutputCaptureExtension.class)
class OlderLiteLlmIntegrationTests {

	@Test
	void auditsAnOldSchemaAndSaysWhichRulesAreSkipped(@TempDir Path out, CapturedOutput output) {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("oldschema")) {
			db.execute("DROP TABLE \"LiteLLM_DeletedVerificationToken\"");
			db.execute("DROP TABLE \"LiteLLM_DeprecatedVerificationToken\"");
			db.execute("DROP TABLE \"LiteLLM_DailyUserSpend\"");
			db.execute("ALTER TABLE \"LiteLLM_SpendLogs\" DROP COLUMN status, DROP COLUMN model_group");
			db.execute("ALTER TABLE \"LiteLLM_VerificationToken\" DROP COLUMN total_spend, DROP COLUMN last_active");
			String aliased = KeyHash.of("sk-old-aliased");
			db.writer().key(aliased, "vk-old", "sk-...ased");
			LocalDateTime noon = LocalDate.of(2026, 11, 26).atTime(12, 0);
			db.writer().spendLogs(List.of(oldCall("a", aliased, "vk-old", noon, 1.5),
					oldCall("b", KeyHash.of("sk-unlisted"), "vk-from-request", noon, 0.5)));
			Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);
			try (AuditApp app = AuditApp.start(db.endpoint(), clock, Map.of())) {
				DayResult result = app.run(LocalDate.of(2026, 11, 26), out);
				assertThat(result.failure()).isNull();
				DigestJson digest = DigestJson.read(result.digestJson());
				assertThat(digest.workload("vk-old").get("attribution").asString()).isEqualTo("KEY_ALIAS");
				assertThat(digest.workload("vk-from-request").get("attribution").asString()).isEqualTo("REQUEST_ALIAS");
				assertThat(digest.workload("vk-old").get("models").get(0).get("model").asString())
					.as("without model_group the deployment model names the model")
					.isEqualTo("openai/gpt-4.1-mini");
				assertThat(digest.root().get("metered").get("failedRequests").asLong()).isZero();
				assertThat(digest.meteredUsd()).isEqualByComparingTo("2");
			}
			assertThat(output).contains("the DELETED_KEY attribution rule is skipped")
				.contains("the ROTATED_KEY attribution rule is skipped")
				.contains("failed requests count as 0");
		}
	}

	static Call oldCall(String id, String key, String alias, LocalDateTime at, double spend) {
		Call c = Call.of(id, key, alias, "gpt-4.1-mini", "openai", at, spend, 100, 10).withoutStatus();
		return new Call(c.requestId(), c.apiKey(), c.model(), null, c.provider(), c.startTimeUtc(), c.spend(),
				c.promptTokens(), c.completionTokens(), null, c.cacheHit(), c.metadata(), c.user(), c.endUser(),
				c.requesterIp(), c.requestTags());
	}

}
