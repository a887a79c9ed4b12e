package dev.spendaudit.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;

import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DoctorSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestDatabases;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code doctor} from the command line: a deliberately broken set-up (a store login that is refused, no
 * {@code "startTime"} index, a role that can write, an env file anyone can read, an SMTP server that is down, a
 * gateway whose environment and YAML disagree), the same as JSON against its schema, the demo, and usage errors.
 * No password of the set-up ever appears in the output.
 */
class DoctorCliIntegrationTests {

	static final String STORE_PASSWORD = "store-secret-6620";

	static final String SMTP_PASSWORD = "smtp-secret-3307";

	static final String GATEWAY_DB_PASSWORD = "gateway-db-secret-9154";

	static final String MASTER_KEY = "sk-master-secret-4471";

	@TempDir
	Path dir;

	@Test
	void aBrokenSetUpFailsLineByLineWithEachFixAndNoPassword() throws Exception {
		try (LiteLlmDatabase db = brokenSource()) {
			List<String> args = brokenArgs(db.endpoint());
			CliIntegrationTests.Result r = cli(args.toArray(String[]::new));

			assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
			assertThat(r.out()).contains("Settings in force:").contains("Checks:");
			assertThat(line(r.out(), "spend-audit.source.url")).contains("env file " + dir.resolve("spend-audit.env")
					+ ":1 (SPEND_AUDIT_SOURCE_URL)");
			assertThat(line(r.out(), "spend-audit.mail.to[0]")).contains("ops@example.org")
				.contains(dir.resolve("spend-audit.yml") + ":3");
			assertThat(line(r.out(), "spend-audit.store.password")).contains("****[");
			assertThat(line(r.out(), "OK    config")).contains("settings valid");
			assertThat(line(r.out(), "FAIL  source.index")).contains("Fix: as the table's owner: CREATE INDEX");
			assertThat(line(r.out(), "WARN  source.role")).contains("deploy/create-readonly-role.sql");
			assertThat(line(r.out(), "FAIL  store.connection")).contains("sa_no_such_store_role");
			assertThat(line(r.out(), "FAIL  mail.smtp")).contains("Connection refused");
			assertThat(line(r.out(), "WARN  files.env-file")).contains("0644")
				.contains("every user on this host can read its passwords").contains("Fix: chown root:root");
			assertThat(line(r.out(), "WARN  gateway.database")).contains("database_url: null")
				.contains("The environment wins");
			assertThat(line(r.out(), "FAIL  gateway.same-database")).contains("db.internal:5432/litellm_prod");
			assertThat(line(r.out(), "WARN  gateway.spend-logs")).contains("disable_spend_logs: true");
			assertThat(line(r.out(), "WARN  gateway.env-refs")).contains("OPENAI_API_KEY");
			assertThat(r.out().strip()).endsWith("fix the FAIL lines first (exit 1)");
			assertNoPassword(r, db.endpoint());
		}
	}

	@Test
	void theSameAsJsonConformsToItsSchema() throws Exception {
		try (LiteLlmDatabase db = brokenSource()) {
			List<String> args = new ArrayList<>(brokenArgs(db.endpoint()));
			args.addAll(List.of("--format", "json"));
			CliIntegrationTests.Result r = cli(args.toArray(String[]::new));
			assertThat(r.exit()).isEqualTo(1);
			JsonNode report = JsonMapper.builder().build().readTree(r.out());
			assertThat(DoctorSchema.violations(report)).isEmpty();
			assertThat(report.get("status").asString()).isEqualTo("FAIL");
			assertThat(report.get("exitCode").asInt()).isEqualTo(1);
			List<String> failed = new ArrayList<>();
			report.get("checks").forEach(c -> {
				if (c.get("status").asString().equals("FAIL")) {
					failed.add(c.get("name").asString());
				}
			});
			assertThat(failed).contains("source.index", "store.connection", "mail.smtp", "gateway.same-database");
			assertNoPassword(r, db.endpoint());
		}
	}

	@Test
	void theDemoIsReadyForTheNight() throws Exception {
		CliIntegrationTests.Result r = cli("doctor", "--demo", "--format", "json", "--unit",
				dir.resolve("none.service").toString());
		assertThat(r.exit()).as(r.out() + r.err()).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(r.out());
		assertThat(DoctorSchema.violations(report)).isEmpty();
		List<String> ok = new ArrayList<>();
		report.get("checks").forEach(c -> {
			if (c.get("status").asString().equals("OK")) {
				ok.add(c.get("name").asString());
			}
		});
		assertThat(ok).contains("config", "source.connection", "source.index", "source.freshness",
			"store.migrations", "store.last-day");
	}

