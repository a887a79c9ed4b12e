package dev.spendaudit.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.reconcile.ProviderCapture;

/**
 * A period's statement as data: what {@code statement-PERIOD.json} holds (schema:
 * {@code schema/statement.schema.json}) and what its HTML and text show. Field names are a contract: later
 * versions add fields, never rename these. Money is exact USD.
 *
 * @param period {@code 2026-11} or {@code 2026-W48}
 * @param meteredUsd per-call spend of the stored days of the period
 * @param subscriptionsUsd the flat-fee plans' amortized fees over the period's days
 * @param workloads every workload, biggest first, with its models
 * @param movers the three workloads whose spend changed most against the previous period
 * @param plans each plan's fee, what it carried and its price per million tokens
 * @param meteredModels the metered models' price per million tokens, to set the plans' against
 * @param budgets the budget findings of the period, the newest per subject
 * @param reconciled per provider, the capture of the period's UTC days from the bills reconciled so far (empty
 * without reconciliation or bills)
 * @param days which of the period's days the store holds
 * @param note one line when days are missing (here or in the previous period), else null
 */
@JsonPropertyOrder({ "period", "kind", "title", "from", "to", "zone", "meteredUsd", "subscriptionsUsd", "totalUsd",
		"previous", "workloads", "movers", "plans", "meteredModels", "budgets", "reconciled", "days", "note", "generatedAt" })
public record Statement(String period, String kind, String title, LocalDate from, LocalDate to, String zone,
		BigDecimal meteredUsd, BigDecimal subscriptionsUsd, BigDecimal totalUsd, Previous previous,
		List<WorkloadLine> workloads, List<Mover> movers, List<PlanLine> plans, List<ModelPrice> meteredModels,
		List<Budget> budgets, List<ProviderCapture> reconciled, Days days, String note, String generatedAt) {

	/** The period before, as the store holds it. */
	public record Previous(String period, LocalDate from, LocalDate to, BigDecimal meteredUsd,
			BigDecimal subscriptionsUsd, BigDecimal totalUsd, Days days) {
	}

	/**
	 * @param share of the period's metered spend (0..1, four decimals)
	 * @param previousUsd the workload's metered spend in the previous period (0 when it had none)
	 */
	public record WorkloadLine(String workload, BigDecimal usd, BigDecimal share, BigDecimal previousUsd,
			BigDecimal changeUsd, long requests, long tokens, List<ModelLine> models) {
	}

	/** @param share of the workload's metered spend */
	public record ModelLine(String model, String provider, BigDecimal usd, BigDecimal share, BigDecimal previousUsd,
			long requests, long tokens) {
	}

	public record Mover(String workload, BigDecimal usd, BigDecimal previousUsd, BigDecimal changeUsd) {
	}

	/** @param usdPerMillionTokens the fee over the tokens the plan carried; null when it carried none */
	public record PlanLine(String name, BigDecimal feeUsd, long requests, long tokens, BigDecimal usdPerMillionTokens) {
	}

	public record ModelPrice(String model, String provider, BigDecimal usd, long tokens,
			BigDecimal usdPerMillionTokens) {
	}

	/** A key's budget as its newest BUDGET finding of the period saw it. */
	public record Budget(String subject, LocalDate date, String severity, BigDecimal spentUsd, String reason) {
	}

	/** @param missing the days of the period not in the store, oldest first */
	public record Days(long expected, long stored, List<LocalDate> missing) {
	}

}
