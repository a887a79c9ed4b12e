package dev.spendaudit.subscriptions;

import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.store.jooq.tables.records.SubscriptionDayRecord;

/**
 * FLAT_FEE_UNUSED (WATCH): a plan paid for that carried no call in the last 30 days, from what step
 * {@code costSubscriptions} stored for the day.
 */
class FlatFeeUnusedRule implements FindingRule {

	static final String FLAT_FEE_UNUSED = "FLAT_FEE_UNUSED";

	private final SubscriptionStore store;

	FlatFeeUnusedRule(SubscriptionStore store) {
		this.store = store;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind(FLAT_FEE_UNUSED, 210));
	}

	@Override
	public List<Detected> findings(RuleDay day) {
		List<Detected> findings = new ArrayList<>();
		for (SubscriptionDayRecord p : store.plans(day.date())) {
			if (p.getActive() && p.getTokens_30d() == 0 && p.getRequests_30d() == 0) {
				findings.add(Detected.of(FLAT_FEE_UNUSED, Severity.WATCH, "plan:" + p.getName(),
						SubscriptionsSection.exact(p.getFeeUsd()), null,
						p.getName() + " costs " + Quantities.usd(p.getPeriodUsd()) + " "
								+ p.getPeriod() + " and carried no call in the last 30 days",
						null));
			}
		}
		return findings;
	}

}
