package dev.spendaudit.notify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A webhook URL shows its host and a fingerprint, never its path or query. */
class WebhookUrlTests {

	@Test
	void onlyTheHostAndAFingerprintAreShown() {
		WebhookUrl url = WebhookUrl.parse("https://hooks.slack.com/services/T0001/B0002/sEcReT", "x");
		assertThat(url.toString()).matches("https://hooks\\.slack\\.com/…\\[[0-9a-f]{12}]");
		assertThat(url.fingerprint()).hasSize(12)
			.isNotEqualTo(WebhookUrl.parse("https://hooks.slack.com/services/T0001/B0002/other", "x").fingerprint());
		assertThat(WebhookUrl.parse("http://127.0.0.1:8080/ntfy-topic?auth=tOkEn", "x").toString())
			.startsWith("http://127.0.0.1:8080/…[");
	}

	@Test
	void anErrorMessageIsScrubbedOfThePathAndQuery() {
		WebhookUrl url = WebhookUrl.parse("https://ntfy.example/alerts-x7Q?auth=tOkEn", "x");
		String scrubbed = url.scrub("POST https://ntfy.example/alerts-x7Q?auth=tOkEn failed; path /alerts-x7Q, auth=tOkEn");
		assertThat(scrubbed).doesNotContain("alerts-x7Q").doesNotContain("tOkEn").contains(url.toString());
	}

}
