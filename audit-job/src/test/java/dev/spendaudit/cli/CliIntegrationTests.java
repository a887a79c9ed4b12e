package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.TestDatabases;
import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user meets it: exit codes, one-line errors naming the option, setting or file at fault,
 * and no work done when the input is wrong.
 */
class CliIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void fromAfterToStopsBeforeAnyWork() {
		Result r = cli("run", "--from", "2026-11-20", "--to", "2026-11-10", "--out", dir.toString());
		assertThat(r.exit).isEqualTo(2);
		assertThat(r.err).contains("--from 2026-11-20 is after --to 2026-11-10");
		assertThat(dir).isEmptyDirectory();
	}

	@Test
	void aDateThatIsNotOneNamesTheOption() {
		Result r = cli("run", "--date", "2026-13-01");
		assertThat(r.exit).isEqualTo(2);
		assertThat(r.err).contains("--date").contains("'2026-13-01' is not a date (expected YYYY-MM-DD)");
	}

	@Test
	void contradictoryOptionsAreRefused() {
		assertThat(cli("run", "--date", "2026-11-01", "--from", "2026-11-01", "--to", "2026-11-02").err)
			.contains("--date cannot be combined with --from/--to");
		assertThat(cli("run", "--from", "2026-11-01").err).contains("--from needs --to");
		Result unknown = cli("run", "--dryrun");
		assertThat(unknown.exit).isEqualTo(2);
		assertThat(unknown.err).contains("Unknown option: '--dryrun'");
	}

	@Test
	void aMissingConfigFileIsNamed() {
		Result r = cli("run", "--config", dir.resolve("nope.yml").toString());
		assertThat(r.exit).isEqualTo(2);
		assertThat(r.err).contains("--config " + dir.resolve("nope.yml") + ": no such readable file");
	}

	@Test
	void everyCommandHasHelp() {
		assertThat(cli("--help").out).contains("run").contains("demo");
		assertThat(cli("run", "--help").out).contains("--from").contains("--no-send").contains("--config");
		assertThat(cli("demo", "--help").out).contains("--out").contains("--quiet");
		assertThat(cli("run", "--help").out).contains("--quiet").contains("catch-up-days");
		assertThat(cli("schedule", "--help").out).contains("--out").contains("--quiet").contains("SIGTERM");
	}

	@Test
	void anUnknownSettingIsNamedWithItsFileAndLine() throws Exception {
		Path config = Files.writeString(dir.resolve("audit.yml"), """
				spend-audit:
				  zone: UTC
				  sorce:
				    url: jdbc:postgresql://127.0.0.1:1/litellm
				""");
		Result r = cli("run", "--config", config.toString(), "--out", dir.resolve("out").toString());
		assertThat(r.exit).isEqualTo(3);
		assertThat(r.err).contains("unknown setting spend-audit.sorce.url").contains("audit.yml").contains("4:");
		assertThat(r.err.lines().filter(l -> l.startsWith("spend-audit:")).count()).isEqualTo(1);
		assertThat(dir.resolve("out")).doesNotExist();
	}

	@Test
	void anInvalidSettingValueIsNamed() throws Exception {
		Path config = Files.writeString(dir.resolve("audit.yml"), """
				spend-audit:
				  zone: Mars/Olympus_Mons
				""");
		Result r = cli("run", "--config", config.toString());
		assertThat(r.exit).isEqualTo(3);
		assertThat(r.err).contains("invalid setting spend-audit.zone");
	}

	@Test
	void anUnreachableSourceIsOneLineWithoutStackTraceOrPassword() throws Exception {
		Path config = Files.writeString(dir.resolve("audit.yml"), """
				spend-audit:
				  source:
				    url: jdbc:postgresql://127.0.0.1:1/litellm
				    username: audit
				    password: hunter2-secret
				""");
		Result r = cli("run", "--config", config.toString(), "--date", "2026-11-26");
		assertThat(r.exit).isEqualTo(4);
		assertThat(r.err).contains("spend-audit: error:").contains("127.0.0.1");
		assertThat(r.err.strip().lines().count()).isEqualTo(1);
		assertThat(r.err + r.out).doesNotContain("hunter2-secret").doesNotContain("\tat ");
	}

	@Test
	void aDatabaseWithoutTheSpendLogIsRefusedInOneLine() throws Exception {
		Endpoint empty = TestDatabases.fresh("notlitellm");
		Result r = cli("run", "--config", config(empty).toString(), "--date", "2026-11-26");
		assertThat(r.exit).isEqualTo(4);
		assertThat(r.err.strip()).isEqualTo("spend-audit: error: the source database has no \"LiteLLM_SpendLogs\""
				+ " table: is spend-audit.source.url pointing at the LiteLLM proxy's database?");
	}

	@Test
	void runAuditsARangeDayByDayAndEnvironmentStyleSettingsWork() throws Exception {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("clirange")) {
			String key = KeyHash.of("sk-cli");
			db.writer().key(key, "vk-cli", "sk-...-cli");
			db.writer().spendLogs(List.of(
					Call.of("c1", key, "vk-cli", "m", "p", LocalDate.of(2026, 11, 1).atTime(1, 0), 1.5, 10, 1),
					Call.of("c2", key, "vk-cli", "m", "p", LocalDate.of(2026, 11, 3).atTime(1, 0), 2.5, 10, 1)));
			Path out = dir.resolve("out");
			Result r = cli("run", "--config", config(db.endpoint()).toString(), "--from", "2026-11-01", "--to",
					"2026-11-03", "--out", out.toString());
			assertThat(r.exit).as(r.err).isZero();
			assertThat(r.out.lines().filter(l -> l.startsWith("2026-11-0"))).hasSize(3);
			assertThat(DigestJson.read(out.resolve("digest-2026-11-01.json")).meteredUsd()).isEqualByComparingTo("1.5");
			assertThat(DigestJson.read(out.resolve("digest-2026-11-02.json")).meteredUsd()).isEqualByComparingTo("0");
			assertThat(DigestJson.read(out.resolve("digest-2026-11-03.json")).meteredUsd()).isEqualByComparingTo("2.5");
		}
	}

	private Path config(Endpoint db) throws Exception {
		return Files.writeString(dir.resolve("db-" + System.nanoTime() + ".yml"), """
				spend-audit:
				  source:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(db.url(), db.username(), db.password()));
	}

	record Result(int exit, String out, String err) {
	}

	static Result cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class);
		cli.setOut(new PrintWriter(out, true));
		cli.setErr(new PrintWriter(err, true));
		int exit = cli.execute(args);
		return new Result(exit, out.toString(), err.toString());
	}

	static final ZoneOffset UTC = ZoneOffset.UTC;

}
