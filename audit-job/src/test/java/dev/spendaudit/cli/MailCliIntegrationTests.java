package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mailing from the command line: SMTP down (one line, non-zero, the digest kept, then delivered by resend or the
 * next run), a refused login, ranges, --send/--resend/--no-send, no recipients.
 */
class MailCliIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

	static LiteLlmDatabase db;

	static TestSmtp smtp;

	@TempDir
	Path dir;

	@BeforeAll
	static void aWeekOfSpendAndAnSmtpServer() {
		db = LiteLlmDatabase.create("mailcli");
		String key = KeyHash.of("sk-cli-mail");
		db.writer().key(key, "vk-cli-mail", "sk-...mail");
		List<Call> calls = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			calls.add(Call.of("m-" + d, key, "vk-cli-mail", "gpt-4.1-mini", "openai", FIRST.plusDays(d).atTime(9, 0),
					1.25 + d, 1000, 100));
		}
		db.writer().spendLogs(calls);
		smtp = TestSmtp.start();
	}

	@AfterAll
	static void close() {
		smtp.close();
		db.close();
	}

	@Test
	void smtpDownFailsTheRunInOneLineKeepsTheDigestAndResendDeliversIt() throws Exception {
		LocalDate day = FIRST.plusDays(6);
		int down = TestSmtp.closedPort();
		CliIntegrationTests.Result r = cli("run", "--date", day.toString(), "--config", config(down, true).toString(),
				"--out", dir.toString());
		assertThat(r.exit()).isEqualTo(6);
		assertThat(r.err().strip().lines()).hasSize(1);
		assertThat(r.err()).startsWith("spend-audit: error: 2026-11-26 failed: cannot send the digest of 2026-11-26"
				+ " to ops@example.org via 127.0.0.1:" + down + " (3 attempts): ")
			.contains("Connection refused")
			.contains("resend --date 2026-11-26");
		for (String ext : List.of("json", "html", "txt", "eml")) {
			assertThat(dir.resolve("digest-2026-11-26." + ext)).exists();
		}
		assertThat(smtp.received(day)).isEmpty();
		String failedId = messageId(dir.resolve("digest-2026-11-26.eml"));

		CliIntegrationTests.Result resend = cli("resend", "--date", day.toString(), "--config",
				config(smtp.port(), true).toString(), "--out", dir.toString());
		assertThat(resend.exit()).as(resend.err()).isZero();
		assertThat(resend.out()).contains("2026-11-26  digest mailed to ops@example.org");
		assertThat(smtp.received(day)).hasSize(1);
		assertThat(smtp.received(day).get(0).getMessageID()).as("the digest that failed, not a new one")
			.isEqualTo(failedId);

		CliIntegrationTests.Result rerun = cli("run", "--date", day.toString(), "--config",
				config(smtp.port(), true).toString(), "--out", dir.toString());
		assertThat(rerun.exit()).as(rerun.err()).isZero();
		assertThat(smtp.received(day)).as("already sent: the rerun does not mail it again").hasSize(1);
	}

	@Test
	void theNextRunDeliversADigestThatFailedToSend() throws Exception {
		LocalDate day = FIRST.plusDays(5);
		assertThat(cli("run", "--date", day.toString(), "--config", config(TestSmtp.closedPort(), true).toString(),
				"--out", dir.toString()).exit()).isEqualTo(6);
		String failedId = messageId(dir.resolve("digest-2026-11-25.eml"));
		CliIntegrationTests.Result next = cli("run", "--date", day.toString(), "--config",
				config(smtp.port(), true).toString(), "--out", dir.toString());
		assertThat(next.exit()).as(next.err()).isZero();
		assertThat(smtp.received(day)).hasSize(1);
		assertThat(smtp.received(day).get(0).getMessageID()).isEqualTo(failedId);
	}

	@Test
	void aRefusedLoginIsOneLineAndNeverShowsThePassword() throws Exception {
		try (TestSmtp guarded = TestSmtp.startWithLogin("audit", "right-secret")) {
			Path config = Files.writeString(dir.resolve("login.yml"), base() + """
					  mail:
					    to: ops@example.org
					    from: spend-audit@example.org
					    retries: 1
					    retry-delay: 1ms
					spring:
					  mail:
					    host: 127.0.0.1
					    port: %d
					    username: audit
					    password: wrong-hunter2-secret
					    properties:
					      mail.smtp.auth: true
					""".formatted(guarded.port()));
			CliIntegrationTests.Result r = cli("run", "--date", FIRST.plusDays(4).toString(), "--config",
					config.toString(), "--out", dir.toString());
			assertThat(r.exit()).isEqualTo(6);
			assertThat(r.err().strip().lines()).hasSize(1);
			assertThat(r.err()).contains("cannot send the digest of 2026-11-24").contains("(2 attempts)");
			assertThat(r.err() + r.out()).doesNotContain("wrong-hunter2-secret");
			assertThat(guarded.copies()).isEmpty();
		}
	}

	@Test
	void aRangeMailsNothingUnlessSendAndThenOnlyItsLastDay() {
		String config = config(smtp.port(), true).toString();
		CliIntegrationTests.Result quiet = cli("run", "--from", "2026-11-20", "--to", "2026-11-22", "--config", config,
				"--out", dir.toString());
		assertThat(quiet.exit()).as(quiet.err()).isZero();
		for (int d = 0; d < 3; d++) {
			assertThat(smtp.received(FIRST.plusDays(d))).isEmpty();
		}
		CliIntegrationTests.Result send = cli("run", "--from", "2026-11-20", "--to", "2026-11-22", "--send", "--config",
				config, "--out", dir.toString());
		assertThat(send.exit()).as(send.err()).isZero();
		assertThat(smtp.received(FIRST)).isEmpty();
		assertThat(smtp.received(FIRST.plusDays(1))).isEmpty();
		assertThat(smtp.received(FIRST.plusDays(2))).hasSize(1);
		// the last day once more, now already sent: only --resend mails it again
		assertThat(cli("run", "--date", "2026-11-22", "--config", config, "--out", dir.toString()).exit()).isZero();
		assertThat(smtp.received(FIRST.plusDays(2))).hasSize(1);
		assertThat(cli("run", "--date", "2026-11-22", "--resend", "--config", config, "--out", dir.toString()).exit())
			.isZero();
		assertThat(smtp.received(FIRST.plusDays(2))).hasSize(2);
	}

	@Test
	void noSendNeverMailsAndCannotBeCombinedWithSendOrResend() {
		CliIntegrationTests.Result both = cli("run", "--date", "2026-11-23", "--no-send", "--resend");
		assertThat(both.exit()).isEqualTo(2);
		assertThat(both.err()).contains("--no-send cannot be combined with --resend");
		assertThat(cli("run", "--from", "2026-11-20", "--to", "2026-11-21", "--no-send", "--send").err())
			.contains("--no-send cannot be combined with --send");
		CliIntegrationTests.Result noSend = cli("run", "--date", "2026-11-23", "--no-send", "--config",
				config(smtp.port(), true).toString(), "--out", dir.toString());
		assertThat(noSend.exit()).as(noSend.err()).isZero();
		assertThat(dir.resolve("digest-2026-11-23.eml")).exists();
		assertThat(smtp.received(FIRST.plusDays(3))).isEmpty();
	}

	@Test
	void withoutRecipientsTheDigestIsWrittenToFilesOnly() {
		CliIntegrationTests.Result r = cli("run", "--date", "2026-11-21", "--config", config(smtp.port(), false).toString(),
				"--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		for (String ext : List.of("json", "html", "txt", "eml")) {
			assertThat(dir.resolve("digest-2026-11-21." + ext)).exists();
		}
		CliIntegrationTests.Result resend = cli("resend", "--date", "2026-11-21", "--config",
				config(smtp.port(), false).toString(), "--out", dir.toString());
		assertThat(resend.exit()).isEqualTo(3);
		assertThat(resend.err().strip()).isEqualTo("spend-audit: error: no recipients configured (spend-audit.mail.to):"
				+ " nobody to resend the digest of 2026-11-21 to");
	}

	@Test
	void recipientsWithoutAnSmtpServerStopTheRunBeforeAnyWork() throws Exception {
		Path config = Files.writeString(dir.resolve("nohost.yml"), base() + """
				  mail:
				    to: ops@example.org
				    from: spend-audit@example.org
				""");
		CliIntegrationTests.Result r = cli("run", "--date", "2026-11-21", "--config", config.toString(), "--out",
				dir.resolve("out").toString());
		assertThat(r.exit()).isEqualTo(3);
		assertThat(r.err().strip()).isEqualTo("spend-audit: error: spend-audit.mail.to is set but spring.mail.host is"
				+ " not: there is no SMTP server to send the digest through");
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void resendNeedsARenderedDigest() {
		CliIntegrationTests.Result r = cli("resend", "--date", "2026-10-01", "--config",
				config(smtp.port(), true).toString(), "--out", dir.toString());
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err()).contains("no rendered digest for 2026-10-01 at " + dir.resolve("digest-2026-10-01.eml"))
			.contains("run --date 2026-10-01");
		assertThat(cli("resend").err()).contains("Missing required option: '--date=YYYY-MM-DD'");
		assertThat(cli("--help").out()).contains("resend");
		assertThat(cli("run", "--help").out()).contains("--send").contains("--resend");
	}

	private Path config(int smtpPort, boolean recipients) {
		try {
			return Files.writeString(dir.resolve("mail-" + System.nanoTime() + ".yml"), base() + """
					  mail:
					    to: %s
					    from: spend-audit@example.org
					    retries: 2
					    retry-delay: 1ms
					spring:
					  mail:
					    host: 127.0.0.1
					    port: %d
					""".formatted(recipients ? "ops@example.org" : "[]", smtpPort));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String base() {
		Endpoint e = db.endpoint();
		return """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(e.url(), e.username(), e.password());
	}

	private static String messageId(Path eml) throws Exception {
		try (var in = Files.newInputStream(eml)) {
			return new MimeMessage(Session.getInstance(new Properties()), in).getMessageID();
		}
	}

}
