package dev.spendaudit.reconcile.fetch;

import java.util.List;

import dev.spendaudit.reconcile.BillFetch;
import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.reconcile.fetch.FetchReport.ProviderFetch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link BillFetcher}, and the hook through which reconciliation calls it before it reads the inbox. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	BillFetcher billFetcher(ReconcileSettings settings) {
		return new BillFetcher(settings);
	}

	/** Fetches into the inbox when reconciliation is on and a provider's key is set; returns the failed providers' lines. */
	@Bean
	BillFetch billFetch(BillFetcher fetcher, ReconcileSettings settings) {
		return lastUtcDay -> {
			if (!settings.enabled() || !fetcher.anyKey()) {
				return List.of();
			}
			// a provider's failure is logged by the fetcher and never fails the night
			return fetcher.fetchInto(settings.inbox(), lastUtcDay).failed().stream().map(ProviderFetch::line).toList();
		};
	}

}
