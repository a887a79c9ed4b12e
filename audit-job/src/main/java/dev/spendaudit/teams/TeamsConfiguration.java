package dev.spendaudit.teams;

import dev.spendaudit.history.TeamHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The teams' digest section.
 */
@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

	@Bean
	TeamsSection teamsSection(TeamHistory history) {
		return new TeamsSection(history);
	}

}
