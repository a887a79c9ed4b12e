package dev.spendaudit.secrets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.ServiceJvm;
import dev.spendaudit.testsupport.TestDatabases;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Known test secrets (the database and SMTP passwords, raw keys, the providers' admin keys, full token hashes)
 * given to {@code run} with mail, JSON and the Prometheus file, a failing {@code run}, {@code doctor} (text, JSON, a
 * test mail), {@code status} and {@code keys}, each in its own JVM: every file they produced and everything they printed is searched for every
 * secret. Only {@code keys --format json|csv} may print token hashes (their job), never a password or a raw key.
 */
class SecretsIntegrationTests {

	static final String DAY = "2026-11-26";

	static final Instant CLOCK = Instant.parse("2026-11-27T06:15:00Z");

	static final String SMTP_USER = "digest-sender";

	static final String SMTP_PASSWORD = "smtp-Pw-6f1e9c2b7a";

	static final String WRONG_SMTP_PASSWORD = "smtp-Wrong-Pw-3d8a0e";

	/** The database password when the test database ignores it (the embedded server trusts local logins). */
	static final String EMBEDDED_DB_PASSWORD = "db-Pw-8c4f2a9e1d";

	static final String RAW_KEY = "sk-live-Raw-7b3e9f0a5c1d";

	static final String RETIRING_RAW_KEY = "sk-retire-Raw-2e8c6a4f0b";

	static final String MASTER_KEY = "sk-master-Raw-9a7c5e3b1f";

	/** The providers' admin keys for fetching their bills (environment only). */
	static final String OPENROUTER_MANAGEMENT_KEY = "sk-or-v1-Mgmt-5a9c1e7b3d";

	static final String OPENAI_ADMIN_KEY = "sk-admin-Raw-6f2d8b0e4a";

	static final String ANTHROPIC_ADMIN_KEY = "sk-ant-admin01-Raw-1c7e3a9f5b";

	/** What an older LiteLLM stored in api_key instead of a hash: a raw bearer token. */
	static final String RAW_IN_LOG = "bearer9Q-Raw-4d2f8b6e0a";

	@TempDir
	static Path work;

	static LiteLlmDatabase db;

	static TestSmtp smtp;

	static final Map<String, ServiceJvm.Result> runs = new LinkedHashMap<>();

	static String dbPassword;

	@BeforeAll
	static void runEveryCommandWithTheSecrets() throws IOException {
		db = LiteLlmDatabase.create("secrets");
		db.writer().key(KeyHash.of(RAW_KEY), "vk-live", KeyHash.keyName(RAW_KEY));
		db.writer().key(KeyHash.of(RETIRING_RAW_KEY), "vk-retiring", KeyHash.keyName(RETIRING_RAW_KEY));
		db.writer().key(KeyHash.of("sk-never-used-1"), null, KeyHash.keyName("sk-never-used-1"));
		LocalDateTime t = LocalDate.parse(DAY).atTime(9, 0);
		db.writer().spendLogs(List.of(call("live-1", KeyHash.of(RAW_KEY), t, 1.5),
				call("retiring-1", KeyHash.of(RETIRING_RAW_KEY), t.plusMinutes(1), 0.25),
				call("master-1", KeyHash.of(MASTER_KEY), t.plusMinutes(2), 0.75),
				call("raw-in-log-1", RAW_IN_LOG, t.plusMinutes(3), 0.5)));
		smtp = TestSmtp.startWithLogin(SMTP_USER, SMTP_PASSWORD);
		dbPassword = TestDatabases.external() ? db.endpoint().password() : EMBEDDED_DB_PASSWORD;
		Path config = Files.writeString(work.resolve("spend-audit.yml"), """
				spend-audit:
				  mail:
				    to: [ops@example.org]
				    from: %s
				    retry-delay: 1ms
				    retries: 1
				  health:
				    textfile-dir: %s
				  retiring-keys:
				    - key: %s
				spring:
				  mail:
				    host: 127.0.0.1
				    port: %d
				    username: %s
				""".formatted(TestSmtp.FROM, work.resolve("textfile"), KeyHash.of(RETIRING_RAW_KEY), smtp.port(),
				SMTP_USER));
		String cfg = config.toString();
		String out = work.resolve("out").toString();
		runs.put("run", jvm(SMTP_PASSWORD, "run", "--date", DAY, "--out", out, "--send", "--config", cfg));
		runs.put("run (SMTP login refused)", jvm(WRONG_SMTP_PASSWORD, "run", "--date", DAY, "--out",
				work.resolve("out-refused").toString(), "--resend", "--config", cfg));
		runs.put("doctor", jvm(SMTP_PASSWORD, "doctor", "--config", cfg));
		runs.put("doctor --format json", jvm(SMTP_PASSWORD, "doctor", "--format", "json", "--config", cfg));
		runs.put("doctor --send-test", jvm(SMTP_PASSWORD, "doctor", "--send-test", "--config", cfg));
		runs.put("status", jvm(SMTP_PASSWORD, "status", "--findings", "--config", cfg));
		runs.put("status --format json", jvm(SMTP_PASSWORD, "status", "--format", "json", "--config", cfg));
		runs.put("keys", jvm(SMTP_PASSWORD, "keys", "--config", cfg));
		runs.put("keys --format json", jvm(SMTP_PASSWORD, "keys", "--format", "json", "--config", cfg));
		runs.put("keys --format csv", jvm(SMTP_PASSWORD, "keys", "--format", "csv", "--config", cfg));
	}

	@AfterAll
	static void close() {
		if (smtp != null) {
			smtp.close();
		}
		if (db != null) {
			db.close();
		}
	}

	@Test
	void theCommandsDidTheirWork() {
		assertThat(runs.get("run").exitCode()).as(runs.get("run").output()).isZero();
		assertThat(smtp.copies()).isNotEmpty();
		assertThat(runs.get("run (SMTP login refused)").exitCode()).isEqualTo(6);
		assertThat(runs.get("doctor --send-test").output()).contains("OK");
		assertThat(runs.get("keys").exitCode()).isZero();
		assertThat(produced()).extracting(p -> p.getFileName().toString())
			.contains("digest-" + DAY + ".json", "digest-" + DAY + ".html", "digest-" + DAY + ".txt",
					"digest-" + DAY + ".eml", "spend-audit.prom");
	}

	@Test
	void noPasswordOrRawKeyAppearsAnywhere() {
		List<String> secrets = new ArrayList<>(List.of(SMTP_PASSWORD, WRONG_SMTP_PASSWORD, RAW_KEY, RETIRING_RAW_KEY,
				MASTER_KEY, RAW_IN_LOG, RAW_IN_LOG.substring(0, 8), OPENROUTER_MANAGEMENT_KEY, OPENAI_ADMIN_KEY,
				ANTHROPIC_ADMIN_KEY));
		// on a shared server the password may be the user name too, which output names by right: only a password
		// that is its own string can be searched for
		if (!dbPassword.equals(db.endpoint().username()) && !db.endpoint().url().contains(dbPassword)) {
			secrets.add(dbPassword);
		}
		everything().forEach((where, text) -> secrets.forEach(secret -> assertNotIn(where, text, secret)));
	}

	@Test
	void noFullTokenHashAppearsOutsideKeysJsonAndCsv() {
		List<String> hashes = List.of(KeyHash.of(RAW_KEY), KeyHash.of(RETIRING_RAW_KEY), KeyHash.of(MASTER_KEY),
				KeyHash.of("sk-never-used-1"), KeyHash.of(RAW_IN_LOG));
		Map<String, String> searched = everything();
		searched.keySet().removeIf(where -> where.startsWith("keys --format"));
		searched.forEach((where, text) -> hashes.forEach(hash -> assertNotIn(where, text, hash)));
		// the exceptions do print them: that is their job
		assertThat(runs.get("keys --format csv").stdout()).contains(KeyHash.of(RAW_KEY));
	}

	@Test
	void aRetiringKeyConfiguredByItsHashIsShownByItsFingerprint() throws IOException {
		String fingerprint = KeyHash.fingerprint(KeyHash.of(RETIRING_RAW_KEY));
		assertThat(fingerprint).hasSize(12);
		assertThat(Files.readString(work.resolve("out").resolve("digest-" + DAY + ".txt"))).contains(fingerprint);
	}

	@Test
	void aRawKeyInTheLogIsNamedByItsHash() throws IOException {
		String workload = "unknown:" + KeyHash.of(RAW_IN_LOG).substring(0, 8);
		assertThat(Files.readString(work.resolve("out").resolve("digest-" + DAY + ".json"))).contains(workload);
		assertThat(runs.get("keys").stdout()).contains(workload).contains("RAW_KEY");
	}

	/** Fails naming the place and showing the secret in its context. */
	static void assertNotIn(String where, String text, String secret) {
		int at = text.indexOf(secret);
		assertThat(at).as("%s holds %s: ...%s...", where, secret,
				at < 0 ? "" : text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40)))
			.isNegative();
	}

	/** Every produced file (as text; binary files as Latin-1) and every command's stdout and stderr. */
	static Map<String, String> everything() {
		Map<String, String> all = new LinkedHashMap<>();
		for (Path file : produced()) {
			try {
				all.put(work.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
						+ new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		runs.forEach((command, r) -> {
			all.put(command + " stdout", r.stdout());
			all.put(command + " stderr", r.stderr());
		});
		List<MimeMessage> mail = smtp.copies();
		for (int i = 0; i < mail.size(); i++) {
			all.put("mail " + (i + 1) + " as received", raw(mail.get(i)));
		}
		return all;
	}

	/** The files the commands wrote: everything under the work folder but the test's own config and logs. */
	static List<Path> produced() {
		try (Stream<Path> files = Files.walk(work)) {
			return files.filter(Files::isRegularFile)
				.filter(f -> !f.getFileName().toString().equals("spend-audit.yml"))
				.filter(f -> !f.getFileName().toString().matches("(stdout|stderr).*\\.log"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String raw(MimeMessage message) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			return out.toString(StandardCharsets.UTF_8);
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ServiceJvm.Result jvm(String smtpPassword, String... args) {
		Map<String, String> env = Map.of("SPEND_AUDIT_SOURCE_URL", db.endpoint().url(), "SPEND_AUDIT_SOURCE_USERNAME",
				db.endpoint().username(), "SPEND_AUDIT_SOURCE_PASSWORD", dbPassword,
				"SPEND_AUDIT_SOURCE_MASTER_KEY_SHA256", KeyHash.of(MASTER_KEY), "SPRING_MAIL_PASSWORD", smtpPassword,
				"SPEND_AUDIT_RECONCILE_OPENROUTER_MANAGEMENT_KEY", OPENROUTER_MANAGEMENT_KEY,
				"SPEND_AUDIT_RECONCILE_OPENAI_ADMIN_KEY", OPENAI_ADMIN_KEY, "SPEND_AUDIT_RECONCILE_ANTHROPIC_ADMIN_KEY",
				ANTHROPIC_ADMIN_KEY);
		return ServiceJvm.run(CLOCK, env, work, args);
	}

	static Call call(String id, String key, LocalDateTime at, double spend) {
		return Call.of(id, key, null, "gpt-4.1-mini", "openai", at, spend, 100, 10);
	}

}
