package dev.spendaudit.tags;

import dev.spendaudit.history.TagHistory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tags' digest section.
 */
@Configuration(proxyBeanMethods = false)
class TagsConfiguration {

	@Bean
	TagsSection tagsSection(TagHistory history) {
		return new TagsSection(history);
	}

}
