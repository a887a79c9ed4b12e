package dev.spendaudit.notify;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spendaudit.core.Severity;

/**
 * One webhook ({@code spend-audit.notify.webhooks[i]}).
 *
 * @param url where the message is POSTed; its path and query are a secret and are never shown
 * @param format {@code json}, {@code slack}, {@code discord} or {@code ntfy}
 * @param minSeverity the least severity pushed: {@code INFO}, {@code WATCH} or {@code ALERT} (the default)
 * @param onResolve whether a finding's end (RESOLVED) is pushed too, judged by the severity it had
 */
public record Webhook(String url, String format, String minSeverity, Boolean onResolve) {

	public Webhook {
		url = url == null || url.isBlank() ? null : url.strip();
		format = format == null ? null : format.strip().toLowerCase(Locale.ROOT);
		minSeverity = minSeverity == null || minSeverity.isBlank() ? Severity.ALERT.name()
				: minSeverity.strip().toUpperCase(Locale.ROOT);
		onResolve = Boolean.TRUE.equals(onResolve);
	}

	WebhookUrl target() {
		return WebhookUrl.parse(url, "spend-audit.notify.webhooks[?].url");
	}

	WebhookFormat messageFormat() {
		return WebhookFormat.of(format);
	}

	Severity threshold() {
		return Severity.valueOf(minSeverity);
	}

	boolean resolutions() {
		return Boolean.TRUE.equals(onResolve);
	}

	/**
	 * Checks every webhook and stops at the first mistake, naming its path, e.g.
	 * {@code spend-audit.notify.webhooks[1].format}; a URL is never echoed.
	 */
	static List<Webhook> validated(List<Webhook> webhooks) {
		if (webhooks == null) {
			return List.of();
		}
		Map<String, Integer> fingerprints = new HashMap<>();
		for (int i = 0; i < webhooks.size(); i++) {
			Webhook w = webhooks.get(i);
			String path = "spend-audit.notify.webhooks[" + i + "]";
			if (w == null) {
				throw new IllegalArgumentException(path + " is empty");
			}
			if (w.url() == null) {
				throw new IllegalArgumentException(path + ".url must be set");
			}
			WebhookUrl target = WebhookUrl.parse(w.url(), path + ".url");
			Integer earlier = fingerprints.putIfAbsent(target.fingerprint(), i);
			if (earlier != null) {
				throw new IllegalArgumentException(path + ".url is the URL of spend-audit.notify.webhooks[" + earlier
						+ "] (" + target + "): one webhook per URL");
			}
			if (w.format() == null || w.format().isEmpty()) {
				throw new IllegalArgumentException(path + ".format must be set: json, slack, discord or ntfy");
			}
			if (w.messageFormat() == null) {
				throw new IllegalArgumentException(path + ".format must be json, slack, discord or ntfy, not '"
						+ w.format() + "'");
			}
			try {
				Severity.valueOf(w.minSeverity());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(path + ".min-severity must be INFO, WATCH or ALERT, not '"
						+ w.minSeverity() + "'", ex);
			}
		}
		return List.copyOf(webhooks);
	}

	@Override
	public String toString() {
		return "Webhook[url=" + (url == null ? "" : WebhookUrl.parse(url, "url")) + ", format=" + format
				+ ", minSeverity=" + minSeverity + ", onResolve=" + onResolve + "]";
	}

}
