package dev.spendaudit.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.StatusSchema;
import dev.spendaudit.testsupport.TestSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code spend-audit.digest.cadence} from the command line, mail read back from a real SMTP server: a quiet week
 * under {@code alerts} sends nothing (files every night, a log line and {@code HELD} in status for each day), then
 * an ALERT day is mailed at once, its subject saying why; a WATCH day is mailed only with {@code mail-on: WATCH};
 * {@code resend} mails a held day when asked. Each test keeps its own store schema.
 */
@ExtendWith(OutputCaptureExtension.class)
class CadenceIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	/** Each test's own server, so that what one test mails is not seen by another. */
	TestSmtp smtp;

	CapturedOutput output;

	@BeforeAll
	static void twoMonths() {
		db = MonthsOfTraffic.create("cadence");
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@BeforeEach
	void anSmtpServer(CapturedOutput output) {
		this.output = output;
		smtp = TestSmtp.start();
	}

	@AfterEach
	void stopIt() {
		smtp.close();
	}

	@Test
	void aQuietWeekUnderAlertsSendsNothingThenAnAlertDayIsMailedAtOnce() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "cadence_alerts", smtp.port(), """
				digest:
				  cadence: alerts
				""");
		LocalDate first = LocalDate.of(2026, 11, 14);
		for (LocalDate d = first; !d.isAfter(MonthsOfTraffic.WATCH_DAY); d = d.plusDays(1)) {
			CliIntegrationTests.Result r = cli("run", "--date", d.toString(), "--config", config.toString(), "--out",
					dir.toString());
			assertThat(r.exit()).as(r.err()).isZero();
			assertThat(dir.resolve("digest-" + d + ".json")).as("files are written whatever the cadence").exists();
			assertThat(dir.resolve("digest-" + d + ".eml")).exists();
			assertThat(smtp.received(d)).as("a quiet day under alerts is not mailed: " + d).isEmpty();
		}
		assertThat(lines()).contains("2026-11-14: digest not mailed: cadence alerts mails only days with an ALERT,"
				+ " the day is OK; written to " + dir.resolve("digest-2026-11-14.eml")
				+ " ('resend --date 2026-11-14' mails it)")
			.contains("2026-11-20: digest not mailed: cadence alerts mails only days with an ALERT, the day is WATCH;"
					+ " written to " + dir.resolve("digest-2026-11-20.eml") + " ('resend --date 2026-11-20' mails it)");
		assertThat(lines().stream().filter(l -> l.contains("digest not mailed: cadence alerts"))).hasSize(7);

		JsonNode status = JSON.readTree(cli("status", "--format", "json", "--config", config.toString()).out());
		assertThat(StatusSchema.violations(status)).isEmpty();
		assertThat(status.get("days")).hasSize(7);
		status.get("days").forEach(day -> assertThat(day.get("mail").asString()).as(day.toString()).isEqualTo("HELD"));
		assertThat(cli("status", "--config", config.toString()).out()).contains(" held ");

		CliIntegrationTests.Result alert = cli("run", "--date", MonthsOfTraffic.ALERT_DAY.toString(), "--config",
				config.toString(), "--out", dir.toString());
		assertThat(alert.exit()).as(alert.err()).isZero();
		List<jakarta.mail.internet.MimeMessage> mailed = smtp.received(MonthsOfTraffic.ALERT_DAY);
		assertThat(mailed).hasSize(1);
		assertThat(mailed.get(0).getSubject()).startsWith("[spend-audit] ALERT · 2026-11-24 · ");

		// a rerun of the ALERT day does not mail it twice; a rerun of a quiet day still holds it
		assertThat(cli("run", "--date", "2026-11-24", "--config", config.toString(), "--out", dir.toString()).exit())
			.isZero();
		assertThat(smtp.received(MonthsOfTraffic.ALERT_DAY)).hasSize(1);

		// resend is asking explicitly: it mails a held day
		CliIntegrationTests.Result resend = cli("resend", "--date", "2026-11-15", "--config", config.toString(),
				"--out", dir.toString());
		assertThat(resend.exit()).as(resend.err()).isZero();
		assertThat(smtp.received(LocalDate.of(2026, 11, 15))).hasSize(1);
		assertThat(smtp.received(LocalDate.of(2026, 11, 15)).get(0).getSubject())
			.startsWith("[spend-audit] 2026-11-15 · ");
	}

	@Test
	void aWatchDayIsMailedWithMailOnWatch() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "cadence_watch", smtp.port(), """
				digest:
				  cadence: alerts
				  mail-on: WATCH
				""");
		CliIntegrationTests.Result quiet = cli("run", "--date", "2026-11-19", "--config", config.toString(), "--out",
				dir.toString());
		assertThat(quiet.exit()).as(quiet.err()).isZero();
		CliIntegrationTests.Result watch = cli("run", "--date", "2026-11-20", "--config", config.toString(), "--out",
				dir.toString());
		assertThat(watch.exit()).as(watch.err()).isZero();
		assertThat(smtp.received(LocalDate.of(2026, 11, 19))).isEmpty();
		List<jakarta.mail.internet.MimeMessage> mailed = smtp.received(MonthsOfTraffic.WATCH_DAY);
		assertThat(mailed).hasSize(1);
		assertThat(mailed.get(0).getSubject()).startsWith("[spend-audit] WATCH · 2026-11-20 · ");
		assertThat(lines()).contains("2026-11-19: digest not mailed: cadence alerts mails only days with an ALERT or a"
				+ " WATCH, the day is OK; written to " + dir.resolve("digest-2026-11-19.eml")
				+ " ('resend --date 2026-11-19' mails it)");
	}

	@Test
	void aWrongCadenceOrMailOnIsNamed() {
		Path cadence = MonthsOfTraffic.config(dir, db, "cadence_wrong", smtp.port(), """
				digest:
				  cadence: hourly
				""");
		CliIntegrationTests.Result r = cli("run", "--date", "2026-11-19", "--config", cadence.toString(), "--out",
				dir.toString());
		assertThat(r.exit()).isEqualTo(3);
		assertThat(r.err()).contains("spend-audit.digest.cadence").contains("hourly");
		Path info = MonthsOfTraffic.config(dir, db, "cadence_wrong", smtp.port(), """
				digest:
				  mail-on: INFO
				""");
		CliIntegrationTests.Result i = cli("run", "--date", "2026-11-19", "--config", info.toString(), "--out",
				dir.toString());
		assertThat(i.exit()).isEqualTo(3);
		assertThat(i.err()).contains("spend-audit.digest.mail-on must be ALERT or WATCH, not INFO");
	}

	/** The mail lines the runs logged, without the time and level. */
	private List<String> lines() {
		return output.getAll()
			.lines()
			.filter(l -> l.contains("DeliveryStepConfiguration - "))
			.map(l -> l.substring(l.indexOf("DeliveryStepConfiguration - ") + "DeliveryStepConfiguration - ".length()))
			.toList();
	}

}
