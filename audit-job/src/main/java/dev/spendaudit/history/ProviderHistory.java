package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.PROVIDER_UTC_HOUR;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

/**
 * The logged side of reconciling with a provider's bill: spend per provider and UTC day, from the stored UTC hours,
 * and which UTC days the stored days cover whole (a day whose hours are not all stored is not reconciled yet).
 */
public class ProviderHistory {

	private final DSLContext dsl;

	public ProviderHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * Spend per provider and UTC day in {@code from .. to}, over the gateways {@code sources} (empty: all). A UTC
	 * hour split between two audited days (a zone whose midnight is not on the hour) is the sum of both.
	 */
	public List<ProviderUtcDay> providerDays(LocalDate from, LocalDate to, Collection<String> sources) {
		var h = PROVIDER_UTC_HOUR;
		Field<LocalDate> date = h.HOUR_UTC.cast(SQLDataType.LOCALDATE);
		Field<BigDecimal> requests = sum(h.REQUESTS);
		Field<BigDecimal> prompt = sum(h.PROMPT_TOKENS);
		Field<BigDecimal> completion = sum(h.COMPLETION_TOKENS);
		Field<BigDecimal> usd = sum(h.USD);
		List<ProviderUtcDay> days = new ArrayList<>();
		for (Record r : dsl.select(date, h.PROVIDER, requests, prompt, completion, usd)
			.from(h)
			.where(h.HOUR_UTC.ge(from.atStartOfDay()).and(h.HOUR_UTC.lt(to.plusDays(1).atStartOfDay())))
			.and(sources.isEmpty() ? noCondition() : h.SOURCE.in(sources))
			.groupBy(date, h.PROVIDER)
			.orderBy(date, h.PROVIDER)
			.fetch()) {
			days.add(new ProviderUtcDay(r.get(date), r.get(h.PROVIDER), r.get(requests).longValue(),
					r.get(prompt).longValue(), r.get(completion).longValue(), r.get(usd)));
		}
		return days;
	}

	/**
	 * The UTC days in {@code from .. to} whose 24 hours all lie inside the windows of stored days with UTC hours
	 * (read by this release, not rolled up by 0.1.0) of the gateways {@code sources} (empty: any).
	 */
	public Set<LocalDate> wholeUtcDays(LocalDate from, LocalDate to, Collection<String> sources) {
		LocalDateTime start = from.atStartOfDay();
		LocalDateTime end = to.plusDays(1).atStartOfDay();
		Condition detailed = SOURCE_DAY.DETAILED.isTrue()
			.and(sources.isEmpty() ? noCondition() : SOURCE_DAY.SOURCE.in(sources));
		List<LocalDateTime[]> windows = new ArrayList<>();
		dsl.selectDistinct(AUDIT_DAY.WINDOW_START_UTC, AUDIT_DAY.WINDOW_END_UTC)
			.from(AUDIT_DAY)
			.join(SOURCE_DAY)
			.on(SOURCE_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE))
			.where(detailed)
			.and(AUDIT_DAY.WINDOW_END_UTC.gt(start).and(AUDIT_DAY.WINDOW_START_UTC.lt(end)))
			.orderBy(AUDIT_DAY.WINDOW_START_UTC)
			.forEach(r -> windows.add(new LocalDateTime[] { r.value1(), r.value2() }));
		Set<LocalDate> whole = new TreeSet<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			if (covered(windows, d.atStartOfDay(), d.plusDays(1).atStartOfDay())) {
				whole.add(d);
			}
		}
		return whole;
	}

	/** Whether windows sorted by start cover {@code [start, end)} without a hole. */
	static boolean covered(List<LocalDateTime[]> windows, LocalDateTime start, LocalDateTime end) {
		LocalDateTime reached = start;
		for (LocalDateTime[] w : windows) {
			if (w[0].isAfter(reached)) {
				break;
			}
			if (w[1].isAfter(reached)) {
				reached = w[1];
			}
			if (!reached.isBefore(end)) {
				return true;
			}
		}
		return !reached.isBefore(end);
	}

}
