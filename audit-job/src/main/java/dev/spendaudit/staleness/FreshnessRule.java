package dev.spendaudit.staleness;

import java.util.ArrayList;
import java.util.List;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.store.jooq.tables.records.FreshnessDayRecord;

/**
 * The spend log's findings, from what step {@code checkFreshness} stored for the day: LOGGING_OFF and a silent or
 * unknown canary are ALERTs, STALE a WATCH or an ALERT by its age, SPEND_LOG_IDLE an INFO.
 */
class FreshnessRule implements FindingRule {

	static final String SUBJECT = "spend-log";

	private final FreshnessStore store;

	private final FreshnessSettings settings;

	FreshnessRule(FreshnessStore store, FreshnessSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind("LOGGING_OFF", 110), new FindingKind("STALE", 120),
				new FindingKind("SPEND_LOG_IDLE", 130), new FindingKind("CANARY_UNKNOWN", 140),
				new FindingKind("CANARY_SILENT", 150));
	}

	@Override
	public List<Detected> findings(RuleDay ruleDay) {
		FreshnessDayRecord day = store.day(ruleDay.date());
		if (day == null) {
			return List.of();
		}
		List<Detected> findings = new ArrayList<>();
		Severity severity = Severity.valueOf(day.getSeverity());
		switch (FreshnessStatus.valueOf(day.getStatus())) {
			case LOGGING_OFF -> findings.add(Detected.of("LOGGING_OFF", severity, SUBJECT, day.getUncapturedUsd(), null,
					day.getExplanation(), FreshnessSection.uncaptured(day, store.gaps(ruleDay.date()))));
			case STALE -> findings.add(Detected.of("STALE", severity, SUBJECT, null, null, day.getExplanation(), null));
			case IDLE -> findings.add(Detected.of("SPEND_LOG_IDLE", severity, SUBJECT, null, null,
					day.getExplanation(), null));
			case OK -> {
			}
		}
		FreshnessStore.StoredCanary canary = FreshnessStore.canary(day);
		if (canary != null && !canary.found()) {
			findings.add(Detected.of("CANARY_UNKNOWN", Severity.ALERT, "key:" + canary.key(), null, null,
					"no LiteLLM key has the alias " + canary.key() + " (spend-audit.freshness.canary-key), so nothing"
							+ " tells an idle gateway from a broken spend log",
					null));
		}
		else if (canary != null && canary.silent()) {
			findings.add(Detected.of("CANARY_SILENT", Severity.ALERT, "key:" + canary.key(), null, null,
					"canary key " + canary.key() + " had no spend-log row for "
							+ Quantities.hours(canary.longestSilenceHours()) + " ("
							+ FreshnessClassifier.range(UtcTimes.parse(canary.longestSilenceFrom()),
									UtcTimes.parse(canary.longestSilenceTo()), ruleDay.zone())
							+ "); it should call at least every " + Quantities.duration(settings.canaryMaxSilence()),
					null));
		}
		return findings;
	}

}
