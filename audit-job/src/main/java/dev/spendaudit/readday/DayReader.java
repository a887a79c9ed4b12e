package dev.spendaudit.readday;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.HistoryWriter;
import dev.spendaudit.source.CallerWatch;
import dev.spendaudit.source.DayCoverage;
import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.DayRowSpan;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.SourceGateways;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one day of the source into the history: the day's facts from one scan, and for an audited day also the
 * bounded freshness lookups (newest row now, longest gap before the day's end). A day the source no longer holds
 * (LiteLLM's retention deleted it) keeps the facts an earlier run stored, unless forced: reading it again would
 * replace real figures with zeros. In a run of several days, the next days are read ahead ({@link ReadAhead}) while
 * this one goes through its later steps.
 */
public class DayReader implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DayReader.class);

	private final SourceGateways gateways;

	/** The primary gateway: whether it still holds the day decides whether stored figures are kept. */
	private final LiteLlmSource source;

	private final HistoryWriter history;

	private final HistoryReader stored;

	private final Clock clock;

	private final CallerWatch watched;

	private final ReadAhead ahead = new ReadAhead();

	public DayReader(LiteLlmSource source, HistoryWriter history, HistoryReader stored, Clock clock,
			CallerWatch watched) {
		this(SourceGateways.of(source), history, stored, clock, watched);
	}

	/** Every reachable gateway's part of the day is read; the unreachable ones' is recorded missing. */
	public DayReader(SourceGateways gateways, HistoryWriter history, HistoryReader stored, Clock clock,
			CallerWatch watched) {
		this.gateways = gateways;
		this.source = gateways.primary();
		this.history = history;
		this.stored = stored;
		this.clock = clock;
		this.watched = watched;
	}

	/**
	 * The audited day: its facts and the freshness lookups over {@code [end − gapWindow, end)}, or the stored facts
	 * kept as they are when the source no longer holds the day ({@code force} reads it anyway).
	 *
	 * @return what was read, and from where, for the digest
	 */
	public SourceRead readAudited(AuditDay day, Duration gapWindow, long jobExecutionId, boolean force) {
		return readAudited(day, gapWindow, jobExecutionId, force, List.of());
	}

	/**
	 * The same, as one day of a run of {@code runDays} (oldest first): once this day is stored, the run's next days
	 * are read ahead, and this day takes its own facts from the read ahead an earlier day of the run started. The
	 * run's first day (or a day alone) drops what an earlier run left read ahead.
	 */
	public SourceRead readAudited(AuditDay day, Duration gapWindow, long jobExecutionId, boolean force,
			List<LocalDate> runDays) {
		if (runDays.indexOf(day.date()) <= 0) {
			// a new run: what a run that stopped early read ahead was read before rows that may have come since
			ahead.clear();
		}
		long started = System.nanoTime();
		DayCoverage coverage = source.coverage(day);
		String oldest = coverage.oldestRowUtc() == null ? null : UtcTimes.iso(coverage.oldestRowUtc());
		String gone = "the source no longer holds " + day.date() + " (" + (oldest == null
				? "its spend log is empty" : "its oldest spend-log row is " + oldest) + ", LiteLLM's retention)";
		if (!coverage.held() && !force && !stored.daysWithFacts(day.date(), day.date()).isEmpty()) {
			String note = gone + ": the figures are the ones stored when it was audited; --force recomputes them";
			log.warn("{}: {}", day.date(), note);
			gateways.reachable().forEach(g -> ahead.discard(g, day.date()));
			readNext(day, runDays);
			return new SourceRead(null, true, oldest, note);
		}
		List<DayFacts> read = new ArrayList<>();
		for (LiteLlmSource gateway : gateways.reachable()) {
			DayCoverage covered = gateway == source ? coverage : gateway.coverage(day);
			DayFacts own = ahead.take(gateway, day, covered)
				.orElseGet(() -> gateway.readDay(day, covered, watched.hashes(day)));
			// the window's earlier days as the store keeps them: their rows are not read again
			Map<LocalDate, DayRowSpan> spans = stored.rowSpans(own.source(),
					day.date().minusDays(gapWindow.toDays() + 2), day.date().minusDays(1));
			read.add(own.withFreshness(gateway.logFreshness(own, gapWindow, now(), spans::get)));
		}
		history.replaceDay(day, read, missing(day, true), jobExecutionId);
		readNext(day, runDays);
		// the night's figures over every gateway read, not the first one's
		long anomalies = read.stream().mapToLong(f -> f.invalidSpendRows() + f.metadata().invalidRows()).sum();
		log.info("{}: {} key/model groups from {} keys, {} provider-hours{}{} in {} ms", day.date(),
				read.stream().mapToInt(f -> f.groups().size()).sum(),
				read.stream().mapToInt(f -> f.workloads().size()).sum(),
				read.stream().mapToInt(f -> f.providerHours().size()).sum(),
				anomalies > 0 ? ", " + anomalies + " anomalous rows" : "",
				read.size() > 1 ? " over " + read.size() + " gateways" : "", (System.nanoTime() - started) / 1_000_000);
		String note = null;
		if (coverage.fromLegacy()) {
			note = "read from \"" + DayCoverage.LEGACY_SPEND_LOGS + "\": the partitioned spend log does not hold "
					+ day.date() + (oldest == null ? " (it is empty)" : " (its oldest row is " + oldest + ")");
		}
		else if (!coverage.held() && force) {
			note = gone + ": recomputed anyway (--force), so its figures are zero";
		}
		else if (!coverage.held() && oldest != null) {
			// nothing stored to keep: say why the day is empty, since it may not be for want of spend
			note = "the spend log holds no row of " + day.date() + " (its oldest row is " + oldest
					+ "): its figures are zero";
		}
		if (note != null) {
			log.warn("{}: {}", day.date(), note);
		}
		return new SourceRead(coverage.table(), false, oldest, note);
	}

	/** A day only rolled up as history: its facts (from the legacy table where only it has them), no digest. */
	public DayFacts rollUp(AuditDay day, long jobExecutionId) {
		List<DayFacts> read = new ArrayList<>();
		for (LiteLlmSource gateway : gateways.reachable()) {
			read.add(gateway.readDay(day, gateway.coverage(day), watched.hashes(day)));
		}
		history.replaceDay(day, read, missing(day, false), jobExecutionId);
		log.debug("{}: rolled up as history, {} key/model groups", day.date(),
				read.stream().mapToInt(f -> f.groups().size()).sum());
		return read.get(0);
	}

	/**
	 * Starts reading the next {@value ReadAhead#DEPTH} days after {@code day} in {@code runDays} from every reachable
	 * gateway, after this day is stored: the callers they watch are the hashes known so far (a hash first seen on a
	 * later day is looked up on its own by the key watch, as on any night).
	 */
	private void readNext(AuditDay day, List<LocalDate> runDays) {
		int at = runDays.indexOf(day.date());
		if (at < 0) {
			return;
		}
		for (LocalDate date : runDays.subList(at + 1, Math.min(runDays.size(), at + 1 + ReadAhead.DEPTH))) {
			for (LiteLlmSource gateway : gateways.reachable()) {
				ahead.start(gateway, AuditDay.of(date, day.zone()), watched);
			}
		}
	}

	/** How many days' facts came from a read ahead (see {@link ReadAhead}). */
	long readAhead() {
		return ahead.taken();
	}

	@Override
	public void close() {
		ahead.close();
	}

	/** The names of the gateways this run reads. */
	public List<String> reachable() {
		return gateways.reachable().stream().map(LiteLlmSource::name).toList();
	}

	/** The gateways that could not be opened at start-up: their part of the day is missing. */
	private Map<String, String> missing(AuditDay day, boolean audited) {
		Map<String, String> missing = new LinkedHashMap<>();
		for (SourceGateways.Unreachable u : gateways.unreachable()) {
			missing.put(u.name(), u.reason());
			if (audited) {
				log.warn("{}: gateway {} not read, its part of the day is missing: {}", day.date(), u.name(), u.reason());
			}
		}
		return missing;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

}
