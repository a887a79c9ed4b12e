package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.digest.DigestDocument.AnomalousRows;
import dev.spendaudit.digest.DigestDocument.Metered;
import dev.spendaudit.digest.DigestDocument.ModelSpend;
import dev.spendaudit.digest.DigestDocument.WorkloadSpend;
import dev.spendaudit.findings.FindingStore;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.store.jooq.tables.records.AuditDayRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.ANOMALOUS_ROW;
import static dev.spendaudit.store.jooq.Tables.AUDIT_DAY;
import static dev.spendaudit.store.jooq.Tables.KEY_MODEL_DAY;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;

/**
 * Builds a day's {@link DigestDocument} from the store: the rollup's rows summed by workload and model, the day's
 * findings from the findings store, and every section's fields.
 */
public class DigestAssembler {

	private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private final DSLContext dsl;

	private final Clock clock;

	private final List<DigestSection> sections;

	private final FindingStore findings;

	public DigestAssembler(DSLContext dsl, Clock clock, List<DigestSection> sections, FindingStore findings) {
		this.dsl = dsl;
		this.clock = clock;
		this.sections = sections;
		this.findings = findings;
	}

	public DigestDocument assemble(LocalDate date, long runId, String rerunCommand) {
		AuditDayRecord day = dsl.selectFrom(AUDIT_DAY).where(AUDIT_DAY.AUDIT_DATE.eq(date)).fetchOptional()
			.orElseThrow(() -> new IllegalStateException("day " + date + " has not been rolled up"));
		List<WorkloadSpend> workloads = workloads(date);
		Metered metered = new Metered(
				exact(workloads.stream().map(WorkloadSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)),
				workloads.stream().mapToLong(WorkloadSpend::requests).sum(),
				workloads.stream().mapToLong(WorkloadSpend::failedRequests).sum(), cacheHits(date),
				workloads.stream().mapToLong(WorkloadSpend::promptTokens).sum(),
				workloads.stream().mapToLong(WorkloadSpend::completionTokens).sum());
		DigestDocument core = DigestDocument.core(date, day.getZone(), metered, workloads, anomalousRows(day),
				iso(day.getNewestRowUtc()), iso(LocalDateTime.now(clock.withZone(ZoneOffset.UTC))), runId,
				rerunCommand, findings.findings(date));
		Map<String, Object> fields = new LinkedHashMap<>();
		for (DigestSection section : sections) {
			fields.putAll(section.fields(core));
		}
		return core.with(fields);
	}

	private List<WorkloadSpend> workloads(LocalDate date) {
		var k = KEY_MODEL_DAY;
		Field<String> rule = min(k.ATTRIBUTION);
		Field<BigDecimal> usd = sum(k.USD);
		Field<BigDecimal> requests = sum(k.REQUESTS);
		Field<BigDecimal> failed = sum(k.FAILED_REQUESTS);
		Field<BigDecimal> prompt = sum(k.PROMPT_TOKENS);
		Field<BigDecimal> completion = sum(k.COMPLETION_TOKENS);
		Map<String, List<ModelSpend>> models = new LinkedHashMap<>();
		Map<String, Attribution> attribution = new LinkedHashMap<>();
		Map<String, Long> failures = new LinkedHashMap<>();
		for (Record r : dsl.select(k.WORKLOAD, k.MODEL, k.PROVIDER, rule, usd, requests, failed, prompt, completion)
			.from(k)
			.where(k.AUDIT_DATE.eq(date))
			.groupBy(k.WORKLOAD, k.MODEL, k.PROVIDER)
			.fetch()) {
			String workload = r.get(k.WORKLOAD);
			models.computeIfAbsent(workload, w -> new ArrayList<>())
				.add(new ModelSpend(r.get(k.MODEL), r.get(k.PROVIDER), exact(r.get(usd)), r.get(requests).longValue(),
						r.get(prompt).longValue(), r.get(completion).longValue()));
			// several hashes can share a workload (a rotated key and its successor): show the strongest rule
			attribution.merge(workload, Attribution.valueOf(r.get(rule)), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
			failures.merge(workload, r.get(failed).longValue(), Long::sum);
		}
		List<WorkloadSpend> workloads = new ArrayList<>();
		models.forEach((workload, list) -> {
			list.sort(Comparator.comparing(ModelSpend::usd).reversed()
				.thenComparing(Comparator.comparingLong(ModelSpend::requests).reversed())
				.thenComparing(ModelSpend::model));
			workloads.add(new WorkloadSpend(workload, attribution.get(workload).name(),
					exact(list.stream().map(ModelSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)),
					list.stream().mapToLong(ModelSpend::requests).sum(), failures.get(workload),
					list.stream().mapToLong(ModelSpend::promptTokens).sum(),
					list.stream().mapToLong(ModelSpend::completionTokens).sum(), List.copyOf(list)));
		});
		workloads.sort(Comparator.comparing(WorkloadSpend::usd).reversed()
			.thenComparing(Comparator.comparingLong(WorkloadSpend::requests).reversed())
			.thenComparing(WorkloadSpend::workload));
		return workloads;
	}

	private long cacheHits(LocalDate date) {
		BigDecimal hits = dsl.select(sum(KEY_MODEL_DAY.CACHE_HITS)).from(KEY_MODEL_DAY)
			.where(KEY_MODEL_DAY.AUDIT_DATE.eq(date)).fetchOne(0, BigDecimal.class);
		return hits == null ? 0 : hits.longValue();
	}

	private AnomalousRows anomalousRows(AuditDayRecord day) {
		var samples = dsl.selectFrom(ANOMALOUS_ROW)
			.where(ANOMALOUS_ROW.AUDIT_DATE.eq(day.getAuditDate()))
			.orderBy(ANOMALOUS_ROW.START_TIME_UTC, ANOMALOUS_ROW.REQUEST_ID)
			.fetch(r -> new AnomalousRows.Sample(r.getRequestId(), iso(r.getStartTimeUtc()), r.getReason()));
		return new AnomalousRows(day.getInvalidSpendRows() + day.getInvalidMetadataRows(), day.getInvalidSpendRows(),
				day.getInvalidMetadataRows(), samples);
	}

	/** Money without trailing zeros, so 0.123000 prints as 0.123. */
	static BigDecimal exact(BigDecimal usd) {
		if (usd == null || usd.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return usd.stripTrailingZeros();
	}

	static String iso(LocalDateTime utc) {
		return utc == null ? null : ISO_UTC.format(utc);
	}

}
