package dev.spendaudit.source;

import java.util.List;

/**
 * A finding's own requests on the audited day (its key hashes and model): the median request and the most
 * expensive ones, from one pass over those rows.
 */
public record PairRequests(MedianRequest median, List<RequestSample> top) {

	public PairRequests {
		top = List.copyOf(top);
	}

}
