package dev.spendaudit.source;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A day's reads side by side on two PostgreSQL backends: the day's statement in two halves split at a whole UTC
 * hour, and the day's row span beside it. PostgreSQL runs a bare {@code GROUP BY} in parallel workers but never
 * {@code GROUPING SETS}, so the job runs the halves on two connections itself. Every group of the statement's finest
 * grain lies within one UTC hour, hence within one half: the halves' rows add up to exactly what one statement
 * returns ({@link Scan} adds the parts). Only a day read alone does so: days read at once (a range's read ahead)
 * keep both cores busy already, and splitting them as well only adds backends contending for the same two cores
 * and buffers (a 30-day backfill took a fifth longer). At most {@link #HELPERS} reads run on helper threads at a
 * time, so a source's pool (six connections) never runs dry.
 */
final class SideBySide {

	/** Helper threads, shared by every day read at once: with the readers, the most connections a source uses. */
	static final int HELPERS = 2;

	/** A day shorter than this is read in one statement: splitting it saves nothing. */
	static final Duration SPLIT_FROM = Duration.ofHours(2);

	private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(HELPERS, r -> {
		Thread t = new Thread(r, "spend-audit-scan");
		t.setDaemon(true);
		return t;
	});

	/** A window of the spend log, {@code [fromUtc, toUtc)}. */
	record Window(LocalDateTime fromUtc, LocalDateTime toUtc) {
	}

	/** Days being read now, by any gateway. */
	private static final AtomicInteger READING = new AtomicInteger();

	private SideBySide() {
	}

	/** Counts a day's read in; whether it is the only one, and may use the helpers. {@link #leave} counts it out. */
	static boolean enter() {
		return READING.incrementAndGet() == 1;
	}

	static void leave() {
		READING.decrementAndGet();
	}

	/** {@code [from, to)} in two halves at the whole UTC hour nearest below its middle, or whole when short. */
	static List<Window> halves(LocalDateTime from, LocalDateTime to) {
		LocalDateTime middle = from.plus(Duration.between(from, to).dividedBy(2)).truncatedTo(ChronoUnit.HOURS);
		if (Duration.between(from, to).compareTo(SPLIT_FROM) < 0 || !middle.isAfter(from)) {
			return List.of(new Window(from, to));
		}
		return List.of(new Window(from, middle), new Window(middle, to));
	}

	/** Starts {@code read} on a helper thread. */
	static <T> Future<T> start(Callable<T> read) {
		return EXECUTOR.submit(read);
	}

	/** {@code read} of each window, the later ones on helper threads while the first runs on this one. */
	static <T> List<T> each(List<Window> windows, Function<Window, T> read) {
		List<Future<T>> later = windows.subList(1, windows.size()).stream()
			.map(w -> start(() -> read.apply(w)))
			.toList();
		T first;
		try {
			first = read.apply(windows.get(0));
		}
		catch (RuntimeException ex) {
			// the later reads still hold connections: wait for them, so that none outlives the failed read
			later.forEach(f -> {
				try {
					join(f);
				}
				catch (RuntimeException other) {
					ex.addSuppressed(other);
				}
			});
			throw ex;
		}
		List<T> all = new ArrayList<>(List.of(first));
		for (Future<T> f : later) {
			all.add(join(f));
		}
		return all;
	}

	/** The result of a read started here; its failure as it was thrown on the helper thread. */
	static <T> T join(Future<T> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the spend log", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
