package dev.spendaudit.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.RuleDay;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A push as each format wants it. The chat formats say the same three lines: what (severity, kind, subject), the
 * finding's reason, and the day, its money and its id; every number through {@link Quantities}.
 */
final class WebhookMessages {

	static final String JSON_TYPE = "application/json; charset=utf-8";

	static final String TEXT_TYPE = "text/plain; charset=utf-8";

	/** Discord refuses content longer than this. */
	static final int DISCORD_MAX = 2000;

	/** Slack shortens longer text; a reason this long is cut with an ellipsis. */
	static final int SLACK_MAX = 3000;

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private WebhookMessages() {
	}

	static Message render(WebhookFormat format, Push push) {
		return switch (format) {
			case JSON -> new Message(JSON_TYPE, json(push), Map.of());
			case SLACK -> new Message(JSON_TYPE, object("text", cut(slack(push), SLACK_MAX)), Map.of());
			case DISCORD -> new Message(JSON_TYPE, discord(push), Map.of());
			case NTFY -> new Message(TEXT_TYPE, reason(push) + "\n" + facts(push), ntfyHeaders(push));
		};
	}

	/** The finding as in the day's JSON, after {@code date} and {@code state}. */
	static String json(Push push) {
		ObjectNode body = JSON.createObjectNode();
		body.put("date", push.date().toString());
		body.put("state", push.state());
		body.setAll((ObjectNode) JSON.valueToTree(push.finding()));
		return JSON.writeValueAsString(body);
	}

	/** {@code ALERT · SPIKE · workload:vk-alpha}, or {@code RESOLVED · SPIKE · ... (was ALERT)}. */
	static String headline(Push push) {
		Finding f = push.finding();
		String what = f.kind() + " · " + f.subject();
		if (push.resolved()) {
			return "RESOLVED · " + what + " (was " + push.severity() + ")";
		}
		return push.severity() + " · " + what + (push.escalated() ? " (now " + push.severity() + ")" : "");
	}

	static String reason(Push push) {
		return push.finding().reason();
	}

	/** {@code 2026-11-26 · $61.20, expected $0.30 · id 1a2b3c4d5e6f}, and the gateway when there are several. */
	static String facts(Push push) {
		Finding f = push.finding();
		StringBuilder line = new StringBuilder(push.date().toString());
		if (f.actualUsd() != null) {
			line.append(" · ").append(Quantities.usd(f.actualUsd()));
			if (f.baselineUsd() != null) {
				line.append(", expected ").append(Quantities.usd(f.baselineUsd()));
			}
		}
		if (!RuleDay.DEFAULT_SOURCE.equals(f.source())) {
			line.append(" · gateway ").append(f.source());
		}
		return line.append(" · id ").append(f.id()).toString();
	}

	private static String slack(Push push) {
		return "*[spend-audit] " + slackEscape(headline(push)) + "*\n" + slackEscape(reason(push)) + "\n"
				+ slackEscape(facts(push));
	}

	/** Slack reads {@code &}, {@code <} and {@code >} as markup: a workload named {@code <!channel>} must not ping. */
	static String slackEscape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String discord(Push push) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("content", cut("**[spend-audit] " + headline(push) + "**\n" + reason(push) + "\n" + facts(push),
				DISCORD_MAX));
		// a subject that reads @everyone must not ping anybody
		body.put("allowed_mentions", Map.of("parse", new String[0]));
		return JSON.writeValueAsString(body);
	}

	private static Map<String, String> ntfyHeaders(Push push) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Title", header("[spend-audit] " + headline(push)));
		headers.put("Priority", push.resolved() ? "low" : switch (push.severity()) {
			case ALERT -> "high";
			case WATCH -> "default";
			case INFO -> "low";
		});
		headers.put("Tags", (push.resolved() ? "white_check_mark" : tag(push.severity())) + ",spend-audit");
		return headers;
	}

	private static String tag(Severity severity) {
		return switch (severity) {
			case ALERT -> "rotating_light";
			case WATCH -> "warning";
			case INFO -> "information_source";
		};
	}

	/** A header value: printable ASCII on one line (a subject from the database may hold anything). */
	static String header(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.replace(" · ", " - ").codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
		return cut(out.toString(), 250);
	}

	private static String object(String field, String value) {
		return JSON.writeValueAsString(Map.of(field, value));
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
