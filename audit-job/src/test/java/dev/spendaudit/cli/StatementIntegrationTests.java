package dev.spendaudit.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.spendaudit.testsupport.HeadlessChromium;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.MailParts;
import dev.spendaudit.testsupport.StatementSchema;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month's and the week's statements, mail read back from a real SMTP server: the monthly statement mailed
 * exactly once across reruns, the next nights and the {@code statement} command; the weekly one under
 * {@code digest.cadence: weekly}, with an ALERT day still mailed at once; the command's four files and its JSON
 * against the schema; a period with days missing from the store says so. Each test keeps its own store schema.
 */
class StatementIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	TestSmtp smtp;

	@BeforeAll
	static void twoMonths() {
		db = MonthsOfTraffic.create("statement");
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@BeforeEach
	void anSmtpServer() {
		smtp = TestSmtp.start();
	}

	@AfterEach
	void stopIt() {
		smtp.close();
	}

	@Test
	void theMonthlyStatementIsMailedExactlyOnceOnTheFirstAuditedNightOfTheMonth() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "stmt_monthly", smtp.port(), "");
		// the store's first audited night is the first of November's: October's statement, with its missing days
		assertThat(run(config, "2026-11-30").exit()).isZero();
		assertThat(smtp.statements("2026-10")).hasSize(1);
		assertThat(smtp.statements("2026-10").get(0).getSubject()).startsWith("[spend-audit] statement · October 2026")
			.endsWith(" · days missing");
		assertThat(run(config, "2026-11-29").exit()).isZero();
		assertThat(smtp.statements("2026-10")).as("a rerun of an older day mails no statement").hasSize(1);

		assertThat(run(config, "2026-12-01").exit()).isZero();
		List<MimeMessage> mailed = smtp.statements("2026-11");
		assertThat(mailed).hasSize(1);
		assertThat(mailed.get(0).getSubject()).startsWith("[spend-audit] statement · November 2026 · $");
		MailParts parts = MailParts.of(mailed.get(0));
		assertThat(parts.text()).contains("November 2026").contains("vk-beta").contains("TOP MOVERS");
		assertThat(parts.html()).contains("vk-alpha").contains("prefers-color-scheme: dark").doesNotContain("<script");
		assertThat(smtp.received(LocalDate.of(2026, 12, 1))).as("the day's digest too, as every day").hasSize(1);
		assertThat(dir.resolve("statement-2026-11.eml")).exists();

		// a rerun, the next night, a rerun with --resend and the command with --send: never a second time
		assertThat(run(config, "2026-12-01").exit()).isZero();
		assertThat(run(config, "2026-12-02").exit()).isZero();
		assertThat(cli("run", "--date", "2026-12-01", "--resend", "--config", config.toString(), "--out",
				dir.toString()).exit()).isZero();
		CliIntegrationTests.Result command = cli("statement", "--month", "2026-11", "--send", "--config",
				config.toString(), "--out", dir.toString());
		assertThat(command.exit()).as(command.err()).isZero();
		assertThat(command.out()).contains("2026-11  statement 2026-11 already mailed").contains("not mailing it again");
		assertThat(smtp.statements("2026-11")).hasSize(1);
		assertThat(smtp.received(LocalDate.of(2026, 12, 1))).as("--resend is the digest's, not the statement's")
			.hasSize(2);
	}

	@Test
	void weeklyCadenceMailsTheWeeklyStatementAndAnAlertDayAtOnce() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "stmt_weekly", smtp.port(), """
				digest:
				  cadence: weekly
				statement:
				  monthly: false
				""");
		// the first audited night of week 47: week 46's statement; the quiet Sunday's digest is held
		assertThat(run(config, "2026-11-22").exit()).isZero();
		assertThat(smtp.statements("2026-W46")).hasSize(1);
		assertThat(smtp.received(LocalDate.of(2026, 11, 22))).isEmpty();
		assertThat(run(config, "2026-11-23").exit()).isZero();
		List<MimeMessage> weekly = smtp.statements("2026-W47");
		assertThat(weekly).hasSize(1);
		assertThat(weekly.get(0).getSubject()).startsWith("[spend-audit] weekly · 2026-W47 · ");
		assertThat(MailParts.of(weekly.get(0)).text()).contains("week 2026-W47 (16 Nov – 22 Nov 2026)");
		assertThat(smtp.received(LocalDate.of(2026, 11, 23))).as("a quiet day's digest is held").isEmpty();

		assertThat(run(config, MonthsOfTraffic.ALERT_DAY.toString()).exit()).isZero();
		List<MimeMessage> alert = smtp.received(MonthsOfTraffic.ALERT_DAY);
		assertThat(alert).hasSize(1);
		assertThat(alert.get(0).getSubject()).startsWith("[spend-audit] ALERT · 2026-11-24 · ");
		assertThat(run(config, "2026-11-23").exit()).isZero();
		assertThat(smtp.statements("2026-W47")).as("once per week").hasSize(1);
		assertThat(smtp.statements("2026-W46")).hasSize(1);
		assertThat(smtp.copies()).as("two weekly statements and the ALERT day").hasSize(3);
	}

	@Test
	void theCommandWritesTheFourFilesAndItsJsonConformsToTheSchema() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "stmt_command", smtp.port(), "");
		assertThat(cli("run", "--date", "2026-12-01", "--no-send", "--config", config.toString(), "--out",
				dir.toString()).exit()).isZero();
		Path out = dir.resolve("statements");
		CliIntegrationTests.Result r = cli("statement", "--month", "2026-11", "--config", config.toString(), "--out",
				out.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		for (String ext : List.of("json", "html", "txt", "eml")) {
			assertThat(out.resolve("statement-2026-11." + ext)).exists();
		}
		assertThat(smtp.copies()).as("without --send the command mails nothing").isEmpty();
		JsonNode s = JSON.readTree(Files.readString(out.resolve("statement-2026-11.json")));
		assertThat(StatementSchema.violations(s)).isEmpty();
		assertThat(s.get("period").asString()).isEqualTo("2026-11");
		assertThat(s.get("from").asString()).isEqualTo("2026-11-01");
		assertThat(s.get("to").asString()).isEqualTo("2026-11-30");
		// 30 days of $1 and $2, plus the $2.50 and the $60 of vk-alpha; the $30 plan, a whole month
		assertThat(s.get("meteredUsd").decimalValue()).isEqualByComparingTo("152.5");
		assertThat(s.get("subscriptionsUsd").decimalValue()).isEqualByComparingTo("30");
		assertThat(s.get("totalUsd").decimalValue()).isEqualByComparingTo("182.5");
		JsonNode top = s.get("workloads").get(0);
		assertThat(top.get("workload").asString()).isEqualTo("vk-alpha");
		assertThat(top.get("usd").decimalValue()).isEqualByComparingTo("92.5");
		assertThat(top.get("share").decimalValue()).isEqualByComparingTo(new BigDecimal("0.6066"));
		assertThat(top.get("models").get(0).get("model").asString()).isEqualTo("gpt-4.1-mini");
		JsonNode plan = s.get("plans").get(0);
		assertThat(plan.get("name").asString()).isEqualTo("GLM Coding");
		assertThat(plan.get("tokens").asLong()).isEqualTo(30 * 50_000L);
		assertThat(plan.get("usdPerMillionTokens").decimalValue()).isEqualByComparingTo("20");
		assertThat(s.get("days").get("stored").asInt()).isEqualTo(30);
		assertThat(s.get("days").get("missing")).isEmpty();
		// the first night rolled up the 35 days before it: October is only partly in the store, and it says so
		assertThat(s.get("previous").get("days").get("stored").asInt()).isEqualTo(5);
		assertThat(s.get("note").asString()).isEqualTo("26 of the 31 days of 2026-10, the period it is compared with,"
				+ " are not in the store.");
		assertThat(s.get("movers").size()).isBetween(1, 3);
		// the HTML as a browser lays it out: the month, its biggest workload, the plan, and nothing that runs
		String dom = HeadlessChromium.dumpDom(out.resolve("statement-2026-11.html"), dir);
		assertThat(dom).contains("<title>").contains("November 2026").contains("vk-alpha").contains("GLM Coding")
			.contains("$182.50")
			.doesNotContainIgnoringCase("<script");

		CliIntegrationTests.Result october = cli("statement", "--month", "2026-10", "--config", config.toString(),
				"--out", out.toString());
		assertThat(october.exit()).as(october.err()).isZero();
		JsonNode o = JSON.readTree(Files.readString(out.resolve("statement-2026-10.json")));
		assertThat(StatementSchema.violations(o)).isEmpty();
		assertThat(o.get("note").asString()).startsWith("26 of the 31 days of 2026-10 are not in the store"
				+ " (2026-10-01 .. 2026-10-26): its figures leave them out");
		assertThat(Files.readString(out.resolve("statement-2026-10.txt"))).contains("DAYS MISSING");

		CliIntegrationTests.Result week = cli("statement", "--week", "2026-W48", "--config", config.toString(),
				"--out", out.toString());
		assertThat(week.exit()).as(week.err()).isZero();
		JsonNode w = JSON.readTree(Files.readString(out.resolve("statement-2026-W48.json")));
		assertThat(StatementSchema.violations(w)).isEmpty();
		assertThat(w.get("from").asString()).isEqualTo("2026-11-23");
		assertThat(w.get("kind").asString()).isEqualTo("week");
	}

	@Test
	void aBadPeriodIsNamed() {
		CliIntegrationTests.Result month = cli("statement", "--month", "2026-13");
		assertThat(month.exit()).isEqualTo(2);
		assertThat(month.err()).contains("--month '2026-13' is not a month (expected YYYY-MM, e.g. 2026-11)");
		CliIntegrationTests.Result week = cli("statement", "--week", "2026-W54");
		assertThat(week.exit()).isEqualTo(2);
		assertThat(week.err()).contains("--week '2026-W54' is not an ISO week");
		assertThat(cli("statement", "--month", "2026-11", "--week", "2026-W48").exit()).isEqualTo(2);
		assertThat(cli("--help").out()).contains("statement");
	}

	private CliIntegrationTests.Result run(Path config, String date) {
		CliIntegrationTests.Result r = cli("run", "--date", date, "--config", config.toString(), "--out",
				dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		return r;
	}

}
