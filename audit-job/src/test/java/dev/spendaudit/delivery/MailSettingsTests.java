package dev.spendaudit.delivery;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailSettingsTests {

	@Test
	void noRecipientsMeansFilesOnly() {
		assertThat(new MailSettings(null, null, null, 3, Duration.ofSeconds(5), null, null).hasRecipients()).isFalse();
		assertThat(new MailSettings(List.of(" ", ""), null, "[x]", 3, Duration.ZERO, null, null).to()).isEmpty();
	}

	@Test
	void recipientsNeedASender() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of("ops@example.org"), null, "[x]", 3, Duration.ZERO, null, null))
			.withMessage("spend-audit.mail.from is required when spend-audit.mail.to is set");
	}

	@Test
	void addressesAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of("not an address"), "a@example.org", "[x]", 3,
					Duration.ZERO, null, null))
			.withMessage("spend-audit.mail.to: 'not an address' is not an email address");
		assertThat(new MailSettings(List.of(" ops@example.org "), "Spend Audit <a@example.org>", "[x]", 3,
				Duration.ZERO, null, null).to()).containsExactly("ops@example.org");
	}

	@Test
	void retriesAreBounded() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of(), null, "[x]", -1, Duration.ZERO, null, null));
	}

	@Test
	void timeoutsArePositiveAndReachJavaMailForSmtpAndSmtps() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of(), null, "[x]", 3, Duration.ZERO, Duration.ZERO, null))
			.withMessage("spend-audit.mail.connect-timeout must be positive, not PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of(), null, "[x]", 3, Duration.ZERO, null, Duration.ofSeconds(-1)))
			.withMessage("spend-audit.mail.read-timeout must be positive, not PT-1S");
		MailSettings fast = new MailSettings(List.of(), null, "[x]", 3, Duration.ZERO, Duration.ofMillis(250),
				Duration.ofMillis(500));
		assertThat(fast.javaMailTimeouts()).containsEntry("mail.smtp.connectiontimeout", "250")
			.containsEntry("mail.smtp.timeout", "500")
			.containsEntry("mail.smtp.writetimeout", "500")
			.containsEntry("mail.smtps.timeout", "500");
		assertThat(MailSettings.none().javaMailTimeouts()).containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.timeout", "30000");
	}

}
