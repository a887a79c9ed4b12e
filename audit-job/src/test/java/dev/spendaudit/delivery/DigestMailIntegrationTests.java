package dev.spendaudit.delivery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.DigestSchema;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.MailParts;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.spendaudit.store.jooq.Tables.SENT_DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest as its reader gets it: a real PostgreSQL with LiteLLM-shaped rows, the whole job, and GreenMail as
 * the SMTP server. Checks the MIME structure, the numbers against the day's JSON, escaping, and that each day is
 * mailed once across reruns and crashes.
 */
class DigestMailIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	/** A day with a feature's ALERT finding and its own section. */
	static final LocalDate ALERT_DAY = LocalDate.of(2026, 11, 10);

	static final LocalDate CRASH_DAY = LocalDate.of(2026, 11, 12);

	static final LocalDate MID_SEND_CRASH_DAY = LocalDate.of(2026, 11, 13);

	static final String XSS = "<img src=x onerror=alert(1)>";

	static LiteLlmDatabase db;

	static TestSmtp smtp;

	static AuditApp app;

	static Path out;

	static DayResult result;

	static MimeMessage mail;

	static MailParts parts;

	@BeforeAll
	static void auditAWeekThenMailTheDay(@TempDir Path dir) {
		out = dir;
		db = LiteLlmDatabase.create("digestmail");
		String alpha = key("sk-alpha", "vk-alpha");
		String xss = key("sk-xss", XSS);
		String beta = key("sk-beta", "vk-beta");
		String gamma = key("sk-gamma", "vk-gamma");
		String delta = key("sk-delta", "vk-delta");
		List<Call> calls = new ArrayList<>();
		// 19 Nov has spend but is never audited: it must not count in any average
		for (LocalDate d = DAY.minusDays(7); d.isBefore(DAY); d = d.plusDays(1)) {
			calls.add(call("h-" + d, alpha, "vk-alpha", "gpt-4.1-mini", "openai", d, 0.30));
		}
		calls.add(call("a-1", alpha, "vk-alpha", "gpt-4.1-mini", "openai", DAY, 20.00));
		calls.add(call("a-2", alpha, "vk-alpha", "gpt-4.1-mini", "openai", DAY, 20.00));
		calls.add(call("a-3", alpha, "vk-alpha", "claude-sonnet-4", "anthropic", DAY, 21.00));
		calls.add(call("x-1", xss, XSS, "gpt-4.1-mini", "openai", DAY, 0.10));
		calls.add(call("b-1", beta, "vk-beta", "gpt-4.1-mini", "openai", DAY, 0.05));
		calls.add(call("g-1", gamma, "vk-gamma", "gpt-4.1-mini", "openai", DAY, 0.03));
		calls.add(call("d-1", delta, "vk-delta", "gpt-4.1-mini", "openai", DAY, 0.02));
		for (LocalDate d : List.of(ALERT_DAY, CRASH_DAY, MID_SEND_CRASH_DAY)) {
			calls.add(call("o-" + d, alpha, "vk-alpha", "gpt-4.1-mini", "openai", d, 1.00));
		}
		db.writer().spendLogs(calls);
		smtp = TestSmtp.start();
		Map<String, String> settings = new java.util.HashMap<>(smtp.settings("ops@example.org", "cfo@example.org"));
		settings.put("spend-audit.digest.top-workloads", "3");
		app = AuditApp.start(db.endpoint(), Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC),
				settings, Map.of("probeSection", new ProbeSection(), "probeRule", new ProbeRule()));
		for (LocalDate d = DAY.minusDays(6); d.isBefore(DAY); d = d.plusDays(1)) {
			assertThat(app.run(d, out).succeeded()).isTrue();
		}
		result = app.run(DAY, new RunOptions(out, true, false, null));
		assertThat(result.failure()).isNull();
		assertThat(smtp.received(DAY)).hasSize(1);
		mail = smtp.received(DAY).get(0);
		parts = MailParts.of(mail);
	}

	@AfterAll
	static void close() {
		app.close();
		smtp.close();
		db.close();
	}

	@Test
	void theMailIsTextAndHtmlAlternativesWithInlineImagesByContentId() throws Exception {
		// MailParts checks multipart/alternative [text/plain, multipart/related [text/html, image/png...]]
		assertThat(parts.imagesByContentId()).hasSizeGreaterThanOrEqualTo(2);
		assertThat(parts.referencedContentIds()).containsExactlyInAnyOrderElementsOf(parts.imagesByContentId().keySet());
		assertThat(parts.dispositionsByContentId().values()).containsOnly("inline");
		for (byte[] png : parts.imagesByContentId().values()) {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
			assertThat(image).isNotNull();
			assertThat(image.getWidth()).isGreaterThanOrEqualTo(300);
		}
		assertThat(parts.html()).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
		assertThat(mail.getFrom()[0].toString()).isEqualTo(TestSmtp.FROM);
		assertThat(mail.getAllRecipients()).extracting(Object::toString)
			.containsExactly("ops@example.org", "cfo@example.org");
		assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(smtp.copies().stream().filter(m -> id(m).equals(id(mail)))).as("one copy per recipient").hasSize(2);
	}

	@Test
	void theSubjectStatesTheVerdictAndTheMoney() throws Exception {
		// $0.30 a day, then $61.20: detection (issue 4) raises the spike, so the verdict is an ALERT
		assertThat(mail.getSubject()).startsWith("[spend-audit] 2026-11-26 · $61.20 metered (7-day avg $")
			.containsPattern("· \\d+ ALERT");
	}

	@Test
	void theNumbersShownAreTheDaysJson() {
		DigestJson json = DigestJson.read(result.digestJson());
		assertThat(DigestSchema.violations(json.root())).isEmpty();
		assertThat(json.meteredUsd()).isEqualByComparingTo("61.20");
		String html = parts.visibleHtml();
		String text = parts.text();
		String total = Quantities.usd(json.meteredUsd());
		assertThat(total).isEqualTo("$61.20");
		assertThat(html).contains(total + " metered").contains("7 requests · 0 failed");
		assertThat(text).contains("Metered spend: " + total);
		// the top 3 workloads by name, with their models, then one "others" row for the two left
		JsonNode alpha = json.workload("vk-alpha");
		String alphaRow = "vk-alpha " + Quantities.usd(alpha.get("usd").decimalValue()) + " "
				+ Quantities.share(alpha.get("usd").decimalValue(), json.meteredUsd()) + " "
				+ alpha.get("requests").asLong()
				+ " " + alpha.get("failedRequests").asLong() + " 3K 300";
		assertThat(alphaRow).isEqualTo("vk-alpha $61.00 100% 3 0 3K 300");
		assertThat(html).contains(alphaRow)
			.contains("gpt-4.1-mini · openai $40.00 65% 2 2K 200")
			.contains("claude-sonnet-4 · anthropic $21.00 34% 1 1K 100")
			.contains(XSS + " gpt-4.1-mini · openai $0.10 0.2% 1 0")
			.contains("vk-beta gpt-4.1-mini · openai $0.05 0.1% 1 0")
			.contains("Others (2 workloads) $0.05 0.1% 2 0")
			.contains("Total $61.20 100% 7 0 7K 700");
		assertThat(html.substring(html.indexOf("Spend by workload"))).doesNotContain("vk-gamma");
		assertThat(text).containsPattern("vk-alpha +\\$61\\.00 +100% +3 +0 +3K +300")
			.containsPattern("Others \\(2 workloads\\) +\\$0\\.05 +0\\.1% +2 +0");
		// against the days before it, which detection has rolled up as history
		JsonNode history = json.root().get("history");
		assertThat(history.get("previousDay").get("usd").decimalValue()).isEqualByComparingTo("0.30");
		// detection (issue 4) rolls up the 35 days before the audited day, so the quiet 19 Nov counts as $0
		assertThat(history.get("last7Days").get("auditedDays").asInt()).isEqualTo(7);
		assertThat(history.get("last7Days").get("averageUsd").decimalValue()).isEqualByComparingTo("0.30");
		assertThat(history.get("last30Days").get("auditedDays").asInt()).isEqualTo(30);
		assertThat(html).contains("vs the day before +20,300% from $0.30 Wed 25 Nov")
			.contains("all 7 days audited")
			.contains("all 30 days audited");
		// the footer: when the data ends, the run, the command that reruns the day
		assertThat(html).contains("newest spend-log row 2026-11-26 12:00 UTC")
			.contains("Run " + result.executionId())
			.contains("java -jar spend-audit.jar run --date 2026-11-26");
		assertThat(text).contains("Rerun this day: java -jar spend-audit.jar run --date 2026-11-26");
	}

	@Test
	void everyValueFromTheDatabaseIsEscaped() {
		assertThat(parts.html()).contains("&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<img src=x")
			.doesNotContain("onerror=alert(1)>");
		long imgTags = parts.html().split("<img ", -1).length - 1;
		assertThat(imgTags).as("only the digest's own images").isEqualTo(parts.imagesByContentId().size());
		assertThat(parts.text()).contains(XSS);
	}

	@Test
	void theFilesNextToTheJsonAreTheMail() throws Exception {
		Path html = out.resolve("digest-2026-11-26.html");
		Path text = out.resolve("digest-2026-11-26.txt");
		Path eml = out.resolve("digest-2026-11-26.eml");
		assertThat(html).exists();
		assertThat(Files.readString(text)).isEqualTo(parts.text().replace("\r\n", "\n"));
		MimeMessage stored;
		try (var in = Files.newInputStream(eml)) {
			stored = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
		}
		assertThat(stored.getMessageID()).isEqualTo(mail.getMessageID());
		assertThat(stored.getSubject()).isEqualTo(mail.getSubject());
		// the HTML file shows the same page, its images read from the PNGs beside it
		String file = Files.readString(html);
		assertThat(file).doesNotContain("cid:");
		assertThat(MailParts.visible(file)).isEqualTo(parts.visibleHtml());
		for (String cid : parts.imagesByContentId().keySet()) {
			String name = "digest-2026-11-26-" + cid.substring(0, cid.indexOf('.')) + ".png";
			assertThat(file).contains("src=\"" + name + "\"");
			assertThat(Files.readAllBytes(out.resolve(name))).isEqualTo(parts.imagesByContentId().get(cid));
		}
	}

	@Test
	void aDayIsMailedOnceAcrossRerunsAndAgainOnlyWhenAskedTo(@TempDir Path dir) {
		assertThat(app.run(DAY, mailing(dir, false)).succeeded()).isTrue();
		assertThat(app.run(DAY, mailing(dir, false)).succeeded()).isTrue();
		assertThat(smtp.received(DAY)).as("reruns do not mail the day again").hasSize(1);
		assertThat(app.store().fetchCount(SENT_DIGEST, SENT_DIGEST.AUDIT_DATE.eq(DAY))).isEqualTo(1);

		assertThat(app.run(DAY, mailing(dir, true)).succeeded()).isTrue();
		assertThat(smtp.received(DAY)).as("--resend mails it again, as a new message").hasSize(2);
		assertThat(app.store()
			.fetchCount(SENT_DIGEST, SENT_DIGEST.AUDIT_DATE.eq(DAY).and(SENT_DIGEST.STATUS.eq("SENT")))).isEqualTo(2);
	}

	@Test
	void aFeaturesFindingsAndSectionRenderAndSetTheVerdict(@TempDir Path dir) throws Exception {
		DayResult alert = app.run(ALERT_DAY, mailing(dir, false));
		assertThat(alert.failure()).isNull();
		MimeMessage m = smtp.received(ALERT_DAY).get(0);
		assertThat(m.getSubject()).startsWith("[spend-audit] 2026-11-10 · $1.00 metered").contains("· 1 ALERT");
		MailParts p = MailParts.of(m);
		assertThat(p.visibleHtml()).contains("ALERT 1 alert · 1 to watch $1.00 metered 1 request · 0 failed")
			.contains("ALERT PROBE_SPIKE workload:" + XSS + " vk-alpha spent 10x its usual")
			.contains("actual $1.00 · baseline $0.10")
			.contains("Probe section probe note: " + XSS + " (also " + XSS + ")")
			.contains("vs the day before new from $0.00 Mon 9 Nov")
			.contains("vs 7-day average new from $0.00");
		assertThat(p.html()).doesNotContain("<img src=x");
		assertThat(p.text()).contains("[ALERT] PROBE_SPIKE · workload:" + XSS)
			.contains("PROBE SECTION")
			.contains("probe note: " + XSS);
		assertThat(DigestJson.read(alert.digestJson()).root().get("status").asString()).isEqualTo("ALERT");
	}

	@Test
	void aCrashBetweenRenderingAndSendingIsMailedOnceByTheNextRun(@TempDir Path dir) {
		// the run rendered the day (files and .eml written) and died before sending: nothing recorded
		DayResult crashed = app.run(CRASH_DAY, new RunOptions(dir, false, false, null));
		assertThat(dir.resolve("digest-2026-11-12.eml")).exists();
		leaveAsCrashed(crashed.executionId());

		DayResult next = app.run(CRASH_DAY, mailing(dir, false));
		assertThat(next.failure()).isNull();
		assertThat(jobInstance(next.executionId())).as("the crashed run was restarted")
			.isEqualTo(jobInstance(crashed.executionId()));
		assertThat(smtp.received(CRASH_DAY)).hasSize(1);

		assertThat(app.run(CRASH_DAY, mailing(dir, false)).succeeded()).isTrue();
		assertThat(smtp.received(CRASH_DAY)).hasSize(1);
	}

	@Test
	void aCrashInTheMiddleOfSendingResendsUnderTheSameMessageId(@TempDir Path dir) throws Exception {
		DayResult crashed = app.run(MID_SEND_CRASH_DAY, new RunOptions(dir, false, false, null));
		Path eml = dir.resolve("digest-2026-11-13.eml");
		String messageId;
		try (var in = Files.newInputStream(eml)) {
			messageId = new MimeMessage(Session.getInstance(new java.util.Properties()), in).getMessageID();
		}
		// the SMTP conversation had started (SENDING recorded) when the process died
		app.store()
			.insertInto(SENT_DIGEST)
			.set(SENT_DIGEST.MESSAGE_ID, messageId)
			.set(SENT_DIGEST.AUDIT_DATE, MID_SEND_CRASH_DAY)
			.set(SENT_DIGEST.RECIPIENTS, "ops@example.org, cfo@example.org")
			.set(SENT_DIGEST.SUBJECT, "crashed")
			.set(SENT_DIGEST.STATUS, "SENDING")
			.set(SENT_DIGEST.ATTEMPTS, 1)
			.set(SENT_DIGEST.FIRST_ATTEMPT_UTC, LocalDateTime.of(2026, 11, 27, 5, 0))
			.execute();
		leaveAsCrashed(crashed.executionId());

		assertThat(app.run(MID_SEND_CRASH_DAY, mailing(dir, false)).failure()).isNull();
		List<MimeMessage> received = smtp.received(MID_SEND_CRASH_DAY);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getMessageID()).isEqualTo(messageId);
		var row = app.store().fetchOne(SENT_DIGEST, SENT_DIGEST.MESSAGE_ID.eq(messageId));
		assertThat(row.getStatus()).isEqualTo("SENT");
		assertThat(row.getAttempts()).isEqualTo(2);
		assertThat(row.getSentUtc()).isEqualTo(LocalDateTime.of(2026, 11, 27, 6, 0));
	}

	/** What a killed process leaves in Spring Batch's tables: the run and its last step still STARTED. */
	static void leaveAsCrashed(long executionId) {
		app.store()
			.execute("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null"
					+ " where job_execution_id = ?", executionId);
		app.store()
			.execute("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', end_time = null"
					+ " where job_execution_id = ? and step_name = 'sendDigest'", executionId);
	}

	static long jobInstance(long executionId) {
		return app.store()
			.fetchValue("select job_instance_id from batch_job_execution where job_execution_id = ?", executionId)
			instanceof Number n ? n.longValue() : -1;
	}

	static RunOptions mailing(Path dir, boolean resend) {
		return new RunOptions(dir, true, resend, null);
	}

	static String id(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String key(String raw, String alias) {
		String hash = KeyHash.of(raw);
		db.writer().key(hash, alias, "sk-..." + raw.substring(raw.length() - 4));
		return hash;
	}

	static Call call(String id, String key, String alias, String model, String provider, LocalDate day, double usd) {
		return Call.of(id, key, alias, model, provider, day.atTime(12, 0), usd, 1000, 100);
	}

	/**
	 * A stand-in for a feature's section: a section of its own, on ALERT_DAY only. Public, as a section's records
	 * must be: Freemarker reads only public types.
	 */
	public static final class ProbeSection implements DigestSection {

		public record Note(String note) {
		}

		@Override
		public Map<String, Object> fields(DigestDocument core) {
			return core.date().equals(ALERT_DAY) ? Map.of("probe", new Note(XSS)) : Map.of();
		}

	}

	/** A stand-in for a feature's rule: one ALERT on ALERT_DAY only, which the digest shows and which sets the verdict. */
	static final class ProbeRule implements FindingRule {

		@Override
		public List<FindingKind> kinds() {
			return List.of(new FindingKind("PROBE_SPIKE", 5));
		}

		@Override
		public List<Detected> findings(RuleDay day) {
			return day.date().equals(ALERT_DAY)
					? List.of(Detected.of("PROBE_SPIKE", Severity.ALERT, "workload:" + XSS, new BigDecimal("1.00"),
							new BigDecimal("0.10"), "vk-alpha spent 10x its usual", null))
					: List.of();
		}

	}

}
