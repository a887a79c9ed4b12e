package dev.spendaudit.tags;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.history.TagHistory;
import dev.spendaudit.source.TagSet;
import org.springframework.core.Ordered;

/**
 * The day's {@code tags} (per tag, overlapping: a request with two tags is in both) and {@code tagSets} (per exact
 * set of tags, untagged included: they add up to the day). Only on a day with a tagged request or a
 * {@code request_tags} value that is not an array.
 */
public class TagsSection implements DigestSection, Ordered {

	static final String TAGS = "tags";

	static final String TAG_SETS = "tagSets";

	private final TagHistory history;

	public TagsSection(TagHistory history) {
		this.history = history;
	}

	@Override
	public int getOrder() {
		return 60;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		List<TagSet> sets = history.tagSets(core.date());
		if (sets.stream().allMatch(s -> s.untagged() && s.notArrayRows() == 0)) {
			return Map.of();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(TAGS, TagHistory.tags(sets)
			.stream()
			.map(t -> new TagJson(t.tag(), exact(t.usd()), t.requests(), t.failedRequests()))
			.toList());
		fields.put(TAG_SETS, sets.stream()
			.map(s -> new TagSetJson(s.tags(), exact(s.usd()), s.requests(), s.failedRequests(), s.promptTokens(),
					s.completionTokens(), s.untagged() ? s.notArrayRows() : null))
			.toList());
		return fields;
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	/** One tag: every request that carried it, whatever else it carried (the rows overlap). */
	@JsonPropertyOrder({ "tag", "usd", "requests", "failedRequests" })
	public record TagJson(String tag, BigDecimal usd, long requests, long failedRequests) {
	}

	/**
	 * One exact set of tags (empty: untagged); the rows add up to the day.
	 *
	 * @param notArrayRows on the untagged row: requests whose {@code request_tags} was JSON but not an array
	 */
	@JsonPropertyOrder({ "tags", "usd", "requests", "failedRequests", "promptTokens", "completionTokens",
			"notArrayRows" })
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record TagSetJson(List<String> tags, BigDecimal usd, long requests, long failedRequests,
			long promptTokens, long completionTokens, Long notArrayRows) {
	}

}
