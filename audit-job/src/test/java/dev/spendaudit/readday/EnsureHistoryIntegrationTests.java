package dev.spendaudit.readday;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.StoredDay;
import dev.spendaudit.schedule.DayLocks;
import dev.spendaudit.schedule.DayResult;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.testsupport.AuditApp;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import dev.spendaudit.testsupport.Traffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History first: the job's first step rolls up every missing day the features look back over, each under its day
 * lock, as facts only (no digest); days already stored are left alone, and only the day's own job makes a day
 * audited.
 */
class EnsureHistoryIntegrationTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 26);

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T06:15:00Z"), ZoneOffset.UTC);

	@Test
	void missingDaysAreRolledUpUnderTheirLockAndOnlyTheDayIsAudited(@TempDir Path out) {
		try (LiteLlmDatabase db = LiteLlmDatabase.create("ensure")) {
			String key = KeyHash.of("sk-ensure");
			db.writer().key(key, "vk-ensure", "sk-...sure");
			LocalDateTime from = DAY.minusDays(40).atStartOfDay();
			db.writer().spendLogs(Traffic.every(Duration.ofHours(1), from, DAY.plusDays(1).atStartOfDay(), key,
					"vk-ensure", "gpt-4.1-mini", "openai", 0.01));
			try (AuditApp app = AuditApp.start(db.endpoint(), CLOCK, Map.of())) {
				HistoryReader history = app.bean(HistoryReader.class);
				// an earlier audit: its own day audited, the 35 days before it rolled up
				assertThat(app.run(DAY.minusDays(3), out).succeeded()).isTrue();
				StoredDay audited = history.day(DAY.minusDays(3)).orElseThrow();
				StoredDay rolledUp = history.day(DAY.minusDays(10)).orElseThrow();
				assertThat(audited.audited()).isTrue();
				assertThat(rolledUp.audited()).isFalse();
				assertThat(history.daysWithFacts(DAY.minusDays(38), DAY.minusDays(4))).hasSize(35);
				assertThat(history.dailyUsd(DAY.minusDays(10), DAY.minusDays(10)).get(DAY.minusDays(10)))
					.isEqualByComparingTo("0.24");

				// another process holds the day before right now: it is left to that process
				DayResult result;
				try (DayLocks.Lock held = app.bean(DayLocks.class).lock(DAY.minusDays(1))) {
					result = app.run(DAY, out);
				}
				assertThat(result.succeeded()).isTrue();
				assertThat(history.day(DAY.minusDays(1))).isEmpty();
				assertThat(history.day(DAY.minusDays(2)).orElseThrow().audited()).isFalse();
				assertThat(history.day(DAY).orElseThrow().audited()).isTrue();
				assertThat(history.lastAuditedDay()).contains(DAY);
				// stored days were not read again
				assertThat(history.day(DAY.minusDays(10)).orElseThrow()).isEqualTo(rolledUp);
				assertThat(history.day(DAY.minusDays(3)).orElseThrow().computedAt()).isEqualTo(audited.computedAt());
				// quietly: no digest for the rolled-up days
				assertThat(out.resolve("digest-" + DAY.minusDays(2) + ".json")).doesNotExist();
				assertThat(out.resolve("digest-" + DAY + ".json")).exists();

				// the next run finds the day free and rolls it up
				assertThat(app.run(DAY, out).succeeded()).isTrue();
				StoredDay late = history.day(DAY.minusDays(1)).orElseThrow();
				assertThat(late.audited()).isFalse();
				assertThat(history.dailyUsd(DAY.minusDays(1), DAY.minusDays(1)).get(DAY.minusDays(1)))
					.isEqualByComparingTo("0.24");
			}
		}
	}

}
