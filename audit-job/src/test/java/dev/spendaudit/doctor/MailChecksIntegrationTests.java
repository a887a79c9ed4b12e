package dev.spendaudit.doctor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.spendaudit.delivery.MailSettings;
import dev.spendaudit.delivery.SmtpProbe;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static dev.spendaudit.doctor.GatewayChecksTests.check;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail checks against GreenMail in the test JVM: a login made without sending, a refused login, a server that
 * is down, one test message with {@code --send-test}, and mail to another host without TLS.
 */
class MailChecksIntegrationTests {

	static final String SMTP_PASSWORD = "smtp-secret-4410";

	static final MailSettings OPS = new MailSettings(List.of("ops@example.org"), "spend-audit@example.org",
			"[spend-audit]", 3, Duration.ofSeconds(5), null, null);

	@Test
	void logsInWithoutSendingAnything() {
		GreenMail smtp = server("127.0.0.1", "smtp", true);
		try {
			List<Check> checks = MailChecks.run(probe("127.0.0.1", smtp.getSmtp().getPort(), "smtp", "audit",
					SMTP_PASSWORD), OPS, false);
			assertThat(check(checks, "mail.smtp")).satisfies(c -> {
				assertThat(c.status()).as(c.detail()).isEqualTo(Status.OK);
				assertThat(c.detail()).contains("EHLO").contains("logged in as audit").contains("nothing sent");
			});
			assertThat(check(checks, "mail.tls").status()).isEqualTo(Status.OK);
			assertThat(smtp.getReceivedMessages()).isEmpty();
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aRefusedLoginFailsWithoutShowingThePassword() {
		GreenMail smtp = server("127.0.0.1", "smtp", true);
		try {
			Check login = check(MailChecks.run(probe("127.0.0.1", smtp.getSmtp().getPort(), "smtp", "audit",
					"wrong-" + SMTP_PASSWORD), OPS, false), "mail.smtp");
			assertThat(login.status()).isEqualTo(Status.FAIL);
			assertThat(login.detail()).contains("refused the login of audit");
			assertThat(login.toString()).doesNotContain(SMTP_PASSWORD);
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void sendTestSendsExactlyOneMessage() throws Exception {
		GreenMail smtp = server("127.0.0.1", "smtp", true);
		try {
			List<Check> checks = MailChecks.run(probe("127.0.0.1", smtp.getSmtp().getPort(), "smtp", "audit",
					SMTP_PASSWORD), OPS, true);
			assertThat(check(checks, "mail.test").status()).isEqualTo(Status.OK);
			assertThat(smtp.getReceivedMessages()).hasSize(1);
			assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[spend-audit] doctor test message");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void aServerThatIsDownFails() {
		Check down = check(MailChecks.run(probe("127.0.0.1", TestSmtp.closedPort(), "smtp", null, null), OPS, false),
				"mail.smtp");
		assertThat(down.status()).isEqualTo(Status.FAIL);
		assertThat(down.detail()).contains("cannot talk to smtp://127.0.0.1:").contains("Connection refused");
	}

	@Test
	void mailToAnotherHostWithoutTlsIsAWarning() {
		// 127.0.0.2 answers on this machine, but it is not "localhost" to the rule
		GreenMail smtp = server("127.0.0.2", "smtp", false);
		try {
			List<Check> checks = MailChecks.run(probe("127.0.0.2", smtp.getSmtp().getPort(), "smtp", null, null), OPS,
					false);
			assertThat(check(checks, "mail.smtp").status()).isEqualTo(Status.OK);
			assertThat(check(checks, "mail.tls")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.WARN);
				assertThat(c.detail()).contains("without STARTTLS or SMTPS");
				assertThat(c.fix()).contains("starttls.enable=true");
			});
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void smtpsToAnotherHostIsEncrypted() {
		GreenMail smtps = server("127.0.0.2", "smtps", false);
		try {
			// GreenMail's certificate is self-signed and names no host: trust it for this test only
			Map<String, Object> extra = Map.of("spring.mail.properties.mail.smtps.ssl.trust", "*",
					"spring.mail.properties.mail.smtps.ssl.checkserveridentity", "false");
			List<Check> checks = MailChecks.run(probe("127.0.0.2", smtps.getSmtps().getPort(), "smtps", null, null,
					extra), OPS, false);
			assertThat(check(checks, "mail.smtp").detail()).contains("over SMTPS");
			assertThat(check(checks, "mail.tls")).satisfies(c -> {
				assertThat(c.status()).isEqualTo(Status.OK);
				assertThat(c.detail()).contains("encrypted (SMTPS)");
			});
		}
		finally {
			smtps.stop();
		}
	}

	@Test
	void requiredStartTlsFromAServerWithoutItFails() {
		GreenMail smtp = server("127.0.0.2", "smtp", false);
		try {
			Map<String, Object> extra = Map.of("spring.mail.properties.mail.smtp.starttls.enable", "true",
					"spring.mail.properties.mail.smtp.starttls.required", "true");
			Check conversation = check(MailChecks.run(probe("127.0.0.2", smtp.getSmtp().getPort(), "smtp", null, null,
					extra), OPS, false), "mail.smtp");
			assertThat(conversation.status()).isEqualTo(Status.FAIL);
			assertThat(conversation.detail()).containsIgnoringCase("STARTTLS");
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void recipientsWithoutAServerFailAndNoRecipientsIsFine() {
		assertThat(check(MailChecks.run(null, OPS, false), "mail.smtp").status()).isEqualTo(Status.FAIL);
		assertThat(check(MailChecks.run(null, MailSettings.none(), false), "mail.smtp").status()).isEqualTo(Status.OK);
		assertThat(SmtpProbe.of(new StandardEnvironment())).isNull();
	}

	private static GreenMail server(String address, String protocol, boolean login) {
		GreenMail greenMail = new GreenMail(new ServerSetup(0, address, protocol).dynamicPort())
			.withConfiguration(login ? GreenMailConfiguration.aConfig().withUser("audit", SMTP_PASSWORD)
					: GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		return greenMail;
	}

	static SmtpProbe probe(String host, int port, String protocol, String user, String password) {
		return probe(host, port, protocol, user, password, Map.of());
	}

	static SmtpProbe probe(String host, int port, String protocol, String user, String password,
			Map<String, Object> extra) {
		Map<String, Object> mail = new LinkedHashMap<>();
		mail.put("spring.mail.host", host);
		mail.put("spring.mail.port", String.valueOf(port));
		mail.put("spring.mail.protocol", protocol);
		if (user != null) {
			mail.put("spring.mail.username", user);
			mail.put("spring.mail.password", password);
		}
		mail.putAll(extra);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", mail));
		return SmtpProbe.of(environment);
	}

}
