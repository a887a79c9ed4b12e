package dev.spendaudit.readday;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.KeyModelRow;
import dev.spendaudit.history.StoredDay;
import dev.spendaudit.staleness.FreshnessSettings;
import dev.spendaudit.staleness.GatewayFreshness;
import org.springframework.core.Ordered;

/**
 * The day's {@code sources} field: one entry per configured gateway, in the configured order, with its spend, its
 * requests and its freshness, and why it is missing when it could not be read. Always there, with one entry
 * ({@code default}) for one gateway.
 */
public class SourcesSection implements DigestSection, Ordered {

	static final String FIELD = "sources";

	private final HistoryReader history;

	private final GatewayNames gateways;

	private final FreshnessSettings settings;

	public SourcesSection(HistoryReader history, GatewayNames gateways, FreshnessSettings settings) {
		this.history = history;
		this.gateways = gateways;
		this.settings = settings;
	}

	/**
	 * One gateway's line of the day.
	 *
	 * @param missing why the gateway could not be read (its part of the day is missing), null when it was read
	 */
	public record Gateway(String name, BigDecimal usd, long requests, GatewayFreshness freshness, String missing) {
	}

	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		StoredDay day = history.day(core.date()).orElse(null);
		if (day == null) {
			return Map.of();
		}
		Map<String, BigDecimal> usd = new HashMap<>();
		Map<String, Long> requests = new HashMap<>();
		for (KeyModelRow r : history.rows(core.date())) {
			usd.merge(r.source(), r.usd(), BigDecimal::add);
			requests.merge(r.source(), r.requests(), Long::sum);
		}
		Map<String, String> missing = history.missingSources(core.date());
		List<Gateway> lines = new ArrayList<>();
		for (String name : gateways.names()) {
			BigDecimal spent = usd.getOrDefault(name, BigDecimal.ZERO);
			lines.add(new Gateway(name, spent.signum() == 0 ? BigDecimal.ZERO : spent.stripTrailingZeros(),
					requests.getOrDefault(name, 0L), GatewayFreshness.of(day, name, missing, settings),
					missing.get(name)));
		}
		return Map.of(FIELD, lines);
	}

}
