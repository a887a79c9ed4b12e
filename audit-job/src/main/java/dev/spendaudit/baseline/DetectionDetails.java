package dev.spendaudit.baseline;

import java.math.BigDecimal;
import java.util.List;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;

/**
 * The numbers behind a detection finding ({@code Finding.details}), one record per kind. Stored as JSON with the
 * finding (the findings pipeline adds its {@code state}) and written into the digest as they are.
 */
public interface DetectionDetails {

	/**
	 * SPIKE (one day against its 28-day median) and DRIFT (the last 7 days against 7 median days before them).
	 *
	 * @param rule the rule that fired, in plain numbers
	 * @param actualUsd the day's spend (SPIKE) or the last 7 days' (DRIFT)
	 * @param baselineUsd {@code b} (SPIKE) or {@code B7} (DRIFT)
	 * @param z robust z-score (SPIKE only)
	 * @param ratio actual / baseline; null from a zero baseline
	 * @param spreadUsd {@code σ} after its floors (SPIKE only)
	 * @param madUsd the history's median absolute deviation (SPIKE only)
	 * @param historyDays days in the baseline
	 * @param provisional whether the series is younger than the history an ALERT needs (capped at WATCH)
	 * @param related the same event seen on other subjects (the total, the workload, the model...), folded in here
	 * so one event makes one finding
	 * @param explanation where the money went and why
	 */
	record Spike(String rule, BigDecimal actualUsd, BigDecimal baselineUsd, BigDecimal excessUsd, Double z,
			Double ratio, BigDecimal spreadUsd, BigDecimal madUsd, int historyDays, boolean provisional,
			List<Related> related, Explanation explanation) implements DetectionDetails {

		Spike withExplanation(Explanation newExplanation) {
			return new Spike(rule, actualUsd, baselineUsd, excessUsd, z, ratio, spreadUsd, madUsd, historyDays,
					provisional, related, newExplanation);
		}

	}

	/** Another subject's view of the same event. */
	record Related(String kind, String subject, Severity severity, BigDecimal actualUsd, BigDecimal baselineUsd,
			BigDecimal excessUsd, Double z, String rule) {
	}

	/**
	 * Why a spike happened.
	 *
	 * @param summary one line: "vk-vault-indexer · gemini-flash-lite · 545K-token prompts · 99% of the excess"
	 * @param where the subject and the workload × model driving it
	 * @param how the largest part of the change, from the breakdown: bigger prompts, more calls or a higher price
	 * @param share the driving workload × model's share of the day's positive excess (of all workload × model
	 * increases); null when nothing drives it
	 * @param contributors the top changes by workload, model, provider and workload × model
	 * @param breakdown the driving workload × model's change split into calls, size and price
	 * @param promptSizes the driving workload × model's requests on the day by prompt size
	 * @param topRequests its most expensive requests on the day
	 */
	record Explanation(String summary, String where, String how, Double share, List<Contributors> contributors,
			Breakdown breakdown, List<PromptBucket> promptSizes, List<TopRequest> topRequests) {

		static Explanation of(String where, Double share, List<Contributors> contributors, Breakdown breakdown) {
			return new Explanation(null, where, null, share, contributors, breakdown, List.of(), List.of()).summarized();
		}

		/** With the day's requests: the histogram, the top requests and the median request's size. */
		Explanation withRequests(List<PromptBucket> sizes, List<TopRequest> requests, Long medianPrompt,
				Long medianCompletion) {
			Breakdown b = breakdown == null ? null : breakdown.withMedians(medianPrompt, medianCompletion);
			return new Explanation(summary, where, how, share, contributors, b, sizes, requests).summarized();
		}

		private Explanation summarized() {
			String newHow = breakdown == null ? "" : breakdown.how();
			String text = where + (newHow.isEmpty() ? "" : " · " + newHow)
					+ (share == null ? "" : " · " + Quantities.percent(share) + " of the excess");
			return new Explanation(text, where, newHow, share, contributors, breakdown, promptSizes, topRequests);
		}

	}

	/**
	 * The largest changes along one dimension, each against its own baseline.
	 *
	 * @param dimension {@code workload}, {@code model}, {@code provider} or {@code workload×model}
	 * @param otherUsd the excess the listed ones do not account for (a sum of medians is not the median of a sum)
	 */
	record Contributors(String dimension, List<Contributor> top, BigDecimal otherUsd) {
	}

	/** @param share this change over the sum of the dimension's positive changes */
	record Contributor(String name, BigDecimal actualUsd, BigDecimal baselineUsd, BigDecimal deltaUsd, Double share) {
	}

