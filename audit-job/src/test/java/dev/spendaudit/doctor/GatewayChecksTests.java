package dev.spendaudit.doctor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's live process (a fake {@code /proc}) against its LiteLLM config file: which one wins, and whether
 * its database is the one spend-audit reads.
 */
class GatewayChecksTests {

	static final String GATEWAY_DB_PASSWORD = "gw-db-secret-7731";

	static final SourceChecks.Result READS_LOCAL_FRESH = new SourceChecks.Result(List.of(),
			PostgresTarget.parse("jdbc:postgresql://127.0.0.1:5432/litellm"), Duration.ofMinutes(12), true);

	@TempDir
	Path dir;

	final Secrets secrets = new Secrets();

	@Test
	void theOriginStoryYamlSaysNoDatabaseAndNoLogsWhileTheProcessLogs() throws Exception {
		// given: the YAML of the story, and a process that has DATABASE_URL and writes fresh rows
		Path proc = proc(4242, "PATH=/usr/bin", "DATABASE_URL=postgresql://litellm:" + GATEWAY_DB_PASSWORD
				+ "@localhost:5432/litellm", "LITELLM_MASTER_KEY=sk-master-0000");
		Path yaml = yaml("""
				general_settings:
				  master_key: os.environ/LITELLM_MASTER_KEY
				  database_url: null
				  disable_spend_logs: true
				""");
		// when
		List<Check> checks = run(GatewayEnvironment.fromProcess(proc, 4242), GatewayConfig.read(yaml),
				READS_LOCAL_FRESH);
		// then
		assertThat(check(checks, "gateway.environment").status()).isEqualTo(Status.OK);
		assertThat(check(checks, "gateway.database")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("database_url: null").contains("The environment wins")
				.contains("localhost:5432/litellm");
		});
		assertThat(check(checks, "gateway.same-database").status()).isEqualTo(Status.OK);
		assertThat(check(checks, "gateway.spend-logs")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("disable_spend_logs: true").contains("12 min old")
				.contains("The process wins");
		});
		assertThat(check(checks, "gateway.env-refs").status()).isEqualTo(Status.OK);
		assertThat(checks.toString()).doesNotContain(GATEWAY_DB_PASSWORD).doesNotContain("sk-master-0000");
	}

	@Test
	void theYamlsDatabaseWinsOverTheEnvironmentsAndAnotherDatabaseThanSpendAuditsFails() throws Exception {
		Path env = Files.writeString(dir.resolve("gateway.env"), "DATABASE_URL=postgresql://u:"
				+ GATEWAY_DB_PASSWORD + "@db:5432/litellm\nSTORE_PROMPTS_IN_SPEND_LOGS=True\n");
		Path yaml = yaml("""
				general_settings:
				  database_url: os.environ/PROD_DB
				  disable_error_logs: true
				  maximum_spend_logs_retention_period: 7d
				environment_variables:
				  PROD_DB: postgresql://u:p@db:5432/litellm_prod
				model_list:
				  - model_name: gpt
				    litellm_params:
				      api_key: os.environ/OPENAI_API_KEY
				""");
		List<Check> checks = run(GatewayEnvironment.fromFile(env), GatewayConfig.read(yaml), READS_LOCAL_FRESH);
		assertThat(check(checks, "gateway.database").detail()).contains("The YAML wins")
			.contains("db:5432/litellm_prod").contains("db:5432/litellm)");
		assertThat(check(checks, "gateway.same-database")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.FAIL);
			assertThat(c.detail()).contains("writes to db:5432/litellm_prod but spend-audit reads 127.0.0.1:5432/litellm");
		});
		assertThat(check(checks, "gateway.error-logs").status()).isEqualTo(Status.WARN);
		assertThat(check(checks, "gateway.retention")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("older than 7d").contains("35 days");
		});
		assertThat(check(checks, "gateway.prompts").status()).isEqualTo(Status.WARN);
		assertThat(check(checks, "gateway.env-refs")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("model_list[0].litellm_params.api_key → OPENAI_API_KEY")
				.doesNotContain("PROD_DB");
		});
		assertThat(checks.toString()).doesNotContain(GATEWAY_DB_PASSWORD);
	}

	@Test
	void logsOnInTheYamlButNoRowsForADayMeansTheProcessDoesNotLog() throws Exception {
		Path env = Files.writeString(dir.resolve("env.txt"), "DATABASE_URL=postgresql://u:p@127.0.0.1:5432/litellm\n");
		Path yaml = yaml("general_settings:\n  disable_spend_logs: false\n");
		SourceChecks.Result stale = new SourceChecks.Result(List.of(), READS_LOCAL_FRESH.target(),
				Duration.ofHours(34), true);
		List<Check> checks = run(GatewayEnvironment.fromFile(env), GatewayConfig.read(yaml), stale);
		assertThat(check(checks, "gateway.spend-logs")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("34 h old").contains("the process is not logging");
		});
	}

	@Test
	void aProcessWithoutAnyDatabaseLogsNothing() throws Exception {
		Path env = Files.writeString(dir.resolve("env.txt"), "PATH=/bin\n");
		List<Check> checks = run(GatewayEnvironment.fromFile(env), GatewayConfig.read(yaml("general_settings: {}\n")),
				READS_LOCAL_FRESH);
		assertThat(check(checks, "gateway.database").status()).isEqualTo(Status.FAIL);
		assertThat(checks).noneMatch(c -> c.name().equals("gateway.same-database"));
	}

	@Test
	void dockerInspectJsonGivesTheContainersEnvironment() throws Exception {
		Path json = Files.writeString(dir.resolve("inspect.json"), """
				[ { "Id": "abc", "Config": { "Env": [ "DATABASE_URL=postgresql://u:p@127.0.0.1:5432/litellm",
				  "PATH=/usr/bin" ], "Cmd": ["--config", "/app/config.yaml"] } } ]
				""");
		GatewayEnvironment env = GatewayEnvironment.fromFile(json);
		assertThat(env.variables()).containsKeys("DATABASE_URL", "PATH");
		assertThat(env.configPath()).isEqualTo("/app/config.yaml");
		List<Check> checks = run(env, null, READS_LOCAL_FRESH);
		assertThat(check(checks, "gateway.same-database").status()).isEqualTo(Status.OK);
		assertThat(check(checks, "gateway.config")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("started with /app/config.yaml, which was not given");
		});
	}

	@Test
	void aProcessThatCannotBeReadIsSaidSo() {
		assertThat(catchUnreadable(() -> GatewayEnvironment.fromProcess(dir, 999_999))).contains("no process 999999");
		String denied = catchUnreadable(() -> {
			Files.createDirectories(dir.resolve("77/environ"));
			return GatewayEnvironment.fromProcess(dir, 77);
		});
		assertThat(denied).startsWith("cannot read " + dir.resolve("77/environ"));
		List<Check> checks = new GatewayChecks(secrets, Duration.ofHours(26), 35)
			.run(new GatewayChecks.Inputs(null, denied, null, null), READS_LOCAL_FRESH);
		assertThat(check(checks, "gateway.environment")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.fix()).contains("sudo").contains("--gateway-env").contains("docker exec");
		});
	}

	@Test
	void theCommandLineNamesTheConfigTheProcessWasStartedWith() throws Exception {
		Path proc = proc(31, "DATABASE_URL=postgresql://u:p@127.0.0.1/litellm");
		Files.write(proc.resolve("31/cmdline"), "litellm\0--config\0/app/proxy_config.yaml\0--port\04000\0"
			.getBytes(StandardCharsets.UTF_8));
		GatewayEnvironment env = GatewayEnvironment.fromProcess(proc, 31);
		assertThat(env.configPath()).isEqualTo("/app/proxy_config.yaml");
		List<Check> checks = run(env, GatewayConfig.read(yaml("general_settings: {}\n")), READS_LOCAL_FRESH);
		assertThat(check(checks, "gateway.config")).satisfies(c -> {
			assertThat(c.status()).isEqualTo(Status.WARN);
			assertThat(c.detail()).contains("started with /app/proxy_config.yaml");
		});
	}

	private List<Check> run(GatewayEnvironment env, GatewayConfig config, SourceChecks.Result source) {
		return new GatewayChecks(secrets, Duration.ofHours(26), 35)
			.run(new GatewayChecks.Inputs(env, null, config, null), source)
			.stream()
			.map(c -> c.scrubbed(secrets))
			.toList();
	}

	private Path proc(long pid, String... environ) throws Exception {
		Path proc = dir.resolve("proc");
		Files.createDirectories(proc.resolve(Long.toString(pid)));
		Files.write(proc.resolve(pid + "/environ"), (String.join("\0", environ) + "\0").getBytes(StandardCharsets.UTF_8));
		return proc;
	}

	private Path yaml(String text) throws Exception {
		return Files.writeString(Files.createTempFile(dir, "config", ".yaml"), text);
	}

	static Check check(List<Check> checks, String name) {
		return checks.stream().filter(c -> c.name().equals(name)).findFirst()
			.orElseThrow(() -> new AssertionError("no check " + name + " in " + checks));
	}

	interface Reading {

		GatewayEnvironment read() throws Exception;

	}

	private static String catchUnreadable(Reading reading) {
		try {
			reading.read();
			throw new AssertionError("expected the input to be unreadable");
		}
		catch (UnreadableInputException ex) {
			return ex.getMessage();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

}
