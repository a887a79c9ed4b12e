package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.litellm.tables.LitellmSpendlogs;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import static dev.spendaudit.source.litellm.Tables.LITELLM_SPENDLOGS;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.grouping;
import static org.jooq.impl.DSL.groupingSets;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.nullif;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

/**
 * The day's spend log in one range scan on {@code "startTime"}: the rows are aggregated once at the finest grain
 * the facts need (key hash × model × provider × UTC hour × prompt-size bucket × tag set), and that small result is rolled up
 * into the five kinds of facts with {@code GROUPING SETS}, all in one statement. At the finest grain spend is summed
 * as {@code float8} (LiteLLM's own type; a group holds a few rows) and only the group's sum becomes {@code numeric},
 * to PostgreSQL's 15 significant digits, as each row did before: a cast per row cost a third of the scan. The sums
 * above the finest grain are exact. Only narrow columns are read, never
 * {@code metadata} or any other large JSONB, so PostgreSQL does not touch the TOAST table. Memory grows with the
 * number of groups, never with the number of rows.
 */
final class DaySpendScan {

	private static final LitellmSpendlogs S = LITELLM_SPENDLOGS;

	/** Enough for the finest grain of a day of ten thousand keys to hash in memory (PostgreSQL's memory, not ours). */
	static final String WORK_MEM = "64MB";

	/** NaN, the infinities and negative values are not money; PostgreSQL orders NaN above 'Infinity'. */
	static final Condition VALID_SPEND = condition("{0} >= 0 and {0} < 'Infinity'::float8", S.SPEND);

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	/** The SQL over {@code request_tags}. */
	private final TagExpressions tags;

	/** The spend log itself, or its legacy table under the spend log's name (so every column reads the same). */
	private final Table<?> from;

	/** Valid and at most the plausible cost of one request: what the day's sums count. */
	private final Condition counted;

	/** Valid money, but more than one request can cost. */
	private final Condition implausible;

	/** The column of the groups' tag workload, in a statement that groups by one. */
	static final String TAG_WORKLOAD = "tw";

	DaySpendScan(DSLContext dsl, SourceCapabilities capabilities, AnomalousSettings anomalous) {
		this(dsl, capabilities, S, anomalous, TagWorkloadSettings.off());
	}

	DaySpendScan(DSLContext dsl, SourceCapabilities capabilities, AnomalousSettings anomalous,
			TagWorkloadSettings tags) {
		this(dsl, capabilities, S, anomalous, tags);
	}

