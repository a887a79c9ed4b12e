package dev.spendaudit.digest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.findings.Finding;
import dev.spendaudit.findings.FindingFolding;

/**
 * The day's digest as data: what {@code digest-YYYY-MM-DD.json} holds (schema:
 * {@code schema/digest.schema.json}) and what the HTML and text renderings show. Field names are a contract: later
 * sections are added, never renamed.
 *
 * @param date the audited day in {@code zone}
 * @param newestRow newest spend-log row (UTC wall-clock, ISO-8601) that started before the day ended
 * @param runId the Spring Batch job execution that produced this document
 * @param rerunCommand the exact command that recomputes this day
 * @param status OK, WATCH or ALERT: the worst severity among the findings (the folded ones too)
 * @param findings every feature's findings for the day in the day's order, at most
 * {@value FindingFolding#JSON_MAX_PER_KIND} of one kind (the worst and largest)
 * @param findingsFolded the rest, counted per kind and severity with their money
 * @param sections the features' own top-level fields ({@link DigestSection}), by name
 */
@JsonPropertyOrder({ "date", "zone", "status", "metered", "workloads", "findings", "findingsFolded",
		"anomalousRows", "newestRow", "generatedAt", "runId", "rerunCommand" })
public record DigestDocument(LocalDate date, String zone, Metered metered, List<WorkloadSpend> workloads,
		AnomalousRows anomalousRows, String newestRow, String generatedAt, long runId, String rerunCommand,
		String status, List<Finding> findings, List<FindingFolding.Folded> findingsFolded,
		@JsonIgnore Map<String, Object> sections) {

	/** The sections' fields, written as top-level JSON fields after the core ones. */
	@JsonAnyGetter
	public Map<String, Object> sectionFields() {
		return sections;
	}

	/** The core document with the day's findings (in the day's order), before any section is added. */
	static DigestDocument core(LocalDate date, String zone, Metered metered, List<WorkloadSpend> workloads,
			AnomalousRows anomalousRows, String newestRow, String generatedAt, long runId, String rerunCommand,
			List<Finding> findings) {
		FindingFolding.Result<Finding> listed = FindingFolding.fold(findings, FindingFolding.JSON_MAX_PER_KIND);
		return new DigestDocument(date, zone, metered, workloads, anomalousRows, newestRow, generatedAt, runId,
				rerunCommand, Finding.status(findings), listed.kept(), listed.folded(), Map.of());
	}

	DigestDocument with(Map<String, Object> allSections) {
		return new DigestDocument(date, zone, metered, workloads, anomalousRows, newestRow, generatedAt, runId,
				rerunCommand, status, findings, findingsFolded, allSections);
	}

	/** The day's metered (per-call) spend. Money is exact USD: sums of the log's values, unrounded. */
	public record Metered(BigDecimal usd, long requests, long failedRequests, long cacheHits, long promptTokens,
			long completionTokens) {
	}

	/**
	 * One workload, with the gateway it is on, the rule that named it, and its models.
	 *
	 * @param source the gateway; null for a workload merged across gateways
	 * ({@code spend-audit.merge-workloads-across-sources}) that is on more than one
	 */
	@JsonPropertyOrder({ "workload", "source", "attribution" })
	public record WorkloadSpend(String workload, String source, String attribution, BigDecimal usd, long requests,
			long failedRequests, long promptTokens, long completionTokens, List<ModelSpend> models) {
	}

	public record ModelSpend(String model, String provider, BigDecimal usd, long requests, long promptTokens,
			long completionTokens) {
	}

	/**
	 * Rows that were not taken at face value: {@code invalidSpend} rows (NaN, infinite or negative spend) and
	 * {@code implausibleSpend} rows (finite, but above {@code spend-audit.anomalous.max-request-usd} for one request)
	 * are left out of every sum; {@code invalidMetadata} rows (metadata not a JSON object) are summed but their
	 * metadata is not used. {@code count} is the three together.
	 */
	public record AnomalousRows(long count, long invalidSpend, long invalidMetadata, long implausibleSpend,
			List<Sample> samples) {

		public record Sample(String requestId, String startTime, String reason) {
		}

	}

}
