package dev.spendaudit.keywatch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.core.UtcTimes;
import dev.spendaudit.source.CountedValue;
import dev.spendaudit.store.jooq.tables.records.RetiringKeyDayRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.json.JsonMapper;

import static dev.spendaudit.store.jooq.Tables.RETIRING_KEY_DAY;

/**
 * The retiring-key checklist of each audited day.
 */
public class KeyWatchStore {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DSLContext dsl;

	public KeyWatchStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	void replace(LocalDate date, List<RetiringKeyReport> reports) {
		dsl.transaction(tx -> {
			DSLContext db = tx.dsl();
			db.deleteFrom(RETIRING_KEY_DAY).where(RETIRING_KEY_DAY.AUDIT_DATE.eq(date)).execute();
			List<RetiringKeyDayRecord> rows = new ArrayList<>();
			for (RetiringKeyReport r : reports) {
				RetiringKeyDayRecord row = db.newRecord(RETIRING_KEY_DAY);
				row.setAuditDate(date);
				row.setSettingKey(r.key());
				row.setListOrder(r.order());
				row.setMatchedBy(r.matchedBy());
				row.setWorkload(r.workload());
				row.setTokenHashes(json(r.hashes()));
				row.setLastSeenUtc(r.lastSeen());
				row.setLastActiveUtc(r.lastActive());
				row.setLastDailyDate(r.lastDailyDate());
				row.setLatestSignUtc(r.latestSign());
				row.setRequests_24h(r.requests24h());
				row.setRequests_7d(r.requests7d());
				row.setSpend_7dUsd(r.usd7d());
				row.setQuietDays(r.quietDays());
				row.setQuietHours(r.quietHours());
				row.setVerdict(r.verdict().name());
				row.setNote(r.note());
				row.setDeadline(r.deadline());
				row.setModels(json(Seen.all(r.models())));
				row.setCallers(json(Callers.of(r.callers())));
				rows.add(row);
			}
			db.batchInsert(rows).execute();
		});
	}

	List<RetiringKeyDayRecord> day(LocalDate date) {
		return dsl.selectFrom(RETIRING_KEY_DAY)
			.where(RETIRING_KEY_DAY.AUDIT_DATE.eq(date))
			.orderBy(RETIRING_KEY_DAY.LIST_ORDER)
			.fetch();
	}

	static JSONB json(Object value) {
		return JSONB.valueOf(JSON.writeValueAsString(value));
	}

	static List<Seen> models(RetiringKeyDayRecord row) {
		return List.of(JSON.readValue(row.getModels().data(), Seen[].class));
	}

	static Callers callers(RetiringKeyDayRecord row) {
		return JSON.readValue(row.getCallers().data(), Callers.class);
	}

	static List<String> hashes(RetiringKeyDayRecord row) {
		return List.of(JSON.readValue(row.getTokenHashes().data(), String[].class));
	}

	/** A value seen in the key's rows, as stored and shown: how often and when last (UTC). */
	@JsonPropertyOrder({ "value", "requests", "lastSeen" })
	public record Seen(String value, long requests, String lastSeen) {

		static List<Seen> all(List<CountedValue> values) {
			return values.stream().map(v -> new Seen(v.value(), v.requests(), UtcTimes.iso(v.lastSeen()))).toList();
		}

	}

	/** The caller hints as stored and shown. */
	@JsonPropertyOrder({ "requesterIps", "endUsers", "users", "tags", "spendLogsMetadata" })
	public record Callers(List<Seen> requesterIps, List<Seen> endUsers, List<Seen> users, List<Seen> tags,
			List<Seen> spendLogsMetadata) {

		static Callers of(RetiringKeyReport.Callers c) {
			return new Callers(Seen.all(c.requesterIps()), Seen.all(c.endUsers()), Seen.all(c.users()),
					Seen.all(c.tags()), Seen.all(c.spendLogsMetadata()));
		}

	}

}
