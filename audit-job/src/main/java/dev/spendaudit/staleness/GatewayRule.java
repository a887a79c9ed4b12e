package dev.spendaudit.staleness;

import java.util.List;
import java.util.Map;

import dev.spendaudit.core.GatewayNames;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.history.HistoryReader;
import dev.spendaudit.history.StoredDay;

/**
 * With several gateways, each one on its own: {@code GATEWAY_MISSING} (ALERT) when it could not be read, so its
 * part of the day is missing; {@code GATEWAY_STALE} (WATCH, an ALERT from {@code freshness.error-age}) when it
 * stopped logging while the fleet did not. Runs once per gateway: the finding's {@code source} is the gateway.
 */
class GatewayRule implements FindingRule {

	private final HistoryReader history;

	private final FreshnessSettings settings;

	private final GatewayNames gateways;

	GatewayRule(HistoryReader history, FreshnessSettings settings, GatewayNames gateways) {
		this.history = history;
		this.settings = settings;
		this.gateways = gateways;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind("GATEWAY_MISSING", 100), new FindingKind("GATEWAY_STALE", 105));
	}

	@Override
	public boolean perSource() {
		return true;
	}

	@Override
	public List<Detected> findings(RuleDay ruleDay) {
		if (!gateways.several()) {
			// one gateway: the spend log's own rule (LOGGING_OFF, STALE) says it all
			return List.of();
		}
		StoredDay day = history.day(ruleDay.date()).orElse(null);
		if (day == null) {
			return List.of();
		}
		String gateway = ruleDay.source();
		String subject = "gateway:" + gateway;
		Map<String, String> missing = history.missingSources(ruleDay.date());
		if (missing.containsKey(gateway)) {
			return List.of(Detected.of("GATEWAY_MISSING", Severity.ALERT, subject, null, null, "gateway " + gateway
					+ " could not be read, so its spend is not in the day's figures: " + missing.get(gateway)
					+ "; the next run reads it again", null));
		}
		GatewayFreshness fresh = GatewayFreshness.of(day, gateway, missing, settings);
		if (!"STALE".equals(fresh.status())) {
			return List.of();
		}
		String reason = fresh.newestRow() == null ? "gateway " + gateway + " has no spend-log row at all"
				: "gateway " + gateway + " stopped logging: its newest spend-log row is "
						+ Quantities.hours(fresh.ageHours()) + " older than the end of the day (" + fresh.newestRow() + ")";
		return List.of(Detected.of("GATEWAY_STALE", fresh.severity(settings), subject, null, null, reason, fresh));
	}

}
