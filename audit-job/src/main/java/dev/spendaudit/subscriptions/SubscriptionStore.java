package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.spendaudit.store.jooq.tables.records.CostDayRecord;
import dev.spendaudit.store.jooq.tables.records.SubscriptionDayRecord;
import dev.spendaudit.store.jooq.tables.records.SubscriptionWorkloadDayRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.COST_DAY;
import static dev.spendaudit.store.jooq.Tables.SUBSCRIPTION_DAY;
import static dev.spendaudit.store.jooq.Tables.SUBSCRIPTION_WORKLOAD_DAY;

/**
 * The flat-fee tables: the day's cost, each plan's day and its workload shares. What the plans carried comes from
 * the history.
 */
public class SubscriptionStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public SubscriptionStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Replaces the day's costs in one transaction. */
	void replace(CostDay cost) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(SUBSCRIPTION_WORKLOAD_DAY).where(SUBSCRIPTION_WORKLOAD_DAY.AUDIT_DATE.eq(cost.date())).execute();
			db.deleteFrom(SUBSCRIPTION_DAY).where(SUBSCRIPTION_DAY.AUDIT_DATE.eq(cost.date())).execute();
			db.deleteFrom(COST_DAY).where(COST_DAY.AUDIT_DATE.eq(cost.date())).execute();
			CostDayRecord day = db.newRecord(COST_DAY);
			day.setAuditDate(cost.date());
			day.setMonthStart(cost.monthStart());
			day.setMeteredUsd(cost.meteredUsd());
			day.setFlatFeeUsd(cost.flatFeeUsd());
			day.setTotalUsd(cost.totalUsd());
			day.setMeteredMtdUsd(cost.meteredMtdUsd());
			day.setFlatFeeMtdUsd(cost.flatFeeMtdUsd());
			day.setTotalMtdUsd(cost.totalMtdUsd());
			day.insert();
			List<SubscriptionDayRecord> plans = new ArrayList<>();
			List<SubscriptionWorkloadDayRecord> shares = new ArrayList<>();
			for (PlanDay p : cost.plans()) {
				SubscriptionDayRecord r = db.newRecord(SUBSCRIPTION_DAY);
				r.setAuditDate(cost.date());
				r.setName(p.plan().name());
				r.setPlanOrder(p.order());
				r.setPeriod(p.plan().period());
				r.setPeriodUsd(p.plan().feeUsd());
				r.setActive(p.active());
				r.setFeeUsd(p.feeUsd());
				r.setMonthToDateUsd(p.monthToDateUsd());
				r.setRequests(p.requests());
				r.setPromptTokens(p.promptTokens());
				r.setCompletionTokens(p.completionTokens());
				r.setRequests_30d(p.requests30d());
				r.setTokens_30d(p.tokens30d());
				r.setFee_30dUsd(p.fee30dUsd());
				r.setPerMillionTokensUsd(p.perMillionTokensUsd());
				r.setModels(JSONB.valueOf(JSON.writeValueAsString(p.models())));
				r.setAttributeToWorkloads(p.plan().attributesToWorkloads());
				plans.add(r);
				for (PlanDay.WorkloadShare s : p.workloads()) {
					SubscriptionWorkloadDayRecord w = db.newRecord(SUBSCRIPTION_WORKLOAD_DAY);
					w.setAuditDate(cost.date());
					w.setName(p.plan().name());
					w.setWorkload(s.workload());
					w.setTokens(s.tokens());
					w.setFeeUsd(s.usd());
					shares.add(w);
				}
			}
			db.batchInsert(plans).execute();
			db.batchInsert(shares).execute();
		});
	}

	/** The day's total cost: metered spend plus the plans' fees, as the day's audit stored it. */
	public Optional<BigDecimal> totalUsd(LocalDate date) {
		return dsl.select(COST_DAY.TOTAL_USD)
			.from(COST_DAY)
			.where(COST_DAY.AUDIT_DATE.eq(date))
			.fetchOptional(COST_DAY.TOTAL_USD);
	}

	CostDayRecord cost(LocalDate date) {
		return dsl.selectFrom(COST_DAY).where(COST_DAY.AUDIT_DATE.eq(date)).fetchOne();
	}

	List<SubscriptionDayRecord> plans(LocalDate date) {
		return dsl.selectFrom(SUBSCRIPTION_DAY)
			.where(SUBSCRIPTION_DAY.AUDIT_DATE.eq(date))
			.orderBy(SUBSCRIPTION_DAY.PLAN_ORDER)
			.fetch();
	}

	List<SubscriptionWorkloadDayRecord> shares(LocalDate date) {
		return dsl.selectFrom(SUBSCRIPTION_WORKLOAD_DAY)
			.where(SUBSCRIPTION_WORKLOAD_DAY.AUDIT_DATE.eq(date))
			.orderBy(SUBSCRIPTION_WORKLOAD_DAY.FEE_USD.desc(), SUBSCRIPTION_WORKLOAD_DAY.WORKLOAD)
			.fetch();
	}

}
