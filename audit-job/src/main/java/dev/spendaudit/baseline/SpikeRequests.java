package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.PromptBucketCount;
import dev.spendaudit.source.Attribution;
import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.MedianRequest;
import dev.spendaudit.source.PairRequests;
import dev.spendaudit.source.PromptBucket;
import dev.spendaudit.source.RequestPair;
import dev.spendaudit.source.RequestSample;
import dev.spendaudit.source.SourceGateways;

/**
 * Explains the day's spikes with their requests: every spike gets the prompt sizes of its workload × model from
 * the stored facts; the loudest ones (up to {@code detection.drillDowns}) also get their median call and top
 * requests, read from the gateway that logged most of the pair's spend, in one statement per gateway for all of
 * them.
 */
final class SpikeRequests {

	private final HistoryReader history;

	private final SourceGateways gateways;

	private final DetectionSettings detection;

	SpikeRequests(HistoryReader history, SourceGateways gateways, DetectionSettings detection) {
		this.history = history;
		this.gateways = gateways;
		this.detection = detection;
	}

	/** A spike's pair as one gateway logged it: the reader, the pair's keys there, and its stored prompt sizes. */
	private record Plan(LiteLlmSource reader, RequestPair pair, List<DetectionDetails.PromptBucket> buckets) {
	}

	/** The findings, each spike with its requests added, in their order. */
	List<Draft> explain(AuditDay day, List<Draft> findings, List<KeyModelRow> own) {
		Set<Draft> drilled = drilled(findings);
		Map<Draft, Plan> plans = new IdentityHashMap<>();
		Map<LiteLlmSource, List<RequestPair>> reads = new LinkedHashMap<>();
		for (Draft d : findings) {
			if (d.details() instanceof DetectionDetails.Spike && d.drillDown() != null) {
				plan(day, d.drillDown(), own).ifPresent(plan -> {
					plans.put(d, plan);
					if (drilled.contains(d)) {
						reads.computeIfAbsent(plan.reader(), r -> new ArrayList<>()).add(plan.pair());
					}
				});
			}
		}
		// one pass over the day's rows per gateway, for all of its drilled pairs
		Map<LiteLlmSource, Map<RequestPair, PairRequests>> read = new HashMap<>();
		reads.forEach((reader, pairs) -> read.put(reader, reader.pairRequests(day, pairs, detection.topRequests())));
		List<Draft> explained = new ArrayList<>();
		for (Draft d : findings) {
			Plan plan = plans.get(d);
			explained.add(plan == null ? d
					: explained(d, plan, drilled.contains(d) ? read.get(plan.reader()).get(plan.pair()) : null));
		}
		return explained;
	}

	/**
	 * The spikes whose requests are read from the source: the loudest, then largest excess, up to
	 * {@code detection.drillDowns}. The read passes over the day's rows (LiteLLM has no index on {@code api_key}),
	 * and each pair's rows are sorted, so a first night on which every series is new does not sort the whole day.
	 */
	private Set<Draft> drilled(List<Draft> findings) {
		Set<Draft> drilled = Collections.newSetFromMap(new IdentityHashMap<>());
		findings.stream()
			.filter(d -> d.details() instanceof DetectionDetails.Spike && d.drillDown() != null)
			.sorted(Comparator.comparing(Draft::severity, Comparator.reverseOrder())
				.thenComparing(d -> ((DetectionDetails.Spike) d.details()).excessUsd(),
						Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()).reversed()))
			.limit(detection.drillDowns())
			.forEach(drilled::add);
		return drilled;
	}

	/**
	 * The driving workload × model of the day as the gateway that logged most of its spend has it (the only one,
	 * but with merged workloads): its keys there, the tag workload it is, its stored prompt sizes.
	 */
	private Optional<Plan> plan(AuditDay day, Draft.DrillDown pair, List<KeyModelRow> own) {
		Map<String, BigDecimal> spendBySource = new HashMap<>();
		Map<String, Set<String>> keysBySource = new HashMap<>();
		String tagWorkload = null;
		for (KeyModelRow r : own) {
			if (r.date().equals(day.date()) && r.workload().equals(pair.workload()) && r.model().equals(pair.model())) {
				// a workload a tag names: only its own requests of those keys (which may carry others' too)
				tagWorkload = r.attribution() == Attribution.TAG ? r.workload() : tagWorkload;
				spendBySource.merge(r.source(), r.usd(), BigDecimal::add);
				keysBySource.computeIfAbsent(r.source(), k -> new TreeSet<>()).add(r.apiKey());
			}
		}
		Optional<LiteLlmSource> reader = spendBySource.entrySet()
			.stream()
			.max(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry::getKey,
					Comparator.reverseOrder()))
			.flatMap(e -> gateways.named(e.getKey()));
		if (reader.isEmpty()) {
			return Optional.empty();
		}
		Set<String> keys = keysBySource.get(reader.get().name());
		List<DetectionDetails.PromptBucket> buckets = new ArrayList<>();
		for (PromptBucketCount b : history.promptBuckets(day.date(), keys, pair.model())) {
			buckets.add(new DetectionDetails.PromptBucket(PromptBucket.label(b.minPromptTokens()), b.requests(),
					strip(b.usd())));
		}
		return Optional.of(new Plan(reader.get(), new RequestPair(keys, pair.model(), tagWorkload), buckets));
	}

	/** The spike with its prompt sizes, and its median call and top requests where they were read ({@code read}). */
	private static Draft explained(Draft draft, Plan plan, PairRequests read) {
		DetectionDetails.Spike spike = (DetectionDetails.Spike) draft.details();
		if (read == null) {
			return draft.withExplanation(spike.explanation().withRequests(plan.buckets(), List.of(), null, null));
		}
		MedianRequest median = read.median();
		List<DetectionDetails.TopRequest> top = new ArrayList<>();
		for (RequestSample r : read.top()) {
			top.add(new DetectionDetails.TopRequest(r.requestId(), UtcTimes.iso(r.startTimeUtc()), r.promptTokens(),
					r.completionTokens(), strip(r.usd())));
		}
		boolean ofTheDay = draft.kind().equals(SeriesDetector.SPIKE);
		return draft.withExplanation(spike.explanation().withRequests(plan.buckets(), top,
				ofTheDay ? median.promptTokens() : null, ofTheDay ? median.completionTokens() : null));
	}

	private static BigDecimal strip(BigDecimal usd) {
		return usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

}
