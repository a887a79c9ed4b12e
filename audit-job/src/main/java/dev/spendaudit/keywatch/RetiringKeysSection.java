package dev.spendaudit.keywatch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.store.jooq.tables.records.RetiringKeyDayRecord;
import org.springframework.core.Ordered;

/**
 * The day's {@code retiringKeys}: the migration checklist, as step {@code watchKeys} stored it. Its findings are
 * {@link RetiringKeyRule}'s.
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

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	static RetiringKeyJson json(RetiringKeyDayRecord r) {
		// a key configured by its token hash is named by its fingerprint: no output shows a whole hash
		return new RetiringKeyJson(RetiringKey.display(r.getSettingKey()), r.getWorkload(),
				UtcTimes.iso(r.getLastSeenUtc()), r.getRequests_24h(), r.getRequests_7d(), exact(r.getSpend_7dUsd()),
				r.getVerdict(), r.getMatchedBy(),
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

		/** The same with the key named as findings name it (a token hash by its fingerprint). */
		RetiringKeyJson named(String name) {
			return new RetiringKeyJson(name, workload, lastSeen, requests24h, requests7d, usd7d, verdict, matchedBy,
					fingerprints, lastActive, lastDailyAggregate, latestSign, quietDays, quietForHours, note, deadline,
					models, callers);
		}

	}

}