	private DaySpendScan(DSLContext dsl, SourceCapabilities capabilities, Table<?> from, AnomalousSettings anomalous,
			TagWorkloadSettings tags) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.tags = new TagExpressions(capabilities, tags);
		this.from = from;
		Field<Double> max = inline(anomalous.maxRequestUsd().doubleValue());
		this.counted = VALID_SPEND.and(S.SPEND.le(max));
		this.implausible = VALID_SPEND.and(S.SPEND.gt(max));
	}

	/** The same scan over {@code "LiteLLM_SpendLogs_legacy"}, whose columns are {@code legacy}'s spend log's. */
	static DaySpendScan legacy(DSLContext dsl, SourceCapabilities legacy, AnomalousSettings anomalous,
			TagWorkloadSettings tags) {
		return new DaySpendScan(dsl, legacy,
				DSL.table(DSL.name(SourceCapabilities.LEGACY_SPEND_LOGS)).as(DSL.name(S.getName())), anomalous, tags);
	}

	/**
	 * Runs the statement, {@code sideBySide} in two halves of the day ({@link SideBySide}), each on its own connection with
	 * {@value #WORK_MEM} of {@code work_mem} and without JIT, both reset afterwards: the finest grain has many more
	 * groups than a bare {@code GROUP BY}, and with PostgreSQL's default 4 MB it sorts them on disk instead of
	 * hashing them; compiling the query costs more than it saves. The same statement counts the callers of the
	 * {@code watched} key hashes.
	 */
	Scan scan(AuditDay day, Set<String> watched, boolean sideBySide) {
		WatchedCallers callers = new WatchedCallers(capabilities, watched);
		Scan scan = new Scan(callers.tally());
		List<SideBySide.Window> windows = sideBySide ? SideBySide.halves(day.fromUtc(), day.toUtc())
				: List.of(new SideBySide.Window(day.fromUtc(), day.toUtc()));
		for (Result<Record> half : SideBySide.each(windows, w -> fetch(w, callers))) {
			half.forEach(r -> scan.add(r, callers.any()));
		}
		return scan;
	}

	private Result<Record> fetch(SideBySide.Window window, WatchedCallers callers) {
		return new SessionSettings(dsl, WORK_MEM).run(one -> query(one, window, callers).fetch());
	}

	/** Valid money and at most the plausible cost of one request: the rows every sum of spend counts. */
	Condition counted() {
		return counted;
	}

	/** The rows of the tag workload in a column ({@link TagExpressions#ofTagWorkload}). */
	Condition ofTagWorkload(Field<String> tagWorkload) {
		return tags.ofTagWorkload(tagWorkload);
	}

	/**
	 * The one statement: the finest grain, rolled up into the five kinds of facts, and the watched keys' callers as
	 * a fifth grouping set when there are any.
	 */
	private ResultQuery<Record> query(DSLContext dsl, SideBySide.Window window, WatchedCallers callers) {
		Table<?> f = finestGrain(dsl, window, callers);
		Field<String> k = f.field("k", String.class);
		Field<String> m = f.field("m", String.class);
		Field<String> p = f.field("p", String.class);
		Field<LocalDateTime> h = f.field("h", LocalDateTime.class);
		Field<LocalDate> d = f.field("d", LocalDate.class);
		Field<Long> b = f.field("b", Long.class);
		List<Field<?>> select = new ArrayList<>(List.of(grouping(b), grouping(h), grouping(d), k, m, p, h, d, b));
		for (String column : List.of("n", "nf", "nc", "pt", "ct", "usd", "ni", "nu", "upt", "uct")) {
			select.add(sum(f.field(column, BigDecimal.class)));
		}
		select.add(max(f.field("newest", LocalDateTime.class)));
		Field<String> t = f.field("t", String.class);
		select.addAll(List.of(grouping(t), t, TagExpressions.tagArray(t)));
		Field<String> tw = tags.tagWorkload(t);
		Field<?>[] groups = tw == null ? new Field<?>[] { k, m, p } : new Field<?>[] { k, m, p, tw };
		List<Field<?>[]> sets = new ArrayList<>(List.of(groups, new Field<?>[] { k, m, b },
				new Field<?>[] { p, h }, new Field<?>[] { k, d }, new Field<?>[] { t }));
		if (callers.any()) {
			List<Field<?>> w = callers.of(f);
			select.addAll(w);
			select.add(grouping(w.get(0)));
			List<Field<?>> set = new ArrayList<>(List.of(k));
			set.addAll(w);
			sets.add(set.toArray(Field<?>[]::new));
		}
		if (tw != null) {
			// last, after the callers' columns: read by its name
			select.add(tw.as(TAG_WORKLOAD));
		}
		return dsl.select(select).from(f).groupBy(groupingSets(sets.toArray(Field<?>[][]::new)));
	}

	/** The window's rows aggregated by key hash, model, provider, UTC hour and date, and prompt-size bucket. */
	private Table<?> finestGrain(DSLContext dsl, SideBySide.Window window, WatchedCallers callers) {
		Field<String> key = coalesce(S.API_KEY, inline(""));
		Field<String> model = modelName();
		Field<String> provider = optionalText("custom_llm_provider", S.CUSTOM_LLM_PROVIDER);
		Field<LocalDateTime> hour = field("date_trunc('hour', {0})", LocalDateTime.class, S.STARTTIME);
		Field<LocalDate> date = S.STARTTIME.cast(SQLDataType.LOCALDATE);
		Field<Integer> prompt = coalesce(S.PROMPT_TOKENS, inline(0));
		Field<Integer> completion = coalesce(S.COMPLETION_TOKENS, inline(0));
		Field<Long> bucket = when(prompt.lt(inline(1_000)), inline(0L)).when(prompt.lt(inline(8_000)), inline(1_000L))
			.when(prompt.lt(inline(32_000)), inline(8_000L))
			.when(prompt.lt(inline(128_000)), inline(32_000L))
			.otherwise(inline(128_000L));
		Condition failed = capabilities.hasSpendLogColumn("status") ? S.STATUS.eq("failure") : falseCondition();
		Condition cached = capabilities.hasSpendLogColumn("cache_hit") ? S.CACHE_HIT.eq("True") : falseCondition();
		// never prompt + completion: two INTEGER counts at INTEGER's limit overflow, and the statement would fail
		Condition unpriced = S.SPEND.eq(0.0).and(prompt.gt(inline(0)).or(completion.gt(inline(0)))).and(succeeded())
			.and(uncached());
		List<Field<?>> select = new ArrayList<>(List.of(key.as("k"), model.as("m"), provider.as("p"), hour.as("h"),
				date.as("d"), bucket.as("b"), count().as("n"), count().filterWhere(failed).as("nf"),
				count().filterWhere(cached).as("nc"), sum(prompt).as("pt"), sum(completion).as("ct"),
				sum(S.SPEND).filterWhere(counted).cast(SQLDataType.NUMERIC).as("usd"),
				count().filterWhere(not(counted)).as("ni"), max(S.STARTTIME).as("newest"),
				count().filterWhere(unpriced).as("nu"), sum(prompt).filterWhere(unpriced).as("upt"),
				sum(completion).filterWhere(unpriced).as("uct")));
		Field<String> tagSet = tags.tagSet();
		select.add(tagSet.as("t"));
		List<Field<?>> groupBy = new ArrayList<>(List.of(key, model, provider, hour, date, bucket, tagSet));
		if (callers.any()) {
			List<Field<?>> watched = callers.columns();
			select.addAll(watched);
			// grouped by their position in the select list, where they stand aliased
			for (int i = 0; i < watched.size(); i++) {
				groupBy.add(inline(select.size() - watched.size() + i + 1));
			}
		}
		return dsl.select(select)
			.from(from)
			.where(inWindow(window.fromUtc(), window.toUtc()))
			.groupBy(groupBy)
			.asTable("f");
	}

	/** Without a status column a failure cannot be told apart, except that it produced no completion. */
	private Condition succeeded() {
		return capabilities.hasSpendLogColumn("status") ? coalesce(S.STATUS, inline("")).ne("failure")
				: S.COMPLETION_TOKENS.gt(0);
	}

	private Condition uncached() {
		return capabilities.hasSpendLogColumn("cache_hit") ? coalesce(S.CACHE_HIT, inline("")).ne("True")
				: noCondition();
	}

	/** The newest spend-log row that started before {@code before} (a backward index scan). */
	LocalDateTime newestRowBefore(LocalDateTime before) {
		return dsl.select(max(S.STARTTIME)).from(from).where(S.STARTTIME.lt(before)).fetchOne(0, LocalDateTime.class);
	}

	/** The table's oldest row (a forward index scan): what retention has not deleted yet; null when it is empty. */
	LocalDateTime oldestRow() {
		return dsl.select(min(S.STARTTIME)).from(from).fetchOne(0, LocalDateTime.class);
	}

	/** Whether the table has any row in the day's window (one index probe). */
	boolean hasRows(AuditDay day) {
		return dsl.fetchExists(dsl.selectOne().from(from).where(inWindow(day)));
	}

	/**
	 * Up to {@code limit} of the day's rows left out of the sums for their spend (NaN, infinite, negative or
	 * implausibly high), oldest first: an ordered index scan that stops at the limit, made only when the scan
	 * counted such rows.
	 */
	List<AnomalousRow> invalidSpendRows(AuditDay day, int limit) {
		return dsl.select(S.REQUEST_ID, S.STARTTIME, field(implausible).as("implausible"))
			.from(from)
			.where(inWindow(day))
			.and(not(counted))
			.orderBy(S.STARTTIME, S.REQUEST_ID)
			.limit(limit)
			.fetch(r -> new AnomalousRow(r.value1(), r.value2(),
					Boolean.TRUE.equals(r.value3()) ? AnomalousRow.IMPLAUSIBLE_SPEND : AnomalousRow.INVALID_SPEND));
	}

	/** How many of the day's rows hold finite spend above the plausible cost of one request. */
	long implausibleSpendRows(AuditDay day) {
		return dsl.fetchCount(dsl.selectOne().from(from).where(inWindow(day)).and(implausible));
	}

	static Condition inWindow(AuditDay day) {
		return inWindow(day.fromUtc(), day.toUtc());
	}

	private static Condition inWindow(LocalDateTime fromUtc, LocalDateTime toUtc) {
		return S.STARTTIME.ge(fromUtc).and(S.STARTTIME.lt(toUtc));
	}

	/** The model a row is counted under: {@code model_group} when non-empty, else {@code model}. */
	Field<String> modelName() {
		Field<String> deployment = nullif(S.MODEL, inline(""));
		if (!capabilities.hasSpendLogColumn("model_group")) {
			return coalesce(deployment, inline(""));
		}
		return coalesce(nullif(S.MODEL_GROUP, inline("")), deployment, inline(""));
	}

	private Field<String> optionalText(String column, Field<String> field) {
		return capabilities.hasSpendLogColumn(column) ? coalesce(field, inline("")) : inline("");
	}

}
