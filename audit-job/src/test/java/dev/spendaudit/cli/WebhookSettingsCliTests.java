package dev.spendaudit.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistake in {@code spend-audit.notify.*} stops {@code run} before any work with exit 3 and one line naming the
 * webhook's index, never its URL.
 */
class WebhookSettingsCliTests {

	@TempDir
	Path dir;

	@Test
	void aWrongFormatNamesTheWebhooksIndex() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: https://hooks.slack.com/services/T0001/B0002/sEcReT
				        format: slack
				      - url: https://ntfy.sh/sEcReT-topic
				        format: pager
				""")).contains("spend-audit.notify.webhooks[1].format").contains("pager").doesNotContain("sEcReT");
	}

	@Test
	void aMisspeltWebhookSettingIsRefused() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: https://ntfy.sh/sEcReT-topic
				        format: ntfy
				        on-resolved: true
				""")).contains("unknown setting").contains("on-resolved");
	}

	@Test
	void aBadUrlIsNamedButNotShown() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: hooks.slack.com/services/sEcReT
				        format: slack
				""")).contains("spend-audit.notify.webhooks[0].url").doesNotContain("sEcReT");
	}

	private String runWith(String yaml) throws IOException {
		return SettingsValidationTests.runWith(dir, yaml);
	}

}
