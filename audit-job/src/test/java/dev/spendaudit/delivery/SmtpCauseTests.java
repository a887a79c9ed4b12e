package dev.spendaudit.delivery;

import java.util.Map;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one line the digest's and the statement's mail failures are reported in: the deepest reason, the refused
 * recipient's own line, and never the SMTP password, even when a server echoes it.
 */
class SmtpCauseTests {

	static final String PASSWORD = "smtp-hunter2-secret";

	@Test
	void aServerEchoingThePasswordIsMaskedAndOnlyTheFirstLineIsKept() {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setPassword(PASSWORD);
		var ex = new MailAuthenticationException(
				new AuthenticationFailedException("535 5.7.8 bad credentials for user:" + PASSWORD + "\n  more text"));

		assertThat(SmtpCause.of(ex, sender)).isEqualTo("535 5.7.8 bad credentials for user:****");
	}

	@Test
	void aRefusedRecipientIsSaidInTheServersOwnLine() {
		var ex = new MailSendException(Map.of(new Object(), new SendFailedException("550 5.1.1 <nobody@example.org>: "
				+ "user unknown")));

		assertThat(SmtpCause.of(ex, new JavaMailSenderImpl())).isEqualTo("550 5.1.1 <nobody@example.org>: user unknown");
	}

	@Test
	void noSenderOrNoPasswordLeavesTheReasonAsItIs() {
		assertThat(SmtpCause.of(new IllegalStateException("connection refused"), null)).isEqualTo("connection refused");
		assertThat(SmtpCause.of(null, null)).isEqualTo("unknown failure");
	}

}
