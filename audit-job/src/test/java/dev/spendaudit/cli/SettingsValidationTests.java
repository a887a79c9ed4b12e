package dev.spendaudit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.spendaudit.SpendAuditApplication;
import dev.spendaudit.core.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistake in the blind-spot settings stops the run before any work, with one line naming the setting's path.
 */
class SettingsValidationTests {

	@TempDir
	Path dir;

	@Test
	void negativeFeeNamesItsPath() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  subscriptions:
				    - name: ok
				      fee-usd: 10
				      period: monthly
				      models: [glm-*]
				    - name: refund
				      fee-usd: -5
				      period: monthly
				      models: [kimi-*]
				""")).contains("spend-audit.subscriptions[1].fee-usd").contains("negative").doesNotContain("\tat ");
	}

	@Test
	void unknownPeriodNamesItsPath() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  subscriptions:
				    - name: weekly plan
				      fee-usd: 5
				      period: weekly
				      models: [glm-*]
				""")).contains("spend-audit.subscriptions[0].period").contains("weekly");
	}

	@Test
	void emptyModelListNamesItsPath() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  subscriptions:
				    - name: nothing
				      fee-usd: 5
				      period: yearly
				      models: []
				""")).contains("spend-audit.subscriptions[0].models");
	}

	@Test
	void badDateNamesItsPath() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  subscriptions:
				    - name: dated
				      fee-usd: 5
				      period: monthly
				      models: [glm-*]
				      starts: 1st of May
				""")).contains("spend-audit.subscriptions[0].starts");
	}

	@Test
	void retiringKeyNeedsAKeyAndPositiveQuietDays() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  retiring-keys:
				    - key: vk-mac-shared
				      quiet-days: 0
				""")).contains("spend-audit.retiring-keys[0].quiet-days");
	}

	@Test
	void freshnessAgesMustBeOrdered() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  freshness:
				    warn-age: 40h
				    error-age: 30h
				""")).contains("spend-audit.freshness.error-age");
	}

	@Test
	void misspeltSettingIsRefused() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  retiring-keys:
				    - key: vk-old
				      quiet-dayz: 3
				""")).contains("unknown setting").contains("quiet-dayz");
	}

	@Test
	void lockWaitAndStatementTimeoutMustNotBeNegative() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  lock-wait: -5s
				""")).contains("spend-audit.lock-wait").doesNotContain("\tat ");
		assertThat(runWith("""
				spend-audit:
				  source:
				    statement-timeout: 0s
				""")).contains("spend-audit.source.statement-timeout").contains("positive");
	}

	@Test
	void aProviderKeyInTheFileIsRefusedNamingTheVariableToUse() throws IOException {
		String key = "sk-ant-admin01-Cfg-8d2e4a6c0b";
		assertThat(runWith("""
				spend-audit:
				  reconcile:
				    anthropic:
				      admin-key: %s
				""".formatted(key))).contains("spend-audit.reconcile.anthropic.admin-key is set in ")
			.contains("settings.yml:4")
			.contains("set SPEND_AUDIT_RECONCILE_ANTHROPIC_ADMIN_KEY instead")
			.doesNotContain(key);
	}

	private String runWith(String yaml) throws IOException {
		return runWith(dir, yaml);
	}

	/**
	 * Runs {@code run --config FILE} with {@code yaml} written in {@code dir} and returns what it printed on standard
	 * error: one line, and the exit code must be 3.
	 */
	static String runWith(Path dir, String yaml) throws IOException {
		String source = "    url: jdbc:postgresql://127.0.0.1:1/never-contacted\n";
		// a file that sets a source setting of its own gets the URL in its source block
		Path config = Files.writeString(dir.resolve("settings.yml"), yaml.contains("  source:\n")
				? yaml.replace("  source:\n", "  source:\n" + source) : yaml + "  source:\n" + source);
		StringWriter err = new StringWriter();
		CommandLine cli = SpendAuditCommand.commandLine(SpendAuditApplication.class);
		cli.setErr(new PrintWriter(err));
		int exit = cli.execute("run", "--date", "2026-11-26", "--out", dir.toString(), "--config", config.toString());
		String printed = err.toString();
		assertThat(exit).as(printed).isEqualTo(ExitCode.CONFIG.code());
		assertThat(printed.lines().filter(l -> !l.isBlank()).count()).as(printed).isEqualTo(1);
		return printed;
	}

}
