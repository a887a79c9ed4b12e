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
 * A mistake in {@code spend-audit.notify.*} stops {@code run} before any work with exit 3 and one line naming the
 * webhook's index, never its URL.
 */
class WebhookSettingsCliTests {

	@TempDir
	Path dir;

	@Test
	void aWrongFormatNamesTheWebhooksIndex() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: https://hooks.slack.com/services/T0001/B0002/sEcReT
				        format: slack
				      - url: https://ntfy.sh/sEcReT-topic
				        format: pager
				""")).contains("spend-audit.notify.webhooks[1].format").contains("pager").doesNotContain("sEcReT");
	}

	@Test
	void aMisspeltWebhookSettingIsRefused() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: https://ntfy.sh/sEcReT-topic
				        format: ntfy
				        on-resolved: true
				""")).contains("unknown setting").contains("on-resolved");
	}

	@Test
	void aBadUrlIsNamedButNotShown() throws IOException {
		assertThat(runWith("""
				spend-audit:
				  notify:
				    webhooks:
				      - url: hooks.slack.com/services/sEcReT
				        format: slack
				""")).contains("spend-audit.notify.webhooks[0].url").doesNotContain("sEcReT");
	}

	/** Runs {@code run --config FILE} and returns what it printed on standard error; the exit code must be 3. */
	private String runWith(String yaml) throws IOException {
		Path config = Files.writeString(dir.resolve("settings.yml"), yaml
				+ "  source:\n    url: jdbc:postgresql://127.0.0.1:1/never-contacted\n");
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