	@Test
	void aSettingTheRunWouldRefuseIsItsOwnLineAndTheOtherChecksStillRun() throws Exception {
		Path env = Files.writeString(dir.resolve("typo.env"), """
				SPEND_AUDIT_SOURCE_URL=jdbc:postgresql://127.0.0.1:%d/litellm
				SPEND_AUDIT_SORCE_PASSWORD=typo-secret-5521
				""".formatted(TestSmtp.closedPort()));
		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
		CliIntegrationTests.Result r = cli("doctor", "--env-file", env.toString(), "--unit",
				dir.resolve("none.service").toString());
		assertThat(r.exit()).isEqualTo(1);
		assertThat(line(r.out(), "FAIL  config")).contains("unknown setting SPEND_AUDIT_SORCE_PASSWORD");
		assertThat(line(r.out(), "FAIL  source.connection")).contains("cannot connect to jdbc:postgresql://127.0.0.1:");
		assertThat(r.out()).contains("files.env-file").doesNotContain("typo-secret-5521");
	}

	@Test
	void wrongOptionsAreUsageErrors() {
		assertThat(cli("doctor", "--gateway-pid", "1", "--gateway-env", "x").exit()).isEqualTo(2);
		assertThat(cli("doctor", "--format", "xml").err()).contains("--format must be text or json");
		assertThat(cli("doctor", "--env-file", dir.resolve("missing.env").toString()).err())
			.contains("--env-file " + dir.resolve("missing.env") + ": no such readable file");
		assertThat(cli("doctor", "--help").out()).contains("--gateway-pid").contains("--gateway-env")
			.contains("--gateway-config").contains("--send-test").contains("--demo").contains("Exit status");
	}

	/** A LiteLLM database without its "startTime" indexes, owned (so writable) by the audit's own role. */
	private static LiteLlmDatabase brokenSource() {
		LiteLlmDatabase db = LiteLlmDatabase.create("doctor_cli");
		String key = KeyHash.of("sk-doctor-cli");
		db.writer().key(key, "vk-doctor-cli", "sk-...-cli");
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		db.writer().spendLogs(List.of(Call.of("d1", key, "vk-doctor-cli", "gpt-4.1-mini", "openai",
				now.minusMinutes(20), 0.02, 100, 10)));
		db.execute("DROP INDEX \"LiteLLM_SpendLogs_startTime_idx\"");
		db.execute("DROP INDEX \"LiteLLM_SpendLogs_startTime_request_id_idx\"");
		return db;
	}

	private List<String> brokenArgs(Endpoint source) throws Exception {
		Path env = Files.writeString(dir.resolve("spend-audit.env"), """
				SPEND_AUDIT_SOURCE_URL=%s
				SPEND_AUDIT_SOURCE_USERNAME=%s
				SPEND_AUDIT_SOURCE_PASSWORD=%s
				SPEND_AUDIT_STORE_USERNAME=sa_no_such_store_role
				SPEND_AUDIT_STORE_PASSWORD=%s
				SPRING_MAIL_HOST=127.0.0.1
				SPRING_MAIL_PORT=%d
				SPRING_MAIL_USERNAME=audit
				SPRING_MAIL_PASSWORD=%s
				""".formatted(TestDatabases.withoutUser(source.url()), source.username(), source.password(),
				STORE_PASSWORD,
				TestSmtp.closedPort(), SMTP_PASSWORD));
		Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
		Path yaml = Files.writeString(dir.resolve("spend-audit.yml"), """
				spend-audit:
				  mail:
				    to: [ops@example.org]
				    from: spend-audit@example.org
				  out: %s
				""".formatted(dir.resolve("out")));
		Path proc = dir.resolve("proc");
		Files.createDirectories(proc.resolve("4242"));
		Files.write(proc.resolve("4242/environ"), ("PATH=/usr/bin\0DATABASE_URL=postgresql://litellm:"
				+ GATEWAY_DB_PASSWORD + "@db.internal:5432/litellm_prod\0LITELLM_MASTER_KEY=" + MASTER_KEY + "\0")
			.getBytes(StandardCharsets.UTF_8));
		Path gatewayYaml = Files.writeString(dir.resolve("litellm-config.yaml"), """
				model_list:
				  - model_name: gpt-4.1-mini
				    litellm_params:
				      model: openai/gpt-4.1-mini
				      api_key: os.environ/OPENAI_API_KEY
				general_settings:
				  master_key: os.environ/LITELLM_MASTER_KEY
				  database_url: null
				  disable_spend_logs: true
				""");
		return List.of("doctor", "--config", yaml.toString(), "--env-file", env.toString(), "--gateway-pid", "4242",
				"--proc-root", proc.toString(), "--gateway-config", gatewayYaml.toString(), "--unit",
				dir.resolve("none.service").toString());
	}

	private static void assertNoPassword(CliIntegrationTests.Result r, Endpoint source) {
		String all = r.out() + r.err();
		for (String secret : List.of(STORE_PASSWORD, SMTP_PASSWORD, GATEWAY_DB_PASSWORD, MASTER_KEY)) {
			assertThat(all).as("the output shows a password").doesNotContain(secret);
		}
		if (source.password().length() >= 4) {
			assertThat(all).as("the output shows the source's password").doesNotContain(source.password());
		}
	}

	private static String line(String out, String start) {
		return out.lines().filter(l -> l.strip().startsWith(start)).findFirst()
			.orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + out));
	}

}
