package dev.spendaudit.reconcile.fetch;

import dev.spendaudit.reconcile.ReconcileSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link BillFetcher} the reconciliation step calls before it reads the inbox. */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	BillFetcher billFetcher(ReconcileSettings settings) {
		return new BillFetcher(settings);
	}

}
