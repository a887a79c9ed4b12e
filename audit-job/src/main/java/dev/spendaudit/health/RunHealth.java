package dev.spendaudit.health;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.spendaudit.core.ExitCode;

/**
 * One run as the health signals see it: {@link #begin} pings {@code URL/start}; {@link #finish} pings the outcome
 * and writes the textfile. Nothing here ever throws or changes the run's exit code: a signal that cannot be given is
 * one warning line.
 */
public final class RunHealth {

	private final HealthSettings settings;

	private final Clock clock;

	private final Consumer<String> warnings;

	private final Heartbeat heartbeat;

	private final Instant started;

	private RunHealth(HealthSettings settings, Clock clock, Consumer<String> warnings) {
		this.settings = settings;
		this.clock = clock;
		this.warnings = warnings;
		this.heartbeat = settings.ping().map(url -> new Heartbeat(url, settings, warnings)).orElse(null);
		this.started = clock.instant();
	}

	/** A run starts: pings {@code URL/start} when a heartbeat is configured. */
	public static RunHealth begin(HealthSettings settings, Clock clock, Consumer<String> warnings) {
		RunHealth run = new RunHealth(settings, clock, warnings);
		if (run.heartbeat != null) {
			run.heartbeat.started();
		}
		return run;
	}

	/**
	 * A run whose start is not pinged: a long-running {@code schedule} whose nights ping their own, which reports
	 * here only when it cannot start at all.
	 */
	public static RunHealth withoutStart(HealthSettings settings, Clock clock, Consumer<String> warnings) {
		return new RunHealth(settings, clock, warnings);
	}

	/**
	 * The run ended: writes {@code spend-audit.prom} (the last audited day's figures read from the newest JSON in
	 * {@code outDir}) and pings the outcome.
	 *
	 * @param cause one line, for a failure
	 * @param digestSent whether a day's digest went out; null (or an exception) when unknown
	 */
	public RunReport finish(ExitCode exit, String cause, Path outDir, Function<LocalDate, Boolean> digestSent) {
		DayFigures day = lastDay(outDir);
		RunReport report = new RunReport(exit, cause, started, clock.instant(), day,
				day == null ? null : sent(day.date(), digestSent));
		if (settings.textfileDir() != null) {
			try {
				HealthTextfile.write(settings.textfileDir(), report);
			}
			catch (IOException | RuntimeException ex) {
				warnings.accept("health: cannot write " + settings.textfileDir().resolve(HealthTextfile.FILE_NAME)
						+ " (spend-audit.health.textfile-dir): " + ex.getMessage() + "; the run goes on");
			}
		}
		if (heartbeat != null) {
			heartbeat.finished(exit, cause);
		}
		return report;
	}

	/** When the run began. */
	public Instant started() {
		return started;
	}

	/**
	 * When a day's JSON says ALERT (what {@code spend-audit.exit-on-alert} turns into exit code 10), one line
	 * naming its ALERT findings' kinds.
	 */
	public static Optional<String> alert(Path digestJson) {
		DayFigures day = DayFigures.read(digestJson);
		if (!"ALERT".equals(day.status())) {
			return Optional.empty();
		}
		String kinds = day.findings()
			.keySet()
			.stream()
			.filter(k -> k.severity().equals("ALERT"))
			.map(DayFigures.KindAndSeverity::kind)
			.distinct()
			.collect(Collectors.joining(", "));
		return Optional.of(day.date() + " is an ALERT" + (kinds.isEmpty() ? "" : ": " + kinds));
	}

	private Boolean sent(LocalDate date, Function<LocalDate, Boolean> digestSent) {
		try {
			return digestSent.apply(date);
		}
		catch (RuntimeException ex) {
			// the store is down or the context already closed: unknown, not "not sent"
			return null;
		}
	}

	private DayFigures lastDay(Path outDir) {
		try {
			return DayFigures.newest(outDir).orElse(null);
		}
		catch (RuntimeException ex) {
			warnings.accept("health: cannot read the last audited day's JSON in " + outDir + ": " + ex.getMessage());
			return null;
		}
	}

}
