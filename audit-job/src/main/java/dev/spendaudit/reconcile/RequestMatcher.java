package dev.spendaudit.reconcile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.spendaudit.source.LiteLlmSource;
import dev.spendaudit.source.LoggedRequest;

/**
 * Looks a provider day's billed request ids up in the spend log by primary key, once per bill content: the result
 * is stored under the SHA-256 of the day's ids, and looked up again only when the bills of the day change.
 */
class RequestMatcher {

	private final LiteLlmSource source;

	private final BillStore store;

	private final Clock clock;

	RequestMatcher(LiteLlmSource source, BillStore store, Clock clock) {
		this.source = source;
		this.store = store;
		this.clock = clock;
	}

	/** What the log holds for each of these ids; ids it lacks are absent. */
	Map<String, LoggedRequest> logged(String provider, LocalDate date, Collection<String> requestIds) {
		List<String> ids = List.copyOf(new TreeSet<>(requestIds));
		String content = sha256(ids);
		return store.matches(provider, date, content).orElseGet(() -> {
			Map<String, LoggedRequest> found = source.loggedRequests(ids);
			store.putMatches(provider, date, content, ids, found, clock.instant());
			return found;
		});
	}

	static String sha256(List<String> sortedIds) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String id : sortedIds) {
				digest.update(id.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
