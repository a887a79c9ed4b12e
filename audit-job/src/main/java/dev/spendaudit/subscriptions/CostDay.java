package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the audited day cost: metered (per-call) spend, flat-fee plans' amortized fees, their total, and the
 * same for the month so far.
 */
public record CostDay(LocalDate date, LocalDate monthStart, BigDecimal meteredUsd, BigDecimal flatFeeUsd,
		BigDecimal meteredMtdUsd, BigDecimal flatFeeMtdUsd, List<PlanDay> plans) {

	public BigDecimal totalUsd() {
		return meteredUsd.add(flatFeeUsd);
	}

	public BigDecimal totalMtdUsd() {
		return meteredMtdUsd.add(flatFeeMtdUsd);
	}

}
