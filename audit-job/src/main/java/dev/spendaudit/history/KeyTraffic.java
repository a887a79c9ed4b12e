package dev.spendaudit.history;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import dev.spendaudit.source.CountedValue;

/**
 * Some key hashes' traffic on the stored days up to a day.
 *
 * @param lastSeen their newest row in the look-back (null when none)
 * @param lastSeenKnown false when some of their calls fell on days of release 0.1.0, which did not keep each
 * group's newest row: {@code lastSeen} may then be too old, and the source must say
 * @param requests requests over the whole look-back
 * @param requestsOnDay requests on the day itself (the last 24 hours of the look-back)
 * @param requests7d requests on the 7 days ending with the day
 * @param usd7d their spend on those 7 days
 * @param models the models they called in the look-back, most calls first
 */
public record KeyTraffic(LocalDateTime lastSeen, boolean lastSeenKnown, long requests, long requestsOnDay,
		long requests7d, BigDecimal usd7d, List<CountedValue> models) {

	public static final KeyTraffic NONE = new KeyTraffic(null, true, 0, 0, 0, BigDecimal.ZERO, List.of());

}
