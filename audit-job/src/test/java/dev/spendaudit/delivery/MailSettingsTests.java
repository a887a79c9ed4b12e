package dev.spendaudit.delivery;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailSettingsTests {

	@Test
	void noRecipientsMeansFilesOnly() {
		assertThat(new MailSettings(null, null, null, 3, Duration.ofSeconds(5)).hasRecipients()).isFalse();
		assertThat(new MailSettings(List.of(" ", ""), null, "[x]", 3, Duration.ZERO).to()).isEmpty();
	}

	@Test
	void recipientsNeedASender() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of("ops@example.org"), null, "[x]", 3, Duration.ZERO))
			.withMessage("spend-audit.mail.from is required when spend-audit.mail.to is set");
	}

	@Test
	void addressesAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of("not an address"), "a@example.org", "[x]", 3, Duration.ZERO))
			.withMessage("spend-audit.mail.to: 'not an address' is not an email address");
		assertThat(new MailSettings(List.of(" ops@example.org "), "Spend Audit <a@example.org>", "[x]", 3,
				Duration.ZERO).to()).containsExactly("ops@example.org");
	}

	@Test
	void retriesAreBounded() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings(List.of(), null, "[x]", -1, Duration.ZERO));
	}

}
