package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Record;

/**
 * What the day's statement ({@link DaySpendScan}) yields, decoded row by row: its grouping sets are the five
 * kinds of facts (key × model × provider groups, prompt-size buckets, provider UTC hours, key UTC dates, tag sets),
 * told apart by their {@code GROUPING()} flags, and the watched keys' callers. The statement runs in two halves of
 * the day ({@link SideBySide}), so a fact may come in two parts, one from each half: parts of one fact are added up
 * here (exactly: every sum above the finest grain is {@code numeric}).
 */
final class Scan {

	/** Where the tag sets' columns start: {@code GROUPING(t)}, the raw tag text, the sorted tags. */
	static final int TAGS = 20;

	/** Where the watched keys' callers start among the statement's columns (after the facts' twenty-three). */
	static final int CALLERS = 23;

	/** The grain of a row whose {@code request_tags} is JSON but not an array: counted as untagged. */
	static final String NOT_AN_ARRAY = "!";

	private final Map<List<Object>, SpendGroup> groups = new LinkedHashMap<>();

	private final Map<List<Object>, PromptBucket> promptBuckets = new LinkedHashMap<>();

	private final Map<List<Object>, ProviderHour> providerHours = new LinkedHashMap<>();

	private final Map<List<Object>, KeyUtcDate> keyUtcDates = new LinkedHashMap<>();

	private final Map<List<String>, TagSet> tagSets = new TreeMap<>(TagSet.ORDER);

	/** A tally per watched key hash (see {@link WatchedCallers}). */
	private final Map<String, CallerHints.Builder> callers;

	Scan(Map<String, CallerHints.Builder> callers) {
		this.callers = callers;
	}

	List<SpendGroup> groups() {
		return List.copyOf(groups.values());
	}

	List<PromptBucket> promptBuckets() {
		return List.copyOf(promptBuckets.values());
	}

	List<ProviderHour> providerHours() {
		return List.copyOf(providerHours.values());
	}

	List<KeyUtcDate> keyUtcDates() {
		return List.copyOf(keyUtcDates.values());
	}

	/** The day's tag sets, untagged first, then by their tags. */
	List<TagSet> tagSetList() {
		return List.copyOf(tagSets.values());
	}

	/** The callers of each watched key, the top {@link CallerScan#KEPT} of each kind. */
	Map<String, CallerHints> callerHints() {
		Map<String, CallerHints> hints = new TreeMap<>();
		callers.forEach((key, b) -> hints.put(key, b.build(CallerScan.KEPT)));
		return hints;
	}

	/** Adds one row of the statement to the facts of its grouping set. */
	void add(Record r, boolean watching) {
		long requests = number(r, 9);
		BigDecimal usd = r.get(14) == null ? BigDecimal.ZERO : r.get(14, BigDecimal.class);
		if (r.get(TAGS, Integer.class) == 0) {
			boolean notArray = NOT_AN_ARRAY.equals(r.get(TAGS + 1, String.class));
			String[] tags = r.get(TAGS + 2, String[].class);
			// ["b","a"] and ["a","b"] (or a repeated tag) are two grains of one tag set: merged here
			TagSet set = new TagSet(tags == null ? List.of() : List.of(tags), requests, number(r, 10), usd,
					number(r, 12), number(r, 13), notArray ? requests : 0);
			tagSets.merge(set.tags(), set, TagSet::plus);
		}
		else if (watching && r.get(CALLERS + WatchedCallers.NAMES.size(), Integer.class) == 0) {
			WatchedCallers.add(callers, r.get(3, String.class), r, CALLERS, requests,
					r.get(19, LocalDateTime.class));
		}
		else if (r.get(0, Integer.class) == 0) {
			PromptBucket b = new PromptBucket(r.get(3, String.class), r.get(4, String.class), r.get(8, Long.class),
					requests, usd);
			promptBuckets.merge(Arrays.asList(b.apiKey(), b.model(), b.minPromptTokens()), b, PromptBucket::plus);
		}
		else if (r.get(1, Integer.class) == 0) {
			ProviderHour h = new ProviderHour(r.get(6, LocalDateTime.class), r.get(5, String.class), requests,
					number(r, 12), number(r, 13), usd);
			// an hour lies in one half of the day: never two parts
			providerHours.put(Arrays.asList(h.hourUtc(), h.provider()), h);
		}
		else if (r.get(2, Integer.class) == 0) {
			KeyUtcDate k = new KeyUtcDate(r.get(7, LocalDate.class), r.get(3, String.class), requests, number(r, 10),
					usd);
			keyUtcDates.merge(Arrays.asList(k.utcDate(), k.apiKey()), k, KeyUtcDate::plus);
		}
		else {
			SpendGroup g = new SpendGroup(r.get(3, String.class), r.get(4, String.class), r.get(5, String.class),
					requests, number(r, 10), number(r, 11), number(r, 12), number(r, 13), usd, number(r, 15),
					r.get(19, LocalDateTime.class),
					new SpendGroup.Unpriced(number(r, 16), number(r, 17), number(r, 18)), tagWorkload(r));
			groups.merge(Arrays.asList(g.apiKey(), g.model(), g.provider(), g.tagWorkload()), g, SpendGroup::plus);
		}
	}

	/** The group's tag workload, where the statement groups by one ({@link DaySpendScan#TAG_WORKLOAD}). */
	private static String tagWorkload(Record r) {
		int i = r.indexOf(DaySpendScan.TAG_WORKLOAD);
		String name = i < 0 ? null : r.get(i, String.class);
		return name == null || name.isEmpty() ? null : name;
	}

	private static long number(Record r, int index) {
		Object value = r.get(index);
		return value == null ? 0 : ((Number) value).longValue();
	}

}
