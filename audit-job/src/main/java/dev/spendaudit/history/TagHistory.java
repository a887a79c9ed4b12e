package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.source.TagSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;

import static dev.spendaudit.store.jooq.Tables.TAG_SET_DAY;
import static org.jooq.impl.DSL.sum;

/**
 * The stored tag sets of a day ({@code tag_set_day}) and the per-tag totals derived from them. A request is in one
 * tag set, so the sets add up to the day; a request with several tags is in the total of each of them, so the
 * per-tag totals overlap.
 */
public class TagHistory {

	private final DSLContext dsl;

	public TagHistory(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** The day's tag sets over every source, largest spend first, untagged among them. */
	public List<TagSet> tagSets(LocalDate date) {
		var t = TAG_SET_DAY;
		Field<BigDecimal> requests = sum(t.REQUESTS);
		Field<BigDecimal> failed = sum(t.FAILED_REQUESTS);
		Field<BigDecimal> usd = sum(t.USD);
		Field<BigDecimal> prompt = sum(t.PROMPT_TOKENS);
		Field<BigDecimal> completion = sum(t.COMPLETION_TOKENS);
		Field<BigDecimal> notArray = sum(t.NOT_ARRAY_ROWS);
		List<TagSet> sets = new ArrayList<>();
		for (Record r : dsl.select(t.TAGS, requests, failed, usd, prompt, completion, notArray)
			.from(t)
			.where(t.AUDIT_DATE.eq(date))
			.groupBy(t.TAGS)
			.fetch()) {
			sets.add(new TagSet(List.of(r.get(t.TAGS)), r.get(requests).longValue(), r.get(failed).longValue(),
					r.get(usd), r.get(prompt).longValue(), r.get(completion).longValue(), r.get(notArray).longValue()));
		}
		sets.sort(Comparator.comparing(TagSet::usd).reversed()
			.thenComparing(Comparator.comparingLong(TagSet::requests).reversed())
			.thenComparing(TagSet::tags, TagSet.ORDER));
		return sets;
	}

	/** Each tag of the day with every request that carried it (overlapping), largest spend first. */
	public List<TagSpend> tags(LocalDate date) {
		return tags(tagSets(date));
	}

	/** The per-tag totals of {@code sets}: a set's figures counted in each of its tags. */
	public static List<TagSpend> tags(List<TagSet> sets) {
		Map<String, TagSpend> tags = new LinkedHashMap<>();
		for (TagSet set : sets) {
			for (String tag : set.tags()) {
				tags.merge(tag, new TagSpend(tag, set.usd(), set.requests(), set.failedRequests()),
						(a, b) -> new TagSpend(tag, a.usd().add(b.usd()), a.requests() + b.requests(),
								a.failedRequests() + b.failedRequests()));
			}
		}
		List<TagSpend> list = new ArrayList<>(tags.values());
		list.sort(Comparator.comparing(TagSpend::usd).reversed()
			.thenComparing(Comparator.comparingLong(TagSpend::requests).reversed())
			.thenComparing(TagSpend::tag));
		return list;
	}

	/** One tag's requests and spend: every request that carried it, whatever else it carried. */
	public record TagSpend(String tag, BigDecimal usd, long requests, long failedRequests) {
	}

}
