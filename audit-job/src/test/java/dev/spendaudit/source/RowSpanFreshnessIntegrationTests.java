package dev.spendaudit.source;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The longest gap of the freshness window, put together from the spans each day's read stored, equals the one the
 * window's rows give when read again, whatever the holes (inside a day, across midnight, over a whole empty day)
 * and the zone (UTC, a half-hour offset, and a window that does not start at a day's start, which reads the rows).
 */
class RowSpanFreshnessIntegrationTests {

	static LiteLlmDatabase db;

	static LiteLlmSource source;

	@BeforeAll
	static void seed() {
		db = LiteLlmDatabase.create("rowspan");
		String key = KeyHash.of("sk-rowspan");
		db.writer().key(key, "vk-rowspan", "sk-...span");
		Random random = new Random(11);
		List<Call> calls = new ArrayList<>();
		LocalDateTime t = LocalDateTime.of(2026, 11, 20, 0, 0);
		int i = 0;
		while (t.isBefore(LocalDateTime.of(2026, 11, 28, 0, 0))) {
			boolean quiet = t.toLocalDate().equals(LocalDate.of(2026, 11, 24))
					|| t.isAfter(LocalDateTime.of(2026, 11, 22, 19, 0)) && t.isBefore(LocalDateTime.of(2026, 11, 23, 6, 0))
					|| t.isAfter(LocalDateTime.of(2026, 11, 26, 8, 0)) && t.isBefore(LocalDateTime.of(2026, 11, 26, 17, 0));
			if (!quiet) {
				calls.add(Call.of("req-" + i++, key, "vk-rowspan", "gpt-4.1-mini", "openai", t, 0.001, 100, 20));
			}
			t = t.plusMinutes(5 + random.nextInt(90));
		}
		db.writer().spendLogs(calls);
		PGSimpleDataSource ds = new PGSimpleDataSource();
		ds.setUrl(db.endpoint().url());
		ds.setUser(db.endpoint().username());
		ds.setPassword(db.endpoint().password());
		source = new LiteLlmSource(ds, new SourceSettings(null, null, null, null, null));
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-27, UTC, 72h, true", "2026-11-25, UTC, 72h, true", "2026-11-23, UTC, 24h, false",
			"2026-11-26, UTC, 120h, true", "2026-11-27, Asia/Kolkata, 72h, true", "2026-11-25, Asia/Kolkata, 48h, true",
			"2026-11-26, UTC, 30h, false" })
	void theStoredSpansGiveTheGapTheRowsGive(LocalDate date, ZoneId zone, String window, boolean readsStored) {
		Duration gapWindow = Duration.parse("PT" + window.toUpperCase());
		AuditDay day = AuditDay.of(date, zone);
		Map<LocalDate, DayRowSpan> stored = new HashMap<>();
		for (LocalDate d = date.minusDays(6); d.isBefore(date); d = d.plusDays(1)) {
			stored.put(d, source.readDay(AuditDay.of(d, zone)).rowSpan());
		}
		DayFacts facts = source.readDay(day);
		LocalDateTime now = LocalDateTime.of(2026, 11, 28, 1, 0);
		LogFreshness fromSpans = source.logFreshness(facts, gapWindow, now, stored::get);
		LogFreshness fromRows = source.logFreshness(facts, gapWindow, now, d -> null);
		assertThat(fromSpans).isEqualTo(fromRows);
		assertThat(fromRows.longestGap()).isNotNull();
		// and the spans are what the window's earlier days are read from, where it starts at a day's start
		LogFreshness fromNothing = source.logFreshness(facts, gapWindow, now, d -> DayRowSpan.EMPTY);
		if (readsStored) {
			assertThat(fromNothing.longestGap()).isNotEqualTo(fromRows.longestGap());
		}
		else {
			assertThat(fromNothing).isEqualTo(fromRows);
		}
	}

}
