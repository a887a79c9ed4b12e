package dev.spendaudit.readday;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.history.HistoryWriter;
import dev.spendaudit.source.DayFacts;
import dev.spendaudit.source.LiteLlmSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one day of the source into the history: the day's facts from one scan, and for an audited day also the
 * bounded freshness lookups (newest row now, longest gap before the day's end).
 */
public class DayReader {

	private static final Logger log = LoggerFactory.getLogger(DayReader.class);

	private final LiteLlmSource source;

	private final HistoryWriter history;

	private final Clock clock;

	public DayReader(LiteLlmSource source, HistoryWriter history, Clock clock) {
		this.source = source;
		this.history = history;
		this.clock = clock;
	}

	/** The audited day: its facts and the freshness lookups over {@code [end − gapWindow, end)}. */
	public DayFacts readAudited(AuditDay day, Duration gapWindow, long jobExecutionId) {
		long started = System.nanoTime();
		DayFacts facts = source.readDay(day);
		facts = facts.withFreshness(source.logFreshness(day, gapWindow, now()));
		history.replaceDay(day, List.of(facts), jobExecutionId);
		long anomalies = facts.invalidSpendRows() + facts.metadata().invalidRows();
		log.info("{}: {} key/model groups from {} keys, {} provider-hours{} in {} ms", day.date(),
				facts.groups().size(), facts.workloads().size(), facts.providerHours().size(),
				anomalies > 0 ? ", " + anomalies + " anomalous rows" : "", (System.nanoTime() - started) / 1_000_000);
		return facts;
	}

	/** A day only rolled up as history: its facts, no freshness lookups, no digest. */
	public DayFacts rollUp(AuditDay day, long jobExecutionId) {
		DayFacts facts = source.readDay(day);
		history.replaceDay(day, List.of(facts), jobExecutionId);
		log.debug("{}: rolled up as history, {} key/model groups", day.date(), facts.groups().size());
		return facts;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
	}

}
