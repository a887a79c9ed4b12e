package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.store.jooq.tables.records.CostDayRecord;
import dev.spendaudit.store.jooq.tables.records.SubscriptionDayRecord;
import dev.spendaudit.store.jooq.tables.records.SubscriptionWorkloadDayRecord;
import org.springframework.core.Ordered;

/**
 * The day's {@code subscriptions}, {@code totalUsd}, {@code costs} (metered, flat-fee and total, for the day and
 * the month so far) and {@code flatFeeByWorkload}. Its findings are {@link FlatFeeUnusedRule}'s.
 */
public class SubscriptionsSection implements DigestSection, Ordered {

	private final SubscriptionStore store;

	public SubscriptionsSection(SubscriptionStore store) {
		this.store = store;
	}

	@Override
	public int getOrder() {
		return 200;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		CostDayRecord cost = store.cost(core.date());
		if (cost == null) {
			return Map.of();
		}
		Map<String, List<WorkloadFee>> sharesByPlan = new LinkedHashMap<>();
		Map<String, FlatFeeWorkload> byWorkload = new LinkedHashMap<>();
		for (SubscriptionWorkloadDayRecord s : store.shares(core.date())) {
			sharesByPlan.computeIfAbsent(s.getName(), n -> new ArrayList<>())
				.add(new WorkloadFee(s.getWorkload(), s.getTokens(), exact(s.getFeeUsd())));
			byWorkload.merge(s.getWorkload(),
					new FlatFeeWorkload(s.getWorkload(), exact(s.getFeeUsd()),
							List.of(new PlanShare(s.getName(), s.getTokens(), exact(s.getFeeUsd())))),
					FlatFeeWorkload::plus);
		}
		List<SubscriptionJson> plans = store.plans(core.date())
			.stream()
			.map(p -> json(p, sharesByPlan.getOrDefault(p.getName(), List.of())))
			.toList();
		List<FlatFeeWorkload> workloads = new ArrayList<>(byWorkload.values());
		workloads.sort((a, b) -> b.usd().compareTo(a.usd()));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("subscriptions", plans);
		fields.put("totalUsd", exact(cost.getTotalUsd()));
		fields.put("costs", new Costs(cost.getMonthStart().toString(),
				new Cost(exact(cost.getMeteredUsd()), exact(cost.getMeteredMtdUsd())),
				new Cost(exact(cost.getFlatFeeUsd()), exact(cost.getFlatFeeMtdUsd())),
				new Cost(exact(cost.getTotalUsd()), exact(cost.getTotalMtdUsd()))));
		fields.put("flatFeeByWorkload", workloads);
		return fields;
	}

	private static SubscriptionJson json(SubscriptionDayRecord p, List<WorkloadFee> workloads) {
		return new SubscriptionJson(p.getName(), exact(p.getFeeUsd()), exact(p.getPeriodUsd()), p.getRequests(),
				p.getPromptTokens() + p.getCompletionTokens(),
				p.getPerMillionTokensUsd() == null ? null : exact(p.getPerMillionTokensUsd()), p.getPeriod(),
				p.getActive(), exact(p.getMonthToDateUsd()), p.getPromptTokens(), p.getCompletionTokens(),
				p.getRequests_30d(), p.getTokens_30d(), exact(p.getFee_30dUsd()),
				List.of(SubscriptionStore.JSON.readValue(p.getModels().data(), PlanDay.ModelCarried[].class)),
				p.getAttributeToWorkloads(), workloads);
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	/**
	 * One plan in the day's JSON: {@code usd} is the day's amortized fee, {@code periodUsd} what a period costs,
	 * {@code usdPerMillionTokens} the fee per million tokens carried over the last 30 days.
	 */
	@JsonPropertyOrder({ "name", "usd", "periodUsd", "requests", "tokens", "usdPerMillionTokens", "period", "active",
			"monthToDateUsd", "promptTokens", "completionTokens", "requests30d", "tokens30d", "fee30dUsd", "models",
			"attributeToWorkloads", "workloads" })
	public record SubscriptionJson(String name, BigDecimal usd, BigDecimal periodUsd, long requests, long tokens,
			BigDecimal usdPerMillionTokens, String period, boolean active, BigDecimal monthToDateUsd,
			long promptTokens, long completionTokens, long requests30d, long tokens30d, BigDecimal fee30dUsd,
			List<PlanDay.ModelCarried> models, boolean attributeToWorkloads, List<WorkloadFee> workloads) {
	}

	public record WorkloadFee(String workload, long tokens, BigDecimal usd) {
	}

	/** Metered, flat-fee and total cost side by side. */
	@JsonPropertyOrder({ "monthStart", "metered", "flatFee", "total" })
	public record Costs(String monthStart, Cost metered, Cost flatFee, Cost total) {
	}

	public record Cost(BigDecimal usd, BigDecimal monthToDateUsd) {
	}

	/** A workload's share of the flat fees, kept apart from its metered spend. */
	public record FlatFeeWorkload(String workload, BigDecimal usd, List<PlanShare> plans) {

		FlatFeeWorkload plus(FlatFeeWorkload other) {
			List<PlanShare> all = new ArrayList<>(plans);
			all.addAll(other.plans());
			return new FlatFeeWorkload(workload, usd.add(other.usd()), all);
		}

	}

	public record PlanShare(String name, long tokens, BigDecimal usd) {
	}

}
