package dev.spendaudit.reconcile.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.spendaudit.reconcile.ReconcileSettings;
import dev.spendaudit.reconcile.fetch.FetchReport.ProviderFetch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the bills of every provider whose key is configured, for the UTC days
 * {@code [lastUtcDay − fetch.days + 1, lastUtcDay]}, and saves every page as served into the inbox. A provider's
 * failure never fails the night: it is in the report and in one log line naming the provider, the host and the
 * HTTP status or cause, never the key.
 */
public final class BillFetcher {

	private static final Logger log = LoggerFactory.getLogger(BillFetcher.class);

	/** The first wait before another attempt; it doubles, up to eight times as long. */
	static final Duration BACKOFF = Duration.ofSeconds(1);

	/** The most pages one request is followed through: a provider that pages forever is a provider that failed. */
	static final int MAX_PAGES = 100;

	private final ReconcileSettings settings;

	private final Duration backoff;

	public BillFetcher(ReconcileSettings settings) {
		this(settings, BACKOFF);
	}

	BillFetcher(ReconcileSettings settings, Duration backoff) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.backoff = backoff;
	}

	/** Whether any provider's key is configured, so that {@link #fetchInto} has anything to do. */
	public boolean anyKey() {
		return !Provider.configured(settings).isEmpty();
	}

	/**
	 * Fetches every configured provider's bills for the {@code fetch.days} UTC days up to {@code lastUtcDay} into
	 * {@code inbox} (made if missing).
	 */
	public FetchReport fetchInto(Path inbox, LocalDate lastUtcDay) {
		ReconcileSettings.Fetch fetch = settings.fetch();
		LocalDate from = lastUtcDay.minusDays(fetch.days() - 1L);
		List<Provider> providers = Provider.configured(settings);
		List<ProviderFetch> fetched = new ArrayList<>();
		if (!providers.isEmpty()) {
			ApiClient client = new ApiClient(fetch.connectTimeout(), fetch.readTimeout(), fetch.attempts(), backoff);
			for (Provider provider : providers) {
				fetched.add(fetch(client, provider, inbox, from, lastUtcDay));
			}
		}
		return new FetchReport(from, lastUtcDay, fetched);
	}

	private static ProviderFetch fetch(ApiClient client, Provider provider, Path inbox, LocalDate from, LocalDate to) {
		List<Path> files = new ArrayList<>();
		String request = null;
		try {
			for (Endpoint endpoint : provider.endpoints(from, to)) {
				request = "GET " + endpoint.path();
				files.addAll(InboxFiles.save(inbox, endpoint, pages(client, provider, endpoint)));
			}
			log.info("reconcile fetch: {} ({}): {} for {}..{} saved into {}", provider.name(), provider.host(),
					files.size() == 1 ? "1 file" : files.size() + " files", from, to, inbox);
			return new ProviderFetch(provider.name(), provider.host(), true, null, files);
		}
		catch (RuntimeException ex) {
			String cause = ex instanceof FetchFailedException ? ex.getMessage()
					: ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			// an answer may quote what it was sent: the key is masked in whatever is said
			String reason = provider.scrub(request == null ? cause : request + ": " + cause).lines()
				.findFirst()
				.orElse("failed");
			log.warn("reconcile fetch: {} ({}) failed: {}", provider.name(), provider.host(), reason);
			return new ProviderFetch(provider.name(), provider.host(), false, reason, files);
		}
	}

	/** Every page of one request, following {@code next_page} while {@code has_more}. */
	private static List<byte[]> pages(ApiClient client, Provider provider, Endpoint endpoint) {
		List<byte[]> pages = new ArrayList<>();
		String page = null;
		do {
			if (pages.size() == MAX_PAGES) {
				throw new FetchFailedException("more than " + MAX_PAGES + " pages");
			}
			byte[] body = client.get(endpoint.uri(provider.base(), page), provider.headers());
			pages.add(body);
			if (!endpoint.paged()) {
				Pages.object(body);
				break;
			}
			String next = Pages.next(body);
			if (next != null && next.equals(page)) {
				throw new FetchFailedException("the answer's next_page is the page just read");
			}
			page = next;
		}
		while (page != null);
		return pages;
	}

}
