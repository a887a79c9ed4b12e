package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.util.List;

/**
 * One plan on one audited day.
 *
 * @param feeUsd the day's share of the fee (zero when the plan is not paid for that day)
 * @param monthToDateUsd the fee's share from the first of the month to the day
 * @param requests calls the plan carried that day
 * @param requests30d calls it carried over the 30 days ending that day, on days it was paid for
 * @param fee30dUsd its fee over those 30 days
 * @param perMillionTokensUsd {@code fee30dUsd} per million tokens carried (null without tokens)
 * @param workloads the day's fee spread over the workloads by tokens (empty unless attribute-to-workloads)
 */
public record PlanDay(int order, Subscription plan, boolean active, BigDecimal feeUsd, BigDecimal monthToDateUsd,
		long requests, long promptTokens, long completionTokens, long requests30d, long tokens30d,
		BigDecimal fee30dUsd, BigDecimal perMillionTokensUsd, List<ModelCarried> models,
		List<WorkloadShare> workloads) {

	public long tokens() {
		return promptTokens + completionTokens;
	}

	/** A model whose calls the plan carried that day. */
	public record ModelCarried(String model, String provider, long requests, long tokens) {
	}

	/** A workload's part of the day's fee. */
	public record WorkloadShare(String workload, long tokens, BigDecimal usd) {
	}

}
