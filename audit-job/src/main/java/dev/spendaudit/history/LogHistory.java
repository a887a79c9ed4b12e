package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.source.KeyDayCount;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_UTC_DATE;
import static dev.spendaudit.store.jooq.Tables.PROVIDER_UTC_HOUR;
import static dev.spendaudit.store.jooq.Tables.SOURCE_DAY;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.sum;

/**
 * The spend log's shape in UTC as the stored days saw it: which UTC hours had rows, and requests and spend per key
 * and UTC date, the grain of LiteLLM's daily aggregates. A UTC hour or date can span two audited days (a zone other
 * than UTC): its figures are summed over the days, and it counts as covered only when every part is stored.
 */
public class LogHistory {

	private final DSLContext dsl;

	public LogHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/**
	 * The UTC hours in {@code [fromUtc, toUtc)} that the stored days say had rows. Every hour of a stored day of
	 * release 0.1.0 is included (it kept no hours, so none of them can be called silent); hours outside the stored
	 * days are absent.
	 */
	public Set<LocalDateTime> hoursWithRows(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return hoursWithRows(fromUtc, toUtc, null);
	}

	/** The same, of one gateway's stored facts ({@code source}; null: every gateway's). */
	public Set<LocalDateTime> hoursWithRows(LocalDateTime fromUtc, LocalDateTime toUtc, String source) {
		Set<LocalDateTime> hours = new TreeSet<>(dsl.select(PROVIDER_UTC_HOUR.HOUR_UTC)
			.from(PROVIDER_UTC_HOUR)
			.where(PROVIDER_UTC_HOUR.HOUR_UTC.ge(fromUtc.truncatedTo(ChronoUnit.HOURS)))
			.and(source == null ? noCondition() : PROVIDER_UTC_HOUR.SOURCE.eq(source))
			.and(PROVIDER_UTC_HOUR.HOUR_UTC.lt(toUtc))
			.groupBy(PROVIDER_UTC_HOUR.HOUR_UTC)
			.having(sum(PROVIDER_UTC_HOUR.REQUESTS).gt(BigDecimal.ZERO))
			.fetch(PROVIDER_UTC_HOUR.HOUR_UTC));
		for (Window w : windows(fromUtc, toUtc, false, source)) {
			for (LocalDateTime h = w.from().truncatedTo(ChronoUnit.HOURS); h.isBefore(w.to()); h = h.plusHours(1)) {
				hours.add(h);
			}
		}
		return hours;
	}

	/**
	 * Requests, successes and spend per key and UTC date for the dates {@code first .. last} that the stored days
	 * cover whole ({@link #coveredUtcDates}); the other dates are left out, not counted as zero.
	 */
	public List<KeyDayCount> keyUtcDates(LocalDate first, LocalDate last) {
		return keyUtcDates(first, last, null);
	}

	/** The same, of one gateway's stored facts ({@code source}; null: every gateway's). */
	public List<KeyDayCount> keyUtcDates(LocalDate first, LocalDate last, String source) {
		Set<LocalDate> covered = coveredUtcDates(first, last, source);
		if (covered.isEmpty()) {
			return List.of();
		}
		var k = KEY_UTC_DATE;
		Field<BigDecimal> requests = sum(k.REQUESTS);
		Field<BigDecimal> failed = sum(k.FAILED_REQUESTS);
		Field<BigDecimal> usd = sum(k.USD);
		List<KeyDayCount> counts = new ArrayList<>();
		for (Record r : dsl.select(k.UTC_DATE, k.API_KEY, requests, failed, usd)
			.from(k)
			.where(k.UTC_DATE.in(covered))
			.and(source == null ? noCondition() : k.SOURCE.eq(source))
			.groupBy(k.UTC_DATE, k.API_KEY)
			.orderBy(k.UTC_DATE, k.API_KEY)
			.fetch()) {
			long n = r.get(requests).longValue();
			counts.add(new KeyDayCount(r.get(k.UTC_DATE), r.get(k.API_KEY), n, n - r.get(failed).longValue(),
					r.get(usd)));
		}
		return counts;
	}

	/** The UTC dates in {@code first .. last} whose every hour lies in a stored day read with UTC dates. */
	public Set<LocalDate> coveredUtcDates(LocalDate first, LocalDate last) {
		return coveredUtcDates(first, last, null);
	}

	/** The same, of one gateway's stored days ({@code source}; null: any gateway's). */
	public Set<LocalDate> coveredUtcDates(LocalDate first, LocalDate last, String source) {
		List<Window> windows = windows(first.atStartOfDay(), last.plusDays(1).atStartOfDay(), true, source);
		Set<LocalDate> covered = new TreeSet<>();
		for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
			LocalDateTime reach = d.atStartOfDay();
			for (Window w : windows) {
				if (!w.from().isAfter(reach) && w.to().isAfter(reach)) {
					reach = w.to();
				}
			}
			if (!reach.isBefore(d.plusDays(1).atStartOfDay())) {
				covered.add(d);
			}
		}
		return covered;
	}

	/** The windows of the stored days overlapping {@code [fromUtc, toUtc)} that were, or were not, read in detail. */
	private List<Window> windows(LocalDateTime fromUtc, LocalDateTime toUtc, boolean detailed, String source) {
		return dsl.selectDistinct(AUDIT_DAY.WINDOW_START_UTC, AUDIT_DAY.WINDOW_END_UTC)
			.from(AUDIT_DAY)
			.join(SOURCE_DAY)
			.on(SOURCE_DAY.AUDIT_DATE.eq(AUDIT_DAY.AUDIT_DATE))
			.where(AUDIT_DAY.WINDOW_END_UTC.gt(fromUtc))
			.and(AUDIT_DAY.WINDOW_START_UTC.lt(toUtc))
			.and(SOURCE_DAY.DETAILED.eq(detailed))
			.and(source == null ? noCondition() : SOURCE_DAY.SOURCE.eq(source))
			.orderBy(AUDIT_DAY.WINDOW_START_UTC)
			.fetch(r -> new Window(r.value1(), r.value2()));
	}

	private record Window(LocalDateTime from, LocalDateTime to) {
	}

}
