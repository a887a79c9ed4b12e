package dev.spendaudit.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.spendaudit.db.DatabaseEndpoints.Endpoint;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.schedule.RunOptions;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.ChildRun;
import dev.spendaudit.testsupport.DigestJson;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.MutableClock;
import dev.spendaudit.testsupport.StoredDay;
import dev.spendaudit.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run --date D} in a real child JVM with mail configured, killed with SIGKILL at every step boundary, in the
 * middle of the day's rollup and between the SMTP server's acceptance and the SENT record. After each kill a plain
 * rerun finishes the day with exactly what an uninterrupted run of the same day stored and wrote (a second store
 * schema on the same LiteLLM database audits every day without interruption), the store holds one copy of the
 * day, and the inbox holds one message for it (two copies of one Message-ID only after the kill that SMTP cannot
 * tell from a lost answer). Each kill point has a day of its own, audited in date order in both stores.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledMidRunIntegrationTests {

	static final LocalDate FIRST = LocalDate.of(2026, 11, 10);

	/** Where the child is killed: each point is one day, {@code FIRST} plus its index. */
	static final List<String> POINTS = List.of("readDay:before", "readDay:mid", "checkFreshness:before",
			"costSubscriptions:before", "watchKeys:before", "detectFindings:before", "writeDigest:before",
			"notifyWebhooks:before", "sendDigest:before", "sendDigest:accepted", "pruneStore:before",
			"pruneStore:after");

	static final String REFERENCE = "sa_reference";

	LiteLlmDatabase db;

	TestSmtp smtp;

	TestSmtp referenceSmtp;

	MutableClock clock = new MutableClock(night(FIRST));

	AuditApp rerun;

	Path referenceOut;

	@TempDir
	Path dir;

	@BeforeAll
	void aMonthOfTrafficAuditedWithoutInterruption(@TempDir Path referenceOut) {
		db = ReliabilityTraffic.create("killed", FIRST.minusDays(45), FIRST.plusDays(POINTS.size()));
		smtp = TestSmtp.start();
		referenceSmtp = TestSmtp.start();
		MutableClock referenceClock = new MutableClock(night(FIRST));
		Map<String, String> settings = new LinkedHashMap<>(referenceSmtp.settings("ops@example.org"));
		settings.put("spend-audit.store.schema", REFERENCE);
		try (AuditApp reference = AuditApp.start(db.endpoint(), referenceClock, settings)) {
			for (int i = 0; i < POINTS.size(); i++) {
				referenceClock.set(night(FIRST.plusDays(i)));
				DayResult result = reference.run(FIRST.plusDays(i), new RunOptions(referenceOut, true, false, null));
				assertThat(result.succeeded()).as(result.failure()).isTrue();
			}
		}
		this.referenceOut = referenceOut;
		rerun = AuditApp.start(db.endpoint(), clock, smtp.settings("ops@example.org"));
	}

	@AfterAll
	void close() {
		rerun.close();
		smtp.close();
		referenceSmtp.close();
		db.close();
	}

	Stream<Arguments> points() {
		return Stream.iterate(0, i -> i + 1).limit(POINTS.size()).map(i -> Arguments.of(POINTS.get(i), FIRST.plusDays(i)));
	}

	@ParameterizedTest(name = "killed at {0} ({1})")
	@MethodSource("points")
	void aRerunAfterTheKillFinishesTheDayAsAnUninterruptedRunDid(String point, LocalDate day) throws Exception {
		Path out = dir.resolve("out");
		try (ChildRun child = ChildRun.start(db.endpoint(), smtp.settings("ops@example.org"), night(day), point,
				dir.resolve("hold-" + day), "run", "--date", day.toString(), "--out", out.toString())) {
			child.awaitHeld();
			assertThat(child.kill()).as("killed, not ended").isEqualTo(137);
		}
		awaitDayLockReleased(day);
		if (point.equals("sendDigest:accepted")) {
			assertThat(copies(day)).as("the server had taken the message when the process died").hasSize(1);
		}

		clock.set(night(day));
		DayResult result = rerun.run(day, new RunOptions(out, true, false, null));
		assertThat(result.succeeded()).as(result.failure()).isTrue();

		assertThat(withoutRun(out.resolve("digest-" + day + ".json")))
			.isEqualTo(withoutRun(referenceOut.resolve("digest-" + day + ".json")));
		Map<String, List<String>> stored = StoredDay.rows(db.endpoint(), "spend_audit", day);
		assertThat(stored).isEqualTo(StoredDay.rows(db.endpoint(), REFERENCE, day));
		assertThat(stored.get("audit_day")).as("one copy of the day").hasSize(1);
		assertThat(stored.get("key_model_day")).isNotEmpty();

		assertThat(smtp.received(day)).as("one distinct Message-ID for the day").hasSize(1);
		assertThat(copies(day)).as("copies received")
			.hasSize(point.equals("sendDigest:accepted") ? 2 : 1);
	}

	/**
	 * Waits until PostgreSQL has ended the dead process's session, and with it its day lock: the server notices a
	 * vanished client on its own, a moment after the kill. Fails if the lock outlives the process.
	 */
	private void awaitDayLockReleased(LocalDate day) throws Exception {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
		Endpoint e = db.endpoint();
		try (Connection c = DriverManager.getConnection(e.url(), e.username(), e.password());
				PreparedStatement st = c.prepareStatement("select count(*) from pg_locks where locktype = 'advisory'"
						+ " and granted and classid = ? and objid = ?")) {
			st.setInt(1, 0x7361);
			st.setLong(2, day.toEpochDay());
			while (true) {
				try (ResultSet rs = st.executeQuery()) {
					rs.next();
					if (rs.getInt(1) == 0) {
						return;
					}
				}
				assertThat(System.nanoTime()).as("the day lock of the killed process is still held").isLessThan(deadline);
				Thread.sleep(20);
			}
		}
	}

	/** The day's JSON without what names the run that wrote it. */
	private static String withoutRun(Path json) {
		ObjectNode root = (ObjectNode) DigestJson.read(json).root();
		root.remove(List.of("generatedAt", "runId"));
		return root.toPrettyString();
	}

	private List<MimeMessage> copies(LocalDate day) throws Exception {
		List<MimeMessage> copies = new java.util.ArrayList<>();
		for (MimeMessage m : smtp.copies()) {
			if (day.toString().equals(m.getHeader("X-Spend-Audit-Date", null))) {
				copies.add(m);
			}
		}
		return copies;
	}

	/** The nightly run after {@code day}: 06:15 UTC the next morning. */
	static Instant night(LocalDate day) {
		return day.plusDays(1).atTime(6, 15).toInstant(ZoneOffset.UTC);
	}

}
