package dev.spendaudit.reconcile;

import java.time.Clock;

import dev.spendaudit.core.CoreSettings;
import dev.spendaudit.core.DaySteps;
import dev.spendaudit.core.HistoryNeeds;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.ProviderHistory;
import dev.spendaudit.reconcile.bill.BillReader;
import dev.spendaudit.source.LiteLlmSource;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step {@code reconcileBills} (after {@code costSubscriptions}, before {@code detectFindings}): when
 * {@code spend-audit.reconcile.inbox} is set, reads the inbox's new files and reconciles the audited day's UTC
 * window; its rule and its digest section read what it stored.
 */
@Configuration(proxyBeanMethods = false)
class ReconcileStepConfiguration {

	@Bean
	BillStore billStore(DSLContext dsl) {
		return new BillStore(dsl);
	}

	@Bean
	Reconciliation reconciliation(ReconcileSettings settings, ObjectProvider<BillParser> parsers, BillStore store,
			ProviderHistory providers, HistoryReader history, LiteLlmSource source, Clock clock,
			ObjectProvider<BillFetch> fetches) {
		BillParser parser = parsers.getIfAvailable(() -> BillReader::read);
		Inbox inbox = settings.enabled() ? new Inbox(settings.inbox(), parser, store, clock) : null;
		Reconciler reconciler = new Reconciler(store, providers, new ModelPrices(history, store),
				new RequestMatcher(source, store, clock), settings);
		return new Reconciliation(settings, inbox, reconciler, store, clock, fetches.orderedStream().toList());
	}

	/** The window's UTC days need the audited days that cover them, and the day before (a zone behind UTC). */
	@Bean
	HistoryNeeds reconcileHistoryNeeds(ReconcileSettings settings) {
		return () -> settings.enabled() ? settings.windowDays() + 1 : 0;
	}

	@Bean
	ReconcileSection reconcileSection(Reconciliation reconciliation) {
		return new ReconcileSection(reconciliation);
	}

	@Bean
	@Order(400)
	BillRule billRule(Reconciliation reconciliation, ReconcileSettings settings) {
		return new BillRule(reconciliation, settings);
	}

	@Bean
	Step reconcileBills(JobRepository jobRepository, PlatformTransactionManager tx, Reconciliation reconciliation,
			CoreSettings core) {
		return DaySteps.dayStep(jobRepository, tx, core.zone(), day -> {
			if (reconciliation.enabled()) {
				reconciliation.audit(day);
			}
		});
	}

}
