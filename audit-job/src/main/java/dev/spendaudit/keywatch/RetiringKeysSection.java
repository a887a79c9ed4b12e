package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.Finding;
import dev.spendaudit.core.Quantities;
import dev.spendaudit.core.Severity;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.store.jooq.tables.records.RetiringKeyDayRecord;
import org.springframework.core.Ordered;

/**
 * The day's {@code retiringKeys}: the migration checklist. A key still ACTIVE after its note's date is a WATCH, a
 * setting that matches no key is a WATCH, everything else is an INFO line.
 */
public class RetiringKeysSection implements DigestSection, Ordered {

	private final KeyWatchStore store;

	public RetiringKeysSection(KeyWatchStore store) {
		this.store = store;
	}

	@Override
	public int getOrder() {
		return 300;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		List<RetiringKeyDayRecord> rows = store.day(core.date());
		return Map.of("retiringKeys", rows.stream().map(RetiringKeysSection::json).toList());
	}

	@Override
	public List<Finding> findings(DigestDocument core) {
		List<Finding> findings = new ArrayList<>();
		ZoneId zone = ZoneId.of(core.zone());
		for (RetiringKeyDayRecord r : store.day(core.date())) {
			String subject = "key:" + r.getSettingKey();
			switch (Verdict.valueOf(r.getVerdict())) {
				case ACTIVE -> {
					boolean late = r.getDeadline() != null && core.date().isAfter(r.getDeadline());
					findings.add(new Finding("RETIRING_KEY_ACTIVE", late ? Severity.WATCH : Severity.INFO, subject,
							exact(r.getSpend_7dUsd()), null, active(r, late, zone), json(r)));
				}
				case QUIETING -> findings.add(Finding.of("RETIRING_KEY_QUIETING", Severity.INFO, subject, null, null,
						r.getSettingKey() + " has been quiet for " + Quantities.hours(r.getQuietHours()) + " of "
								+ r.getQuietDays() + " days: safe to revoke from " + safeFrom(r, zone)
								+ " if it stays quiet"));
				case SAFE_TO_REVOKE -> findings.add(Finding.of("RETIRING_KEY_SAFE_TO_REVOKE", Severity.INFO, subject,
						null, null, r.getSettingKey() + (r.getQuietHours() == null
								? " shows no traffic in the last " + KeyWatch.lookbackDays(r.getQuietDays()) + " days"
								: " has been quiet for " + Quantities.hours(r.getQuietHours()))
								+ ": safe to revoke"));
				case NOT_FOUND -> findings.add(Finding.of("RETIRING_KEY_NOT_FOUND", Severity.WATCH, subject, null, null,
						"no LiteLLM key has the alias or key name " + r.getSettingKey()
								+ ": check spend-audit.retiring-keys[" + r.getListOrder() + "].key"));
			}
		}
		return findings;
	}

	private static String active(RetiringKeyDayRecord r, boolean late, ZoneId zone) {
		KeyWatchStore.Callers callers = KeyWatchStore.callers(r);
		String hints = Stream.of(callers.requesterIps(), callers.endUsers(), callers.tags(), callers.spendLogsMetadata())
			.flatMap(List::stream)
			.map(KeyWatchStore.Seen::value)
			.limit(4)
			.collect(Collectors.joining(", "));
		StringBuilder text = new StringBuilder(r.getSettingKey()).append(" is still in use");
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

	private static String safeFrom(RetiringKeyDayRecord r, ZoneId zone) {
		return Quantities.zonedTime(r.getLatestSignUtc().plusDays(r.getQuietDays()), zone);
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	static RetiringKeyJson json(RetiringKeyDayRecord r) {
		return new RetiringKeyJson(r.getSettingKey(), r.getWorkload(), UtcTimes.iso(r.getLastSeenUtc()),
				r.getRequests_24h(), r.getRequests_7d(), exact(r.getSpend_7dUsd()), r.getVerdict(), r.getMatchedBy(),
				KeyWatchStore.hashes(r).stream().map(KeyHash::fingerprint).toList(), UtcTimes.iso(r.getLastActiveUtc()),
				r.getLastDailyDate() == null ? null : r.getLastDailyDate().toString(), UtcTimes.iso(r.getLatestSignUtc()),
				r.getQuietDays(),
				r.getQuietHours(), r.getNote(), r.getDeadline() == null ? null : r.getDeadline().toString(),
				KeyWatchStore.models(r), KeyWatchStore.callers(r));
	}

	/**
	 * One retiring key in the day's JSON. {@code lastSeen} is its newest spend-log row; {@code quietForHours}
	 * counts from the newest sign of traffic of any kind (a row, {@code lastActive}, {@code lastDailyAggregate}).
	 */
	@JsonPropertyOrder({ "key", "workload", "lastSeen", "requests24h", "requests7d", "usd7d", "verdict", "matchedBy",
			"fingerprints", "lastActive", "lastDailyAggregate", "latestSign", "quietDays", "quietForHours", "note",
			"deadline", "models", "callers" })
	public record RetiringKeyJson(String key, String workload, String lastSeen, long requests24h, long requests7d,
			BigDecimal usd7d, String verdict, String matchedBy, List<String> fingerprints, String lastActive,
			String lastDailyAggregate, String latestSign, int quietDays, BigDecimal quietForHours, String note,
			String deadline,
			List<KeyWatchStore.Seen> models, KeyWatchStore.Callers callers) {
	}

}
