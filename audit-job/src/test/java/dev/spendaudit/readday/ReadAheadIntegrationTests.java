package dev.spendaudit.readday;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.CallerWatch;
import dev.spendaudit.source.DayCoverage;
import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceSettings;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day read ahead is what the day's own read would give, and a read ahead that failed or saw another table is not
 * used: the day then reads itself.
 */
class ReadAheadIntegrationTests {

	static final AuditDay DAY = AuditDay.of(LocalDate.of(2026, 11, 20), ZoneOffset.UTC);

	static LiteLlmDatabase db;

	@BeforeAll
	static void oneDay() {
		db = LiteLlmDatabase.create("read-ahead");
		String key = KeyHash.of("sk-ahead");
		db.writer().key(key, "vk-ahead", "sk-...head");
		db.writer().spendLogs(List.of(
				Call.of("a-1", key, "vk-ahead", "gpt-4.1-mini", "openai", DAY.date().atTime(9, 0), 0.25, 100, 10),
				Call.of("a-2", key, "vk-ahead", "gpt-4.1-mini", "openai", DAY.date().atTime(17, 0), 0.5, 200, 20)));
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void aDayReadAheadHoldsTheFactsItsOwnReadWouldAndIsTakenOnce() {
		LiteLlmSource source = db.source();
		try (ReadAhead ahead = new ReadAhead()) {
			ahead.start(source, DAY, CallerWatch.NONE);
			DayCoverage coverage = source.coverage(DAY);
			DayFacts own = source.readDay(DAY, coverage, Set.of());
			DayFacts read = ahead.take(source, DAY, coverage).orElseThrow();
			assertThat(read.groups()).isEqualTo(own.groups());
			assertThat(read.groups().get(0).usd()).isEqualByComparingTo("0.75");
			assertThat(read.rowSpan()).isEqualTo(own.rowSpan());
			assertThat(ahead.taken()).isEqualTo(1);
			assertThat(ahead.take(source, DAY, coverage)).as("taken once, then forgotten").isEmpty();
		}
	}

	@Test
	void aReadAheadThatFailedOrSawAnotherTableIsNotUsed() {
		AtomicInteger reads = new AtomicInteger();
		LiteLlmSource failing = new LiteLlmSource(dataSource(), new SourceSettings(null, null, null, null, null)) {
			@Override
			public DayFacts readDay(AuditDay day, DayCoverage coverage, Set<String> watched) {
				reads.incrementAndGet();
				throw new IllegalStateException("the connection was lost");
			}
		};
		try (ReadAhead ahead = new ReadAhead()) {
			ahead.start(failing, DAY, CallerWatch.NONE);
			assertThat(ahead.take(failing, DAY, failing.coverage(DAY))).isEmpty();
			assertThat(reads).hasValue(1);

			LiteLlmSource source = db.source();
			ahead.start(source, DAY, CallerWatch.NONE);
			DayCoverage legacy = new DayCoverage(DayCoverage.LEGACY_SPEND_LOGS, true, null);
			assertThat(ahead.take(source, DAY, legacy)).as("read from the spend log, wanted from the legacy table")
				.isEmpty();
			assertThat(ahead.taken()).isZero();
		}
	}

	private static PGSimpleDataSource dataSource() {
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(db.endpoint().url());
		ds.setUser(db.endpoint().username());
		ds.setPassword(db.endpoint().password());
		return ds;
	}

}
