package dev.spendaudit.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The one place the job reads {@code metadata}, a JSONB column of several kilobytes per row: only the rows of the
 * key hashes no key table names, in one window. It yields their newest request-time alias
 * ({@code metadata->>'user_api_key_alias'}) and counts the rows whose metadata is not a JSON object, which is what
 * {@code anomalousRows.invalidMetadata} reports.
 */
final class RequestMetadata {

	/**
	 * Each row's metadata type and alias, then per hash the newest non-empty alias, the rows read, the non-object
	 * ones and the first few of those.
	 */
	private static final String READ = """
			select api_key,
			  (array_agg(alias order by t desc) filter (where alias <> ''))[1] as alias,
			  (array_agg(team order by t desc) filter (where team <> ''))[1] as team,
			  count(*) as rows_read,
			  count(*) filter (where typ <> 'object') as invalid,
			  (array_agg(request_id order by t, request_id) filter (where typ <> 'object'))[1:?] as sample_ids,
			  (array_agg(t::text order by t, request_id) filter (where typ <> 'object'))[1:?] as sample_times
			from (
			  select api_key, "startTime" as t, request_id, jsonb_typeof(metadata) as typ,
			    metadata->>'user_api_key_alias' as alias, %s as team
			  from "%s"
			  where "startTime" >= ? and "startTime" < ? and api_key in (select unnest(?::text[]))
			) r
			group by api_key
			""";

	private final DSLContext dsl;

	private final SourceCapabilities capabilities;

	private final String table;

	/** @param table the spend log to read: {@code "LiteLLM_SpendLogs"}, or its legacy table for the days only it holds */
	RequestMetadata(DSLContext dsl, SourceCapabilities capabilities, String table) {
		this.dsl = dsl;
		this.capabilities = capabilities;
		this.table = table;
	}

	/**
	 * @param aliases hash → the newest non-empty request-time alias
	 * @param samples up to the requested number of rows with non-object metadata, oldest first
	 */
	record Result(Map<String, String> aliases, DayFacts.MetadataRead metadata, List<AnomalousRow> samples,
			Map<String, String> teams) {

		static final Result NONE = new Result(Map.of(), DayFacts.MetadataRead.NONE, List.of(), Map.of());

	}

	Result read(String[] apiKeys, LocalDateTime fromUtc, LocalDateTime toUtc, int samples) {
		if (apiKeys.length == 0 || !capabilities.hasSpendLogColumn("metadata")) {
			return Result.NONE;
		}
		Map<String, String> aliases = new HashMap<>();
		Map<String, String> teams = new HashMap<>();
		// the spend log's own team_id, a narrow column of the rows read anyway: the team of a key no table names
		String team = capabilities.hasSpendLogColumn("team_id") ? "team_id" : "null::text";
		long rows = 0;
		long invalid = 0;
		List<AnomalousRow> bad = new ArrayList<>();
		for (Record r : dsl.resultQuery(READ.formatted(team, table), samples, samples, fromUtc, toUtc, apiKeys).fetch()) {
			if (r.get("alias") != null) {
				aliases.put(r.get("api_key", String.class), r.get("alias", String.class));
			}
			if (r.get("team") != null) {
				teams.put(r.get("api_key", String.class), r.get("team", String.class));
			}
			rows += r.get("rows_read", Long.class);
			invalid += r.get("invalid", Long.class);
			String[] ids = r.get("sample_ids", String[].class);
			String[] times = r.get("sample_times", String[].class);
			for (int i = 0; ids != null && i < ids.length; i++) {
				bad.add(new AnomalousRow(ids[i], LocalDateTime.parse(times[i].replace(' ', 'T')),
						AnomalousRow.INVALID_METADATA));
			}
		}
		bad.sort(Comparator.comparing(AnomalousRow::startTimeUtc).thenComparing(AnomalousRow::requestId));
		return new Result(aliases, new DayFacts.MetadataRead(rows, invalid),
				bad.subList(0, Math.min(samples, bad.size())), teams);
	}

}
