package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every hint the spend log has about who calls some keys. Only these hint fields are read from {@code metadata}:
 * never the whole column.
 *
 * @param requesterIps {@code requester_ip_address}
 * @param endUsers {@code end_user} (the customer a caller named)
 * @param users {@code "user"} (the internal user owning the key)
 * @param tags elements of {@code request_tags}
 * @param spendLogsMetadata {@code metadata->'spend_logs_metadata'}, the caller-supplied object, as JSON text
 */
public record CallerHints(List<CountedValue> requesterIps, List<CountedValue> endUsers, List<CountedValue> users,
		List<CountedValue> tags, List<CountedValue> spendLogsMetadata) {

	public static final CallerHints NONE = new CallerHints(List.of(), List.of(), List.of(), List.of(), List.of());

	/** The kinds of hint, as the store spells them. */
	public static final String IP = "ip";

	public static final String END_USER = "end_user";

	public static final String USER = "user";

	public static final String TAG = "tag";

	public static final String METADATA = "metadata";

	/** The values shown per kind. */
	public static final int TOP = 5;

	public CallerHints {
		requesterIps = List.copyOf(requesterIps);
		endUsers = List.copyOf(endUsers);
		users = List.copyOf(users);
		tags = List.copyOf(tags);
		spendLogsMetadata = List.copyOf(spendLogsMetadata);
	}

	/** Several days' (or keys') hints as one: counts added, the newest time kept, the {@code top} of each kind. */
	public static CallerHints merge(Collection<CallerHints> parts, int top) {
		Builder b = new Builder();
		for (CallerHints h : parts) {
			h.requesterIps.forEach(v -> b.add(IP, v));
			h.endUsers.forEach(v -> b.add(END_USER, v));
			h.users.forEach(v -> b.add(USER, v));
			h.tags.forEach(v -> b.add(TAG, v));
			h.spendLogsMetadata.forEach(v -> b.add(METADATA, v));
		}
		return b.build(top);
	}

	/** Collects counted values by kind; {@link #build} keeps the most frequent (ties by value). */
	static final class Builder {

		private final Map<String, Map<String, CountedValue>> kinds = new LinkedHashMap<>();

		void add(String kind, CountedValue v) {
			kinds.computeIfAbsent(kind, k -> new HashMap<>()).merge(v.value(), v, (a, b) -> new CountedValue(a.value(),
					a.requests() + b.requests(), newest(a.lastSeen(), b.lastSeen())));
		}

		CallerHints build(int top) {
			return new CallerHints(top(IP, top), top(END_USER, top), top(USER, top), top(TAG, top),
					top(METADATA, top));
		}

		private List<CountedValue> top(String kind, int top) {
			List<CountedValue> values = new ArrayList<>(kinds.getOrDefault(kind, Map.of()).values());
			values.sort(Comparator.comparingLong(CountedValue::requests).reversed()
				.thenComparing(CountedValue::value));
			return values.size() > top ? List.copyOf(values.subList(0, top)) : values;
		}

		/** The later of two times, either of which may be null. */
		static LocalDateTime newest(LocalDateTime a, LocalDateTime b) {
			return a == null ? b : b == null || a.isAfter(b) ? a : b;
		}

	}

}
