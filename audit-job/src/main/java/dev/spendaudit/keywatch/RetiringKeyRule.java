package dev.spendaudit.keywatch;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.findings.Detected;
import dev.spendaudit.findings.FindingKind;
import dev.spendaudit.findings.FindingRule;
import dev.spendaudit.findings.RuleDay;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.store.jooq.tables.records.RetiringKeyDayRecord;

/**
 * The retiring keys' findings, from the checklist step {@code watchKeys} stored for the day. A key still ACTIVE
 * after its note's date is a WATCH, a setting that matches no key is a WATCH, everything else is an INFO line. A
 * key configured by its token hash is named by its 12-character fingerprint, as the {@code keys} command shows it.
 */
class RetiringKeyRule implements FindingRule {

	static final String ACTIVE = "RETIRING_KEY_ACTIVE";

	static final String NOT_FOUND = "RETIRING_KEY_NOT_FOUND";

	static final String QUIETING = "RETIRING_KEY_QUIETING";

	static final String SAFE_TO_REVOKE = "RETIRING_KEY_SAFE_TO_REVOKE";

	private final KeyWatchStore store;

	RetiringKeyRule(KeyWatchStore store) {
		this.store = store;
	}

	@Override
	public List<FindingKind> kinds() {
		return List.of(new FindingKind(ACTIVE, 310), new FindingKind(NOT_FOUND, 320), new FindingKind(QUIETING, 330),
				new FindingKind(SAFE_TO_REVOKE, 340));
	}

	@Override
	public List<Detected> findings(RuleDay day) {
		List<Detected> findings = new ArrayList<>();
		for (RetiringKeyDayRecord r : store.day(day.date())) {
			String name = RetiringKey.display(r.getSettingKey());
			String subject = "key:" + name;
			switch (Verdict.valueOf(r.getVerdict())) {
				case ACTIVE -> {
					boolean late = r.getDeadline() != null && day.date().isAfter(r.getDeadline());
					findings.add(Detected.of(ACTIVE, late ? Severity.WATCH : Severity.INFO, subject,
							RetiringKeysSection.exact(r.getSpend_7dUsd()), null, active(r, name, late, day.zone()),
							RetiringKeysSection.json(r).named(name)));
				}
				case QUIETING -> findings.add(Detected.of(QUIETING, Severity.INFO, subject, null, null,
						name + " has been quiet for " + Quantities.hours(r.getQuietHours()) + " of " + r.getQuietDays()
								+ " days: safe to revoke from " + safeFrom(r, day.zone()) + " if it stays quiet",
						null));
				case SAFE_TO_REVOKE -> findings.add(Detected.of(SAFE_TO_REVOKE, Severity.INFO, subject, null, null,
						name + fingerprints(r, name) + (r.getQuietHours() == null
								? " shows no traffic in the last " + KeyWatch.lookbackDays(r.getQuietDays()) + " days"
								: " has been quiet for " + Quantities.hours(r.getQuietHours()))
								+ ": safe to revoke",
						null));
				case NOT_FOUND -> findings.add(Detected.of(NOT_FOUND, Severity.WATCH, subject, null, null,
						"no LiteLLM key has the alias or key name " + name + ": check spend-audit.retiring-keys["
								+ r.getListOrder() + "].key",
						null));
			}
		}
		return findings;
	}

	private static String active(RetiringKeyDayRecord r, String name, boolean late, ZoneId zone) {
		KeyWatchStore.Callers callers = KeyWatchStore.callers(r);
		String hints = Stream.of(callers.requesterIps(), callers.endUsers(), callers.tags(), callers.spendLogsMetadata())
			.flatMap(List::stream)
			.map(KeyWatchStore.Seen::value)
			.limit(4)
			.collect(Collectors.joining(", "));
		StringBuilder text = new StringBuilder(name).append(" is still in use");
		if (late) {
			text.append(" after ").append(r.getDeadline());
		}
		text.append(": ").append(Quantities.count(r.getRequests_24h())).append(" requests in the last 24 h, ")
			.append(Quantities.count(r.getRequests_7d())).append(" in 7 days");
		if (r.getLastSeenUtc() != null) {
			text.append(", last seen ").append(Quantities.zonedTime(r.getLastSeenUtc(), zone));
		}
		if (!hints.isEmpty()) {
			text.append("; callers: ").append(hints);
		}
		return text.append(". Never revoke a key that still shows traffic.").toString();
	}

	/** " (key 3f2a9c1b7d0e)": which keys to revoke, unless the name already is the one fingerprint. */
	private static String fingerprints(RetiringKeyDayRecord r, String name) {
		List<String> prints = KeyWatchStore.hashes(r).stream().map(KeyHash::fingerprint).toList();
		if (prints.isEmpty() || prints.equals(List.of(name))) {
			return "";
		}
		return (prints.size() == 1 ? " (key " : " (keys ") + String.join(", ", prints) + ")";
	}

	private static String safeFrom(RetiringKeyDayRecord r, ZoneId zone) {
		return Quantities.zonedTime(r.getLatestSignUtc().plusDays(r.getQuietDays()), zone);
	}

}