	/**
	 * The change split into more calls, bigger calls and a higher price per token ({@link Decomposition}).
	 * Baseline figures ({@code 0}) are medians over the baseline days, the day's ({@code 1}) are means over its
	 * calls; {@code medianPromptTokens1} is the day's median request, which says what a typical call looked like
	 * when a burst of huge calls sits on top of the usual small ones.
	 *
	 * @param driver {@code VOLUME}, {@code SIZE} or {@code PRICE}: the largest term
	 */
	record Breakdown(String workload, String model, Double calls0, long calls1, long promptPerCall0,
			long promptPerCall1, long completionPerCall0, long completionPerCall1, Long medianPromptTokens1,
			Long medianCompletionTokens1, BigDecimal usdPerMillionTokens0, BigDecimal usdPerMillionTokens1,
			BigDecimal volumeUsd, BigDecimal sizeUsd, BigDecimal priceUsd, BigDecimal otherUsd, String driver) {

		Breakdown withMedians(Long prompt, Long completion) {
			return new Breakdown(workload, model, calls0, calls1, promptPerCall0, promptPerCall1, completionPerCall0,
					completionPerCall1, prompt, completion, usdPerMillionTokens0, usdPerMillionTokens1, volumeUsd,
					sizeUsd, priceUsd, otherUsd, driver);
		}

		/** "545K-token prompts", "1,100 calls (usually 12)", "$2.00/M tokens (usually $1.00)". */
		String how() {
			switch (Decomposition.Driver.valueOf(driver)) {
				case SIZE:
					long prompt = medianPromptTokens1 != null ? medianPromptTokens1 : promptPerCall1;
					long completion = medianCompletionTokens1 != null ? medianCompletionTokens1 : completionPerCall1;
					return prompt - promptPerCall0 >= completion - completionPerCall0
							? Quantities.tokens(prompt) + "-token prompts"
							: Quantities.tokens(completion) + "-token completions";
				case PRICE:
					return Quantities.usd(usdPerMillionTokens1) + "/M tokens (usually "
							+ Quantities.usd(usdPerMillionTokens0) + ")";
				default:
					return calls0 == null || calls0 == 0 ? "new: " + Quantities.count(calls1) + " calls"
							: Quantities.count(calls1) + " calls (usually " + Quantities.number(calls0) + ")";
			}
		}

	}

	/** Requests with a prompt of {@code label} tokens ({@code <1k}, {@code 1–8k}, ... {@code >128k}). */
	record PromptBucket(String label, long requests, BigDecimal usd) {
	}

	/** @param startTime UTC, ISO-8601 */
	record TopRequest(String requestId, String startTime, long promptTokens, long completionTokens, BigDecimal usd) {
	}

	/**
	 * BUDGET: a key's spend projected to its next reset at its recent pace.
	 *
	 * @param share projected / max budget
	 * @param nextReset UTC, ISO-8601; null when the key never resets
	 */
	record Budget(String rule, BigDecimal spentUsd, BigDecimal maxBudgetUsd, BigDecimal paceUsdPerDay,
			int paceDays, BigDecimal projectedUsd, Double share, String budgetDuration, String nextReset,
			Double daysLeft, String budgetId) implements DetectionDetails {
	}

	/** UNPRICED: successful, uncached calls with tokens and zero spend on a model nothing pays for. */
	record Unpriced(String model, String provider, long calls, long promptTokens, long completionTokens,
			List<String> workloads) implements DetectionDetails {
	}

	/** NEW_WORKLOAD and NEW_MODEL: a series with no rows in the baseline window. */
	record NewSeries(String workload, String model, BigDecimal usd, long requests, int windowDays)
			implements DetectionDetails {
	}

	/**
	 * NEW_WORKLOAD for a burst: more new workloads on one day than {@code new-workload-burst} (a client minting a
	 * key per call), reported as one finding.
	 *
	 * @param workloads how many new workloads
	 * @param largest the largest few by spend
	 */
	record NewWorkloads(int workloads, BigDecimal usd, long requests, int windowDays, List<NewSeries> largest)
			implements DetectionDetails {
	}

	/** UNATTRIBUTED: the day's spend without an alias, above the threshold. */
	record Unattributed(BigDecimal unattributedUsd, BigDecimal totalUsd, Double share, Double thresholdShare,
			List<AttributionHealth.Unnamed> workloads) implements DetectionDetails {
	}


	/**
	 * TEAM_SPIKE: a team's day against the median of its closed days before it.
	 *
	 * @param rule the rule that fired, in plain numbers
	 * @param teamId the team's {@code team_id} (the subject names its alias when it has one)
	 * @param historyDays days in the baseline
	 * @param provisional whether the team is younger than the history an ALERT needs (capped at WATCH)
	 * @param workloads the team's workloads of the day, largest first, each against its own median day
	 */
	record TeamSpike(String rule, String teamId, BigDecimal actualUsd, BigDecimal baselineUsd, BigDecimal excessUsd,
			Double z, Double ratio, int historyDays, boolean provisional, List<TeamWorkload> workloads)
			implements DetectionDetails {
	}

	/** One workload of a team on the day, and its median day over the team's baseline days. */
	record TeamWorkload(String workload, BigDecimal usd, BigDecimal baselineUsd) {
	}

}
