package dev.spendaudit.staleness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.source.KeyCounter;
import dev.spendaudit.store.jooq.tables.records.CaptureGapRecord;
import dev.spendaudit.store.jooq.tables.records.FreshnessDayRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Query;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.CAPTURE_GAP;
import static dev.spendaudit.store.jooq.Tables.FRESHNESS_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_COUNTER_SNAPSHOT;
import static org.jooq.impl.DSL.max;

/**
 * The freshness check's tables: one row per audited day, its capture gaps, and the nightly key counter snapshots.
 */
public class FreshnessStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public FreshnessStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Replaces the day's result in one transaction. */
	void replace(FreshnessResult r) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(CAPTURE_GAP).where(CAPTURE_GAP.AUDIT_DATE.eq(r.date())).execute();
			db.deleteFrom(FRESHNESS_DAY).where(FRESHNESS_DAY.AUDIT_DATE.eq(r.date())).execute();
			FreshnessDayRecord day = db.newRecord(FRESHNESS_DAY);
			day.setAuditDate(r.date());
			day.setStatus(r.status().name());
			day.setSeverity(r.severity().name());
			day.setIndependentSignal(r.signal().name());
			day.setWindowStartUtc(r.windowStart());
			day.setWindowEndUtc(r.windowEnd());
			day.setNewestRowUtc(r.newestRow());
			day.setAgeHours(r.ageHours());
			day.setNewestRowAtRunUtc(r.newestRowAtRun());
			day.setAgeHoursAtRun(r.ageHoursAtRun());
			day.setCheckedAtUtc(r.checkedAt());
			day.setMaxGapHours(r.maxGapHours());
			day.setMaxGapFromUtc(r.longestGap() == null ? null : r.longestGap().from());
			day.setMaxGapToUtc(r.longestGap() == null ? null : r.longestGap().to());
			day.setUncapturedRequests(r.uncapturedRequests());
			day.setUncapturedUsd(r.uncapturedUsd());
			day.setSilentHours(json(r.silentHours().stream().map(StoredHours::of).toList()));
			day.setCanary(r.canary() == null ? null : json(StoredCanary.of(r.canary())));
			day.setExplanation(r.explanation());
			day.insert();
			List<CaptureGapRecord> rows = new ArrayList<>();
			for (CaptureGap g : r.gaps()) {
				CaptureGapRecord row = db.newRecord(CAPTURE_GAP);
				row.setAuditDate(r.date());
				row.setApiKey(g.apiKey());
				row.setPeriodStartUtc(g.periodStart());
				row.setPeriodEndUtc(g.periodEnd());
				row.setIndependentSignal(g.signal().name());
				row.setWorkload(g.workload());
				row.setExpectedRequests(g.expectedRequests());
				row.setLoggedRequests(g.loggedRequests() == null ? 0 : g.loggedRequests());
				row.setExpectedUsd(g.expectedUsd());
				row.setLoggedUsd(g.loggedUsd());
				rows.add(row);
			}
			db.batchInsert(rows).execute();
		});
	}

	/** How long counter snapshots are kept: reruns of older days compare no counters. */
	static final int SNAPSHOT_DAYS = 90;

	/** Keeps tonight's copy of every key's counters; rerunning the same night replaces it. */
	void replaceSnapshot(LocalDate auditDate, LocalDateTime takenAt, List<KeyCounter> counters) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(KEY_COUNTER_SNAPSHOT)
				.where(KEY_COUNTER_SNAPSHOT.TAKEN_AT_UTC.lt(takenAt.minusDays(SNAPSHOT_DAYS)))
				.execute();
			db.deleteFrom(KEY_COUNTER_SNAPSHOT)
				.where(KEY_COUNTER_SNAPSHOT.AUDIT_DATE.eq(auditDate).or(KEY_COUNTER_SNAPSHOT.TAKEN_AT_UTC.eq(takenAt)))
				.execute();
			List<Query> inserts = new ArrayList<>();
			for (KeyCounter c : counters) {
				inserts.add(db.insertInto(KEY_COUNTER_SNAPSHOT)
					.set(KEY_COUNTER_SNAPSHOT.TAKEN_AT_UTC, takenAt)
					.set(KEY_COUNTER_SNAPSHOT.API_KEY, c.apiKey())
					.set(KEY_COUNTER_SNAPSHOT.AUDIT_DATE, auditDate)
					.set(KEY_COUNTER_SNAPSHOT.SPEND, c.spend())
					.set(KEY_COUNTER_SNAPSHOT.TOTAL_SPEND, c.totalSpend())
					.set(KEY_COUNTER_SNAPSHOT.BUDGET_RESET_AT, c.budgetResetAt()));
			}
			db.batch(inserts).execute();
		});
	}

	/**
	 * The snapshot taken the night {@code auditDate} was audited, and the one before it; null when either is
	 * missing.
	 */
	SnapshotPair snapshotPair(LocalDate auditDate) {
		var k = KEY_COUNTER_SNAPSHOT;
		LocalDateTime current = dsl.select(max(k.TAKEN_AT_UTC)).from(k).where(k.AUDIT_DATE.eq(auditDate))
			.fetchOne(0, LocalDateTime.class);
		if (current == null) {
			return null;
		}
		LocalDateTime previous = dsl.select(max(k.TAKEN_AT_UTC)).from(k).where(k.TAKEN_AT_UTC.lt(current))
			.fetchOne(0, LocalDateTime.class);
		if (previous == null) {
			return null;
		}
		return new SnapshotPair(previous, snapshot(previous), current, snapshot(current));
	}

	private Map<String, KeyCounter> snapshot(LocalDateTime takenAt) {
		var k = KEY_COUNTER_SNAPSHOT;
		return dsl.selectFrom(k)
			.where(k.TAKEN_AT_UTC.eq(takenAt))
			.fetch(r -> new KeyCounter(r.getApiKey(), r.getSpend(), r.getTotalSpend(), r.getBudgetResetAt()))
			.stream()
			.collect(Collectors.toMap(KeyCounter::apiKey, Function.identity()));
	}

	/** The day's freshness verdict ({@code OK}, {@code IDLE}, {@code LOGGING_OFF}, {@code STALE}), when checked. */
	public Optional<String> verdict(LocalDate date) {
		return dsl.select(FRESHNESS_DAY.STATUS)
			.from(FRESHNESS_DAY)
			.where(FRESHNESS_DAY.AUDIT_DATE.eq(date))
			.fetchOptional(FRESHNESS_DAY.STATUS);
	}

	FreshnessDayRecord day(LocalDate date) {
		return dsl.selectFrom(FRESHNESS_DAY).where(FRESHNESS_DAY.AUDIT_DATE.eq(date)).fetchOne();
	}

	List<CaptureGapRecord> gaps(LocalDate date) {
		return dsl.selectFrom(CAPTURE_GAP)
			.where(CAPTURE_GAP.AUDIT_DATE.eq(date))
			.orderBy(CAPTURE_GAP.PERIOD_START_UTC, CAPTURE_GAP.WORKLOAD, CAPTURE_GAP.API_KEY)
			.fetch();
	}

	/** The day's silent hours, as stored. */
	static List<StoredHours> silentHours(FreshnessDayRecord day) {
		return List.of(JSON.readValue(day.getSilentHours().data(), StoredHours[].class));
	}

	/** The day's canary, as stored (null unless a canary key was configured). */
	static StoredCanary canary(FreshnessDayRecord day) {
		return day.getCanary() == null ? null : JSON.readValue(day.getCanary().data(), StoredCanary.class);
	}

	static JSONB json(Object value) {
		return JSONB.valueOf(JSON.writeValueAsString(value));
	}

	/** Two counter snapshots to compare. */
	record SnapshotPair(LocalDateTime previousAt, Map<String, KeyCounter> previous, LocalDateTime currentAt,
			Map<String, KeyCounter> current) {
	}

	/** Silent hours as stored and shown: UTC ISO strings. */
	@JsonPropertyOrder({ "from", "to", "hours" })
	public record StoredHours(String from, String to, long hours) {

		static StoredHours of(HourRange h) {
			return new StoredHours(UtcTimes.iso(h.from()), UtcTimes.iso(h.to()), h.hours());
		}

	}

	/** The canary as stored and shown. */
	@JsonPropertyOrder({ "key", "found", "lastSeen", "longestSilenceFrom", "longestSilenceTo", "longestSilenceHours",
			"silent" })
	public record StoredCanary(String key, boolean found, String lastSeen, String longestSilenceFrom,
			String longestSilenceTo, java.math.BigDecimal longestSilenceHours, boolean silent) {

		static StoredCanary of(CanaryCheck c) {
			return new StoredCanary(c.key(), c.found(), UtcTimes.iso(c.lastSeen()), UtcTimes.iso(c.silentFrom()),
					UtcTimes.iso(c.silentTo()), c.found() ? FreshnessCheck.hours(c.longestSilence()) : null, c.silent());
		}

	}

}
