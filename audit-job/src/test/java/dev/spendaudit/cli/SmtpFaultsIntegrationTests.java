package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.FaultySmtp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server down, hung, or refusing the recipient: each attempt is bounded by the mail timeouts (set short
 * here), retried as configured, recorded FAILED, and the run exits 6 with one line naming the server and never
 * the password; once the server is back, the next run or {@code resend} delivers exactly one message, under the
 * Message-ID that failed. Nothing lost (the digest stays on disk), nothing twice (one Message-ID in the inbox).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmtpFaultsIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 20);

	static final String PASSWORD = "smtp-hunter2-secret";

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	@BeforeAll
	static void aWeekOfSpend() {
		db = LiteLlmDatabase.create("smtpfaults");
		String key = KeyHash.of("sk-smtp-faults");
		db.writer().key(key, "vk-smtp-faults", "sk-...ults");
		List<Call> calls = new ArrayList<>();
		for (int d = 0; d < 7; d++) {
			calls.add(Call.of("f-" + d, key, "vk-smtp-faults", "gpt-4.1-mini", "openai",
					FIRST.plusDays(d).atTime(9, 0), 1.25 + d, 1000, 100));
		}
		db.writer().spendLogs(calls);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void aStoppedServerFailsTheRunAndTheNextRunDeliversOnceWhenItIsBack() throws Exception {
		LocalDate day = FIRST.plusDays(6);
		TestSmtp smtp = TestSmtp.start();
		int port = smtp.port();
		smtp.close();
		CliIntegrationTests.Result down = run(day, port);
		assertFailed(down, day, port, 2);
		String failedId = messageId(day);

		try (TestSmtp back = TestSmtp.startOn(port)) {
			CliIntegrationTests.Result next = run(day, port);
			assertThat(next.exit()).as(next.err()).isZero();
			assertThat(back.received(day)).extracting(MimeMessage::getMessageID).containsExactly(failedId);
			assertThat(back.copies()).as("one copy for the one recipient").hasSize(1);
			assertThat(mailing(day).get("status", String.class)).isEqualTo("SENT");
			assertThat(run(day, port).exit()).as("sent: a rerun does not mail it again").isZero();
			assertThat(back.copies()).hasSize(1);
		}
	}

	@Test
	void aServerThatNeverAnswersIsBoundedByTheReadTimeoutAndRetried() throws Exception {
		LocalDate day = FIRST.plusDays(5);
		try (FaultySmtp hung = FaultySmtp.silent()) {
			CliIntegrationTests.Result r = run(day, hung.port());
			assertFailed(r, day, hung.port(), 2);
			assertThat(r.err()).containsIgnoringCase("timed out");
			assertThat(hung.connections()).as("the first attempt and its one retry").isEqualTo(2);
		}
		assertResendDeliversOnce(day);
	}

	@Test
	void aServerRefusingTheRecipientFailsTheRunInOneLineAndResendDeliversOnce() throws Exception {
		LocalDate day = FIRST.plusDays(4);
		try (FaultySmtp refusing = FaultySmtp.refusingRecipients()) {
			CliIntegrationTests.Result r = run(day, refusing.port());
			assertFailed(r, day, refusing.port(), 2);
			assertThat(r.err()).contains("550");
			assertThat(refusing.refusedRecipients()).isEqualTo(2);
		}
		assertResendDeliversOnce(day);
	}

	private void assertFailed(CliIntegrationTests.Result r, LocalDate day, int port, int attempts) throws Exception {
		assertThat(r.exit()).as(r.err()).isEqualTo(6);
		assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
		assertThat(r.err()).contains("cannot send the digest of " + day + " to ops@example.org via 127.0.0.1:" + port
				+ " (" + attempts + " attempts)")
			.contains("resend --date " + day);
		assertThat(r.out() + r.err()).doesNotContain(PASSWORD);
		Record mailing = mailing(day);
		assertThat(mailing.get("status", String.class)).isEqualTo("FAILED");
		assertThat(mailing.get("attempts", Integer.class)).isEqualTo(attempts);
		assertThat(mailing.get("last_error", String.class)).isNotBlank().doesNotContain(PASSWORD);
		assertThat(dir.resolve("digest-" + day + ".eml")).as("kept for the next run").isRegularFile();
	}

	private void assertResendDeliversOnce(LocalDate day) throws Exception {
		String failedId = messageId(day);
		try (TestSmtp smtp = TestSmtp.start()) {
			CliIntegrationTests.Result resend = cli("resend", "--date", day.toString(), "--config",
					config(smtp.port()).toString(), "--out", dir.toString());
			assertThat(resend.exit()).as(resend.err()).isZero();
			assertThat(smtp.received(day)).extracting(MimeMessage::getMessageID).containsExactly(failedId);
			assertThat(smtp.copies()).hasSize(1);
			assertThat(mailing(day).get("status", String.class)).isEqualTo("SENT");
			assertThat(run(day, smtp.port()).exit()).isZero();
			assertThat(smtp.copies()).as("sent: the next run does not mail it again").hasSize(1);
		}
	}

	private CliIntegrationTests.Result run(LocalDate day, int port) {
		return cli("run", "--date", day.toString(), "--config", config(port).toString(), "--out", dir.toString());
	}

	/** The newest {@code sent_digest} row of the day. */
	private static Record mailing(LocalDate day) {
		return db.writer()
			.dsl()
			.fetchOne("select status, attempts, last_error from spend_audit.sent_digest where audit_date = ?"
					+ " order by first_attempt_utc desc limit 1", day);
	}

	private Path config(int port) {
		Endpoint e = db.endpoint();
		try {
			return Files.writeString(dir.resolve("smtp-" + System.nanoTime() + ".yml"), """
					spend-audit:
					  source:
					    url: "%s"
					    username: "%s"
					    password: "%s"
					  # the digest's mail alone: the month's statement would be a second message
					  statement:
					    monthly: false
					  mail:
					    to: ops@example.org
					    from: spend-audit@example.org
					    retries: 1
					    retry-delay: 1ms
					    connect-timeout: 500ms
					    read-timeout: 500ms
					spring:
					  mail:
					    host: 127.0.0.1
					    port: %d
					    username: audit
					    password: %s
					""".formatted(e.url(), e.username(), e.password(), port, PASSWORD));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String messageId(LocalDate day) throws Exception {
		try (var in = Files.newInputStream(dir.resolve("digest-" + day + ".eml"))) {
			return new MimeMessage(Session.getInstance(new Properties()), in).getMessageID();
		}
	}

}
