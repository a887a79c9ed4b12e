package dev.spendaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.core.ExitCode;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken configuration files: each stops {@code run} before any work with exit code 3 and one line naming the
 * setting, the file and (where the file says) the line.
 */
class HostileConfigCliTests {

	@TempDir
	Path dir;

	@Test
	void aTypoNamesTheSettingTheFileAndTheLine() throws IOException {
		assertThat(SettingsValidationTests.runWith(dir, """
				spend-audit:
				  digest:
				    top-workloads: 3
				  anomalous:
				    max-request-ust: 10
				""")).contains("spend-audit.anomalous.max-request-ust").contains("settings.yml] - 5:");
	}

	@Test
	void aWrongTypeNamesTheSetting() throws IOException {
		assertThat(SettingsValidationTests.runWith(dir, """
				spend-audit:
				  anomalous:
				    max-request-usd: a lot
				""")).contains("spend-audit.anomalous.max-request-usd").contains("settings.yml] - 3:");
	}

	@Test
	void aNegativeLimitOrDurationNamesTheSetting() throws IOException {
		assertThat(SettingsValidationTests.runWith(dir, """
				spend-audit:
				  anomalous:
				    max-request-usd: -5
				""")).contains("spend-audit.anomalous.max-request-usd").contains("-5");
		assertThat(SettingsValidationTests.runWith(dir, """
				spend-audit:
				  freshness:
				    warn-age: -26h
				""")).contains("spend-audit.freshness.warn-age");
	}

	@Test
	void aYamlSyntaxErrorNamesTheFileAndTheLine() throws IOException {
		assertThat(SettingsValidationTests.runWith(dir, """
				spend-audit:
				  digest:
				    top-workloads: [3
				  zone: UTC
				""")).startsWith("spend-audit: error: broken YAML in " + dir.resolve("settings.yml") + " line 4 column 7:");
	}

	/** A --config that cannot be read is a bad command line (exit 2), as it always was; the path is named. */
	@Test
	void anUnreadableConfigPathIsNamed() throws IOException {
		// tests run as root, which reads any mode: a path under a regular file cannot be read by anyone
		Path file = Files.writeString(dir.resolve("plain-file"), "");
		for (Path config : new Path[] { file.resolve("spend-audit.yml"), dir }) {
			String err = run("--config", config.toString());
			assertThat(err).startsWith("spend-audit: --config " + config + ": no such readable file");
		}
	}

	/** An output folder under a regular file: exit 7 before any day is audited, naming the path. */
	@Test
	void anUnwritableOutputPathInTheFileIsNamed() throws IOException {
		Path file = Files.writeString(dir.resolve("plain-file"), "");
		try (LiteLlmDatabase db = LiteLlmDatabase.create("hostile-out")) {
			Path config = Files.writeString(dir.resolve("out.yml"), """
					spend-audit:
					  out: %s
					  source:
					    url: %s
					    username: %s
					    password: %s
					""".formatted(file.resolve("out"), db.endpoint().url(), db.endpoint().username(),
					db.endpoint().password()));
			StringWriter err = new StringWriter();
			CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class);
			cli.setErr(new PrintWriter(err));
			int exit = cli.execute("run", "--date", "2026-11-26", "--config", config.toString());
			assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OUTPUT.code());
			assertThat(err.toString()).contains(file.resolve("out").toString());
			assertThat(err.toString().lines().filter(l -> !l.isBlank())).as(err.toString()).hasSize(1);
		}
	}

	private String run(String... options) {
		StringWriter err = new StringWriter();
		CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class);
		cli.setErr(new PrintWriter(err));
		String[] args = new String[options.length + 5];
		System.arraycopy(new String[] { "run", "--date", "2026-11-26", "--out", dir.toString() }, 0, args, 0, 5);
		System.arraycopy(options, 0, args, 5, options.length);
		int exit = cli.execute(args);
		assertThat(exit).as(err.toString()).isEqualTo(ExitCode.USAGE.code());
		return err.toString();
	}

}
