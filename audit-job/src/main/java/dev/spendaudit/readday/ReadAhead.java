package dev.spendaudit.readday;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.CallerWatch;
import dev.spendaudit.source.DayCoverage;
import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.LiteLlmSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The next days of a run of several days (a range, a catch-up), read from the source on background threads while
 * the day before them goes through its later steps: the source's scans (PostgreSQL's cores) and the job's own steps
 * (the JVM's) then overlap instead of taking turns. Only the read is done ahead; the day's own {@code readDay} stores
 * the facts under its day lock, and reads the day itself when the read ahead failed or saw another table. What a run
 * that stopped early read ahead is dropped when the next run starts ({@link #clear}), so a later run never takes
 * facts read before rows that arrived since.
 */
final class ReadAhead implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadAhead.class);

	private record Key(String source, LocalDate date) {
	}

	private record Ahead(DayCoverage coverage, DayFacts facts) {
	}

	/** Days read ahead at most: two keep both cores busy while the job's own steps run on one of them. */
	static final int DEPTH = 2;

	private final ExecutorService executor = Executors.newFixedThreadPool(DEPTH, r -> {
		Thread t = new Thread(r, "spend-audit-read-ahead");
		t.setDaemon(true);
		return t;
	});

	private final Map<Key, Future<Ahead>> pending = new ConcurrentHashMap<>();

	private final AtomicLong taken = new AtomicLong();

	/** Starts reading {@code day} from {@code gateway}, unless it is being read already. */
	void start(LiteLlmSource gateway, AuditDay day, CallerWatch watched) {
		pending.computeIfAbsent(new Key(gateway.name(), day.date()), k -> executor.submit(() -> {
			DayCoverage coverage = gateway.coverage(day);
			return new Ahead(coverage, gateway.readDay(day, coverage, watched.hashes(day)));
		}));
	}

	/**
	 * The facts read ahead of {@code day} from {@code gateway}, waiting for the read to end; empty when none was
	 * started, when it failed (the day's own read then meets the failure and reports it) or when it read another
	 * table than {@code coverage} names.
	 */
	Optional<DayFacts> take(LiteLlmSource gateway, AuditDay day, DayCoverage coverage) {
		Future<Ahead> future = pending.remove(new Key(gateway.name(), day.date()));
		if (future == null) {
			return Optional.empty();
		}
		try {
			Ahead ahead = future.get();
			if (!ahead.coverage().table().equals(coverage.table()) || !ahead.facts().day().equals(day)) {
				return Optional.empty();
			}
			taken.incrementAndGet();
			return Optional.of(ahead.facts());
		}
		catch (ExecutionException ex) {
			log.debug("{}: the read ahead of gateway {} failed, reading it again: {}", day.date(), gateway.name(),
					ex.getCause().toString());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Forgets a read ahead of {@code day} that will not be used (the day keeps its stored facts). */
	void discard(LiteLlmSource gateway, LocalDate day) {
		Future<Ahead> future = pending.remove(new Key(gateway.name(), day));
		if (future != null) {
			future.cancel(true);
		}
	}

	/** Drops every read ahead not taken yet (a run that stopped before its days): a new run reads its own. */
	void clear() {
		pending.values().forEach(f -> f.cancel(true));
		pending.clear();
	}

	/** How many days' facts were taken from a read ahead so far. */
	long taken() {
		return taken.get();
	}

	@Override
	public void close() {
		executor.shutdownNow();
		clear();
	}

}
