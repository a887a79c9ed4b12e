package dev.spendaudit.staleness;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.store.jooq.tables.records.CaptureGapRecord;
import dev.spendaudit.store.jooq.tables.records.FreshnessDayRecord;
import org.springframework.core.Ordered;

/**
 * The day's {@code freshness} field, as the step stored it. Its findings are {@link FreshnessRule}'s.
 */
public class FreshnessSection implements DigestSection, Ordered {

	private final FreshnessStore store;

	private final FreshnessSettings settings;

	public FreshnessSection(FreshnessStore store, FreshnessSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return 100;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		FreshnessDayRecord day = store.day(core.date());
		return day == null ? Map.of() : Map.of("freshness", json(day, store.gaps(core.date())));
	}

	private FreshnessJson json(FreshnessDayRecord day, List<CaptureGapRecord> gaps) {
		return new FreshnessJson(UtcTimes.iso(day.getNewestRowUtc()), day.getAgeHours(), day.getMaxGapHours(),
				UtcTimes.iso(day.getMaxGapFromUtc()), UtcTimes.iso(day.getMaxGapToUtc()), day.getStatus(),
				day.getSeverity(), day.getIndependentSignal(), day.getExplanation(),
				UtcTimes.iso(day.getWindowStartUtc()), UtcTimes.iso(day.getWindowEndUtc()),
				UtcTimes.iso(day.getNewestRowAtRunUtc()), day.getAgeHoursAtRun(), UtcTimes.iso(day.getCheckedAtUtc()),
				FreshnessCheck.hours(settings.warnAge()), FreshnessCheck.hours(settings.errorAge()),
				uncaptured(day, gaps), FreshnessStore.canary(day));
	}

	static Uncaptured uncaptured(FreshnessDayRecord day, List<CaptureGapRecord> gaps) {
		List<GapJson> keys = gaps.stream()
			.map(g -> new GapJson(g.getWorkload(), KeyHash.fingerprint(g.getApiKey()), UtcTimes.iso(g.getPeriodStartUtc()),
					UtcTimes.iso(g.getPeriodEndUtc()), g.getIndependentSignal(), g.getExpectedRequests(),
					g.getExpectedRequests() == null ? null : g.getLoggedRequests(), exact(g.getExpectedUsd()),
					exact(g.getLoggedUsd()),
					g.getExpectedRequests() == null ? null : Math.max(0, g.getExpectedRequests() - g.getLoggedRequests()),
					exact(g.getExpectedUsd().subtract(g.getLoggedUsd()).max(BigDecimal.ZERO))))
			.toList();
		Map<String, WorkloadMissed> byWorkload = new LinkedHashMap<>();
		for (GapJson g : keys) {
			byWorkload.merge(g.workload(), new WorkloadMissed(g.workload(), g.uncapturedRequests(), g.uncapturedUsd()),
					WorkloadMissed::plus);
		}
		List<WorkloadMissed> workloads = new ArrayList<>(byWorkload.values());
		workloads.sort(Comparator.comparing(WorkloadMissed::usd).reversed()
			.thenComparing(w -> w.requests() == null ? 0 : -w.requests())
			.thenComparing(WorkloadMissed::workload));
		return new Uncaptured(day.getUncapturedRequests(), exact(day.getUncapturedUsd()),
				FreshnessStore.silentHours(day), workloads, keys);
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	/**
	 * {@code freshness} in the day's JSON. Ages and the window are measured from the end of the audited day;
	 * {@code ageHoursAtRun} from when the job ran.
	 */
	@JsonPropertyOrder({ "newestRow", "ageHours", "maxGapHours", "maxGapFrom", "maxGapTo", "status", "severity",
			"signal", "explanation", "windowStart", "windowEnd", "newestRowAtRun", "ageHoursAtRun", "checkedAt",
			"warnAgeHours", "errorAgeHours", "uncaptured", "canary" })
	public record FreshnessJson(String newestRow, BigDecimal ageHours, BigDecimal maxGapHours, String maxGapFrom,
			String maxGapTo, String status, String severity, String signal, String explanation, String windowStart,
			String windowEnd, String newestRowAtRun, BigDecimal ageHoursAtRun, String checkedAt,
			BigDecimal warnAgeHours, BigDecimal errorAgeHours, Uncaptured uncaptured,
			FreshnessStore.StoredCanary canary) {
	}

	/** Traffic the log missed: totals, the hours without rows, each workload's part and each key's per period. */
	@JsonPropertyOrder({ "requests", "usd", "silentHours", "byWorkload", "keys" })
	public record Uncaptured(Long requests, BigDecimal usd, List<FreshnessStore.StoredHours> silentHours,
			List<WorkloadMissed> byWorkload, List<GapJson> keys) {
	}

	/** One workload's traffic the log missed, all periods together, most money first. */
	public record WorkloadMissed(String workload, Long requests, BigDecimal usd) {

		WorkloadMissed plus(WorkloadMissed other) {
			return new WorkloadMissed(workload,
					requests == null || other.requests() == null ? null : requests + other.requests(),
					usd.add(other.usd()));
		}

	}

	@JsonPropertyOrder({ "workload", "fingerprint", "from", "to", "signal", "expectedRequests", "loggedRequests",
			"expectedUsd", "loggedUsd", "uncapturedRequests", "uncapturedUsd" })
	public record GapJson(String workload, String fingerprint, String from, String to, String signal,
			Long expectedRequests, Long loggedRequests, BigDecimal expectedUsd, BigDecimal loggedUsd,
			Long uncapturedRequests, BigDecimal uncapturedUsd) {
	}

}
