package dev.spendaudit.notify;

import java.time.Duration;
import java.util.List;

import dev.spendaudit.core.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code spend-audit.notify.*}: defaults, and a mistake named by its list index, never echoing a URL. */
class WebhookSettingsTests {

	static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/sEcReTtOkEn";

	@Test
	void defaultsAreAlertOnlyAndNoResolutions() {
		Webhook w = settings(new Webhook(SLACK, "Slack", null, null)).webhooks().get(0);
		assertThat(w.messageFormat()).isEqualTo(WebhookFormat.SLACK);
		assertThat(w.threshold()).isEqualTo(Severity.ALERT);
		assertThat(w.resolutions()).isFalse();
		assertThat(NotifySettings.none().webhooks()).isEmpty();
		assertThat(new Webhook(SLACK, "ntfy", "watch", true).threshold()).isEqualTo(Severity.WATCH);
	}

	@Test
	void aWrongFormatNamesItsIndex() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(new Webhook(SLACK, "json", null, null),
					new Webhook("https://ntfy.sh/topic", "teams", null, null)))
			.withMessage("spend-audit.notify.webhooks[1].format must be json, slack, discord or ntfy, not 'teams'");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(new Webhook(SLACK, null, null, null)))
			.withMessageStartingWith("spend-audit.notify.webhooks[0].format must be set");
	}

	@Test
	void aWrongSeverityNamesItsIndex() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(new Webhook(SLACK, "slack", "urgent", null)))
			.withMessage("spend-audit.notify.webhooks[0].min-severity must be INFO, WATCH or ALERT, not 'URGENT'");
	}

	@Test
	void aBadOrRepeatedUrlIsNamedButNeverShown() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(new Webhook("ftp://hooks.example/sEcReT", "json", null, null)))
			.withMessageStartingWith("spend-audit.notify.webhooks[0].url must be an http:// or https:// URL")
			.withMessageNotContaining("sEcReT");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(new Webhook("https://user:sEcReT@ntfy.sh/topic", "ntfy", null, null)))
			.withMessageStartingWith("spend-audit.notify.webhooks[0].url")
			.withMessageNotContaining("sEcReT");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(new Webhook(null, "json", null, null)))
			.withMessage("spend-audit.notify.webhooks[0].url must be set");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings(new Webhook(SLACK, "slack", null, null), new Webhook(SLACK, "json", null, null)))
			.withMessageStartingWith("spend-audit.notify.webhooks[1].url is the URL of spend-audit.notify.webhooks[0]")
			.withMessageNotContaining("sEcReTtOkEn");
	}

	@Test
	void timeoutsAndRetriesAreBounded() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotifySettings(List.of(), Duration.ZERO, 2, Duration.ofSeconds(1)))
			.withMessageStartingWith("spend-audit.notify.timeout");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotifySettings(List.of(), Duration.ofSeconds(5), 11, Duration.ofSeconds(1)))
			.withMessageStartingWith("spend-audit.notify.retries");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotifySettings(List.of(), Duration.ofSeconds(5), 2, Duration.ofMinutes(2)))
			.withMessageStartingWith("spend-audit.notify.retry-delay");
	}

	@Test
	void theSettingsPrintWithoutTheSecret() {
		assertThat(settings(new Webhook(SLACK, "slack", null, null)).toString())
			.contains("https://hooks.slack.com/…[")
			.doesNotContain("sEcReTtOkEn")
			.doesNotContain("T0001");
	}

	private static NotifySettings settings(Webhook... webhooks) {
		return new NotifySettings(List.of(webhooks), Duration.ofSeconds(5), 2, Duration.ofSeconds(1));
	}

}
