package dev.spendaudit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.core.ExitCode;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every exit code of the table, each from the real command line, each with its one line on stderr (no stack trace,
 * no password). Each test keeps its own store schema, so that what one breaks the others do not see.
 */
class ExitCodesIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	/** A day of spend, and a key that spent $12 of its $10 budget on it: the day is an ALERT. */
	@BeforeAll
	static void aDayThatIsAnAlert() {
		db = LiteLlmDatabase.create("exitcodes");
		String key = KeyHash.of("sk-exit");
		String capped = KeyHash.of("sk-exit-capped");
		db.writer().key(key, "vk-exit", "sk-...exit");
		db.writer().key(capped, "vk-capped", "sk-...pped");
		db.writer().spendLogs(List.of(Call.of("e1", key, "vk-exit", "gpt-4.1-mini", "openai", DAY.atTime(9, 0), 1.5,
				1000, 100),
				Call.of("e2", capped, "vk-capped", "gpt-4.1-mini", "openai", DAY.atTime(10, 0), 12.0, 90_000, 9000)));
		db.writer().budget(capped, 10, "30d", LocalDateTime.of(2027, 6, 1, 0, 0), 12);
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void exit0DoneWhateverTheFindings() throws Exception {
		CliIntegrationTests.Result r = run(config("exit0", ""));
		assertThat(r.exit()).as(r.err()).isEqualTo(0);
		assertThat(r.err()).isEmpty();
		assertThat(DigestJson.read(dir.resolve("out/digest-2026-11-26.json")).root().get("status").asString())
			.as("an ALERT day is still done").isEqualTo("ALERT");
	}

	@Test
	void exit1ADayFailedForAnyOtherReason() throws Exception {
		Path config = config("exit1", "");
		assertThat(run(config).exit()).isZero();
		sql("CREATE FUNCTION exit1.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
				+ " RAISE EXCEPTION 'the disk is full (a test)'; END $$;"
				+ " CREATE TRIGGER refuse BEFORE INSERT ON exit1.batch_step_execution"
				+ " FOR EACH ROW EXECUTE FUNCTION exit1.refuse()");
		CliIntegrationTests.Result r = run(config);
		assertThat(r.exit()).isEqualTo(1);
		assertThat(r.err().strip()).startsWith("spend-audit: error: 2026-11-26 failed: ")
			.contains("the disk is full (a test)");
		assertOneLine(r);
	}

	@Test
	void exit2BadCommandLine() {
		CliIntegrationTests.Result r = cli("run", "--dryrun", "--out", dir.resolve("out").toString());
		assertThat(r.exit()).isEqualTo(2);
		assertThat(r.err()).contains("Unknown option: '--dryrun'");
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void exit3BadConfiguration() throws Exception {
		CliIntegrationTests.Result unknown = run(config("exit3", "  exit-on-alrt: true\n"));
		assertThat(unknown.exit()).isEqualTo(3);
		assertThat(unknown.err()).contains("unknown setting spend-audit.exit-on-alrt");
		assertOneLine(unknown);

		Path broken = Files.writeString(dir.resolve("broken.yml"), "spend-audit:\n  zone: [UTC\n");
		CliIntegrationTests.Result yaml = cli("run", "--config", broken.toString(), "--date", DAY.toString());
		assertThat(yaml.exit()).isEqualTo(3);
		assertThat(yaml.err()).startsWith("spend-audit: error: ");
		assertOneLine(yaml);
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void exit4ASourceDatabaseUnusable() throws Exception {
		Path config = Files.writeString(dir.resolve("down.yml"), """
				spend-audit:
				  source:
				    url: jdbc:postgresql://127.0.0.1:1/litellm
				    username: audit
				    password: hunter2-secret
				""");
		CliIntegrationTests.Result r = run(config);
		assertThat(r.exit()).isEqualTo(4);
		assertThat(r.err()).contains("cannot connect to the LiteLLM database").contains("127.0.0.1:1");
		assertOneLine(r);
	}

	@Test
	void exit5TheStoreUnusable() throws Exception {
		CliIntegrationTests.Result down = run(config("exit5", """
				  store:
				    url: jdbc:postgresql://127.0.0.1:1/store
				    password: store-hunter2-secret
				"""));
		assertThat(down.exit()).isEqualTo(5);
		assertThat(down.err()).contains("the job's store database (spend-audit.store.url)").contains("127.0.0.1:1");
		assertOneLine(down);
		assertThat(down.err()).doesNotContain("store-hunter2-secret");

		CliIntegrationTests.Result unmigratable = run(config("pg_exit5", ""));
		assertThat(unmigratable.exit()).isEqualTo(5);
		assertThat(unmigratable.err()).contains("cannot migrate the job's schema pg_exit5 (spend-audit.store.schema)");
		assertOneLine(unmigratable);
	}

	@Test
	void exit6DeliveryFailed() throws Exception {
		int down = TestSmtp.closedPort();
		CliIntegrationTests.Result r = run(config("exit6", """
				  mail:
				    to: ops@example.org
				    from: spend-audit@example.org
				    retries: 0
				spring:
				  mail:
				    host: 127.0.0.1
				    port: %d
				""".formatted(down)));
		assertThat(r.exit()).isEqualTo(6);
		assertThat(r.err()).contains("cannot send the digest of 2026-11-26").contains("resend --date 2026-11-26");
		assertOneLine(r);
		assertThat(dir.resolve("out/digest-2026-11-26.eml")).as("kept for resend").exists();
	}

	@Test
	void exit7OutputNotWritable() throws Exception {
		Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
		CliIntegrationTests.Result r = cli("run", "--config", config("exit7", "").toString(), "--date",
				DAY.toString(), "--out", file.resolve("out").toString());
		assertThat(r.exit()).isEqualTo(7);
		assertThat(r.err()).contains("the output folder " + file.resolve("out") + " is not writable (--out,"
				+ " spend-audit.out)");
		assertOneLine(r);
	}

	@Test
	void exit8TheDayIsBeingAuditedByAnotherRun() throws Exception {
		Path config = config("exit8", "");
		Endpoint e = db.endpoint();
		try (Connection other = DriverManager.getConnection(e.url(), e.username(), e.password());
				PreparedStatement lock = other.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
			lock.setInt(1, 0x7361);
			lock.setInt(2, (int) DAY.toEpochDay());
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				assertThat(rs.getBoolean(1)).isTrue();
			}
			CliIntegrationTests.Result r = run(config);
			assertThat(r.exit()).isEqualTo(8);
			assertThat(r.err().strip())
				.isEqualTo("spend-audit: error: another spend-audit process is auditing 2026-11-26 right now");
		}
		assertThat(run(config).exit()).as("once the other run is done").isZero();
	}

	@Test
	void exit10DoneButTheDayIsAnAlertOnlyWithExitOnAlert() throws Exception {
		CliIntegrationTests.Result r = run(config("exit10", "  exit-on-alert: true\n"));
		assertThat(r.exit()).as(r.err()).isEqualTo(10);
		assertThat(r.err()).isEmpty();
		assertThat(r.out()).contains("2026-11-26");
	}

	@Test
	void everyCommandsHelpListsTheExitCodes() {
		for (String command : List.of("run", "resend", "schedule", "demo", "keys", "fingerprint", "status", "ack",
				"prune", "statement")) {
			String help = cli(command, "--help").out();
			assertThat(help).as(command).contains("Exit codes:");
			for (ExitCode code : ExitCode.values()) {
				assertThat(help).as(command).containsPattern("(?m)^\\s+" + code.code() + "\\s+" + java.util.regex.Pattern
					.quote(code.meaning()));
			}
		}
		assertThat(cli("--help").out()).contains("Exit codes:").contains("the day is being audited by another run");
	}

	private CliIntegrationTests.Result run(Path config) {
		return cli("run", "--config", config.toString(), "--date", DAY.toString(), "--out",
				dir.resolve("out").toString());
	}

	private static void assertOneLine(CliIntegrationTests.Result r) {
		assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
		assertThat(r.err() + r.out()).doesNotContain("\tat ").doesNotContain("hunter2-secret");
	}

	private Path config(String storeSchema, String more) throws Exception {
		Endpoint e = db.endpoint();
		return Files.writeString(dir.resolve(storeSchema + "-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				  store:
				    schema: %s
				""".formatted(e.url(), e.username(), e.password(), storeSchema) + indentStore(more));
	}

	/** Extra settings: a {@code store:} block joins the one above, anything else is added as it is. */
	private static String indentStore(String more) {
		return more.startsWith("  store:\n") ? more.substring("  store:\n".length()) : more;
	}

	private static void sql(String statements) throws Exception {
		Endpoint e = db.endpoint();
		try (Connection c = DriverManager.getConnection(e.url(), e.username(), e.password());
				Statement st = c.createStatement()) {
			st.execute(statements);
		}
	}

}
