package dev.spendaudit.notify;

import java.util.Locale;

/** How a webhook wants its message: the finding as JSON, or the shape of a chat service's incoming webhook. */
enum WebhookFormat {

	/** The finding as in the day's JSON, plus {@code date} and {@code state} (schema/webhook.schema.json). */
	JSON,
	/** Slack's incoming webhook: {@code {"text": ...}}. */
	SLACK,
	/** Discord's webhook: {@code {"content": ...}}. */
	DISCORD,
	/** ntfy: the text as the body, with {@code Title}, {@code Priority} and {@code Tags} headers. */
	NTFY;

	/** The setting's spelling: {@code json}, {@code slack}, {@code discord}, {@code ntfy}. */
	String setting() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The format a setting names, or null when it names none. */
	static WebhookFormat of(String setting) {
		for (WebhookFormat f : values()) {
			if (f.setting().equals(setting)) {
				return f;
			}
		}
		return null;
	}

}
