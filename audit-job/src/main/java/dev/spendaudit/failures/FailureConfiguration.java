package dev.spendaudit.failures;

import dev.spendaudit.history.HistoryReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The failed-calls rule, run by the findings pipeline with every other rule. */
@Configuration(proxyBeanMethods = false)
class FailureConfiguration {

	@Bean
	FailureRule failureRule(HistoryReader history, FailureSettings settings) {
		return new FailureRule(history, settings);
	}

}
