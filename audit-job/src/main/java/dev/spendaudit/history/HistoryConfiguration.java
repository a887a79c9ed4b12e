package dev.spendaudit.history;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The history's writer and its read API, on the job's own store.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

	@Bean
	HistoryWriter historyWriter(DSLContext dsl) {
		return new HistoryWriter(dsl);
	}

	@Bean
	HistoryReader historyReader(DSLContext dsl) {
		return new HistoryReader(dsl);
	}

	@Bean
	KeyHistory keyHistory(DSLContext dsl) {
		return new KeyHistory(dsl);
	}

	@Bean
	CallerHistory callerHistory(DSLContext dsl) {
		return new CallerHistory(dsl);
	}

	@Bean
	ProviderHistory providerHistory(DSLContext dsl) {
		return new ProviderHistory(dsl);
	}

	@Bean
	TagHistory tagHistory(DSLContext dsl) {
		return new TagHistory(dsl);
	}

	@Bean
	TeamHistory teamHistory(DSLContext dsl) {
		return new TeamHistory(dsl);
	}

	@Bean
	LogHistory logHistory(DSLContext dsl) {
		return new LogHistory(dsl);
	}

}
