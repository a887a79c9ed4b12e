package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;

/**
 * Reads the audited days' spend back from the store: the last 31 days for the comparisons (the day before, 7 and
 * 30 days) and the 30-day charts.
 */
class SpendHistory {

	/** The audited day and the 30 before it. */
	static final int DAYS = 31;

	private final DSLContext dsl;

	SpendHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	History load(LocalDate date) {
		LocalDate from = date.minusDays(DAYS - 1);
		Field<BigDecimal> usd = coalesce(sum(KEY_MODEL_DAY.USD), inline(BigDecimal.ZERO));
		SortedMap<LocalDate, BigDecimal> daily = new TreeMap<>();
		for (Record r : dsl.select(AUDIT_DAY.AUDIT_DATE, usd)
			.from(AUDIT_DAY)
			.leftJoin(KEY_MODEL_DAY)
			.on(KEY_MODEL_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE))
			.where(AUDIT_DAY.AUDIT_DATE.between(from, date))
			.groupBy(AUDIT_DAY.AUDIT_DATE)
			.fetch()) {
			daily.put(r.get(AUDIT_DAY.AUDIT_DATE), DigestAssembler.exact(r.get(usd)));
		}
		Field<BigDecimal> workloadUsd = sum(KEY_MODEL_DAY.USD);
		Map<String, SortedMap<LocalDate, BigDecimal>> byWorkload = new TreeMap<>();
		for (Record r : dsl.select(KEY_MODEL_DAY.WORKLOAD, KEY_MODEL_DAY.AUDIT_DATE, workloadUsd)
			.from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.AUDIT_DATE.between(from, date))
			.groupBy(KEY_MODEL_DAY.WORKLOAD, KEY_MODEL_DAY.AUDIT_DATE)
			.fetch()) {
			byWorkload.computeIfAbsent(r.get(KEY_MODEL_DAY.WORKLOAD), w -> new TreeMap<>())
				.put(r.get(KEY_MODEL_DAY.AUDIT_DATE), DigestAssembler.exact(r.get(workloadUsd)));
		}
		return new History(date, daily, byWorkload);
	}

}
