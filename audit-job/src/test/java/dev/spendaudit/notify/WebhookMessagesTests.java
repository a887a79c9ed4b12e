package dev.spendaudit.notify;

import java.time.LocalDate;

import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.testsupport.WebhookSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.notify.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** Each format's body and headers for one finding. */
class WebhookMessagesTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final Push NEW_SPIKE = new Push(DAY, finding("1a2b3c4d5e6f", Severity.ALERT, "NEW"), "NEW", Severity.ALERT);

	static final Push RESOLVED_SPIKE = new Push(DAY,
			finding("1a2b3c4d5e6f", "SPIKE", Severity.INFO, "workload:vk-alpha", "RESOLVED", Severity.ALERT),
			"RESOLVED", Severity.ALERT);

	@Test
	void jsonIsTheFindingAsInTheDigestAfterTheDateAndState() {
		Message message = WebhookMessages.render(WebhookFormat.JSON, NEW_SPIKE);
		assertThat(message.contentType()).isEqualTo("application/json; charset=utf-8");
		assertThat(message.headers()).isEmpty();
		JsonNode body = JSON.readTree(message.body());
		assertThat(body.propertyNames()).containsExactly("date", "state", "id", "kind", "severity", "subject",
				"source", "actualUsd", "baselineUsd", "reason", "details");
		assertThat(body.get("date").asString()).isEqualTo("2026-11-26");
		assertThat(body.get("state").asString()).isEqualTo("NEW");
		assertThat(body.get("actualUsd").decimalValue()).isEqualByComparingTo("61.20");
		assertThat(body.get("details").get("state").get("since").asString()).isEqualTo("2026-11-25");
		assertThat(WebhookSchema.violations(body)).isEmpty();
		JsonNode resolved = JSON.readTree(WebhookMessages.render(WebhookFormat.JSON, RESOLVED_SPIKE).body());
		assertThat(resolved.get("severity").asString()).isEqualTo("INFO");
		assertThat(resolved.get("details").get("previousSeverity").asString()).isEqualTo("ALERT");
		assertThat(WebhookSchema.violations(resolved)).isEmpty();
	}

	@Test
	void theSchemaRefusesAResolvedFindingWithoutItsPreviousSeverity() {
		JsonNode bad = JSON.readTree(WebhookMessages.render(WebhookFormat.JSON,
				new Push(DAY, finding("x", Severity.INFO, "RESOLVED"), "RESOLVED", Severity.INFO)).body());
		assertThat(WebhookSchema.violations(bad)).isNotEmpty();
	}

	@Test
	void slackGetsTextWithTheHeadlineReasonAndFacts() {
		Message message = WebhookMessages.render(WebhookFormat.SLACK, NEW_SPIKE);
		JsonNode body = JSON.readTree(message.body());
		assertThat(body.propertyNames()).containsExactly("text");
		assertThat(body.get("text").asString()).isEqualTo("*[spend-audit] ALERT · SPIKE · workload:vk-alpha*\n"
				+ "vk-alpha spent $61.20, 204x its usual $0.30\n"
				+ "2026-11-26 · $61.20, expected $0.30 · id 1a2b3c4d5e6f");
		assertThat(JSON.readTree(WebhookMessages.render(WebhookFormat.SLACK, RESOLVED_SPIKE).body()).get("text")
			.asString()).startsWith("*[spend-audit] RESOLVED · SPIKE · workload:vk-alpha (was ALERT)*\n");
	}

	@Test
	void slackMarkupFromTheDatabaseIsEscaped() {
		Finding f = finding("x", "NEW_WORKLOAD", Severity.ALERT, "workload:<!channel> & co", "NEW", null);
		String text = JSON.readTree(WebhookMessages.render(WebhookFormat.SLACK, new Push(DAY, f, "NEW",
				Severity.ALERT)).body()).get("text").asString();
		assertThat(text).contains("workload:&lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
	}

	@Test
	void discordGetsContentAndPingsNobody() {
		Finding f = finding("x", "NEW_WORKLOAD", Severity.ALERT, "workload:@everyone", "NEW", null);
		JsonNode body = JSON.readTree(WebhookMessages.render(WebhookFormat.DISCORD, new Push(DAY, f, "NEW",
				Severity.ALERT)).body());
		assertThat(body.get("content").asString()).startsWith("**[spend-audit] ALERT · NEW_WORKLOAD · workload:@everyone**\n")
			.endsWith("2026-11-26 · $61.20, expected $0.30 · id x");
		assertThat(body.get("allowed_mentions").get("parse").isArray()).isTrue();
		assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
	}

	@Test
	void discordContentIsCutToItsLimit() {
		Finding f = new Finding("x", "SPIKE", Severity.ALERT, "total", "default", null, null, "y".repeat(5000),
				finding("x", Severity.ALERT, "NEW").details());
		String content = JSON.readTree(WebhookMessages.render(WebhookFormat.DISCORD, new Push(DAY, f, "NEW",
				Severity.ALERT)).body()).get("content").asString();
		assertThat(content).hasSize(WebhookMessages.DISCORD_MAX).endsWith("…");
	}

	@Test
	void ntfyGetsPlainTextWithTitlePriorityAndTags() {
		Message message = WebhookMessages.render(WebhookFormat.NTFY, NEW_SPIKE);
		assertThat(message.contentType()).isEqualTo("text/plain; charset=utf-8");
		assertThat(message.body()).isEqualTo("vk-alpha spent $61.20, 204x its usual $0.30\n"
				+ "2026-11-26 · $61.20, expected $0.30 · id 1a2b3c4d5e6f");
		assertThat(message.headers()).containsEntry("Title", "[spend-audit] ALERT - SPIKE - workload:vk-alpha")
			.containsEntry("Priority", "high")
			.containsEntry("Tags", "rotating_light,spend-audit");
		Message resolved = WebhookMessages.render(WebhookFormat.NTFY, RESOLVED_SPIKE);
		assertThat(resolved.headers()).containsEntry("Priority", "low").containsEntry("Tags", "white_check_mark,spend-audit");
		Message watch = WebhookMessages.render(WebhookFormat.NTFY,
				new Push(DAY, finding("w", Severity.WATCH, "NEW"), "NEW", Severity.WATCH));
		assertThat(watch.headers()).containsEntry("Priority", "default").containsEntry("Tags", "warning,spend-audit");
	}

	@Test
	void anNtfyTitleIsOneLineOfAscii() {
		Finding f = finding("x", "NEW_WORKLOAD", Severity.ALERT, "workload:équipe\r\nX-Evil: 1", "NEW", null);
		String title = WebhookMessages.render(WebhookFormat.NTFY, new Push(DAY, f, "NEW", Severity.ALERT)).headers()
			.get("Title");
		assertThat(title).isEqualTo("[spend-audit] ALERT - NEW_WORKLOAD - workload:?quipe??X-Evil: 1");
	}

	@Test
	void anEscalationSaysSoAndAnotherGatewayIsNamed() {
		Finding f = new Finding("x", "DRIFT", Severity.ALERT, "total", "gw-2", null, null, "drifting",
				finding("x", Severity.ALERT, "CONTINUING").details());
		Push push = new Push(DAY, f, "CONTINUING", Severity.ALERT);
		assertThat(WebhookMessages.headline(push)).isEqualTo("ALERT · DRIFT · total (now ALERT)");
		assertThat(WebhookMessages.facts(push)).isEqualTo("2026-11-26 · gateway gw-2 · id x");
	}

}
