package dev.spendaudit.source;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * What {@code doctor} asks of the LiteLLM database before any audit: who we are connected as, the spend log's
 * indexes, size and layout, the legacy table a switch to partitioning leaves behind, which LiteLLM tables the role
 * could write to, and the newest row. Read only, catalogue queries and index-backed lookups only.
 */
public final class SourceInspection {

	/** The table LiteLLM's partitioning script renames the old spend log to. */
	public static final String LEGACY_SPEND_LOGS = "LiteLLM_SpendLogs_legacy";

	private final DSLContext dsl;

	public SourceInspection(Connection connection) {
		this.dsl = DSL.using(connection, SQLDialect.POSTGRES);
	}

	/** The server and the session: version, role, database, schema, and whether the role is a superuser. */
	public record Session(String serverVersion, String user, String database, String schema, boolean superuser) {
	}

	/** An index on the spend log, its key columns in order (expression columns left out). */
	public record Index(String name, List<String> columns, boolean primaryKey) {

		public boolean leadsWith(String column) {
			return !columns.isEmpty() && columns.get(0).equals(column);
		}

	}

	/**
	 * The spend log's size over all its partitions.
	 *
	 * @param estimatedRows the planner's estimate; negative when the table was never analysed
	 */
	public record Size(long bytes, long estimatedRows) {
	}

	/**
	 * How the spend log is laid out.
	 *
	 * @param partitionKey {@code RANGE ("startTime")} for LiteLLM's partitioned layout, null for a plain table
	 * @param legacyReadable whether {@value #LEGACY_SPEND_LOGS} exists and may be read
	 * @param oldestRow the spend log's oldest row, null when it is empty
	 * @param legacyRowsBefore legacy rows older than {@code oldestRow} (all of them when the log is empty): history
	 * only the legacy table holds
	 */
	public record Layout(String partitionKey, int partitions, boolean legacyExists, boolean legacyReadable,
			LocalDateTime oldestRow, long legacyRowsBefore, LocalDateTime legacyOldest, LocalDateTime legacyNewest) {

		public boolean partitioned() {
			return partitionKey != null;
		}

	}

	public Session session() {
		Record r = dsl.fetchOne("select split_part(version(), ' ', 2) as v, current_user as u, current_database() as d,"
				+ " current_schema() as s, (select rolsuper from pg_roles where rolname = current_user) as su");
		return new Session(r.get("v", String.class), r.get("u", String.class), r.get("d", String.class),
				r.get("s", String.class), Boolean.TRUE.equals(r.get("su", Boolean.class)));
	}

	/** Which optional tables and columns exist, and so which rules run (fails when there is no spend log). */
	public SourceCapabilities capabilities() {
		return SourceCapabilities.read(dsl);
	}

	public List<Index> spendLogIndexes() {
		return dsl.fetch("""
				select i.relname as name, x.indisprimary as pk,
				       array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(attnum, ord)
				             join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
				             order by k.ord) as columns
				from pg_index x join pg_class i on i.oid = x.indexrelid
				where x.indrelid = to_regclass(format('%I.%I', current_schema(), ?))
				order by i.relname
				""", SourceCapabilities.SPEND_LOGS)
			.map(r -> new Index(r.get("name", String.class), Arrays.asList(r.get("columns", String[].class)),
					Boolean.TRUE.equals(r.get("pk", Boolean.class))));
	}

	public Size spendLogSize() {
		Record r = dsl.fetchOne("""
				with log as (select to_regclass(format('%I.%I', current_schema(), ?)) as oid),
				leaves as (
				  select t.relid from log, pg_partition_tree(log.oid) t where t.isleaf
				  union
				  select c.oid from log join pg_class c on c.oid = log.oid where c.relkind = 'r'
				)
				select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes,
				       coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint as rows, bool_or(c.reltuples < 0) as unknown
				from leaves join pg_class c on c.oid = leaves.relid
				""", SourceCapabilities.SPEND_LOGS);
		boolean unknown = Boolean.TRUE.equals(r.get("unknown", Boolean.class));
		return new Size(r.get("bytes", Long.class), unknown ? -1 : r.get("rows", Long.class));
	}

	public Layout layout() {
		Record p = dsl.fetchOne("""
				select case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as key,
				       (select count(*) from pg_inherits i where i.inhparent = c.oid)::int as partitions
				from pg_class c where c.oid = to_regclass(format('%I.%I', current_schema(), ?))
				""", SourceCapabilities.SPEND_LOGS);
		LocalDateTime oldest = dsl.fetchOne("select min(\"startTime\") from \"LiteLLM_SpendLogs\"")
			.get(0, LocalDateTime.class);
		Record legacy = dsl.fetchOne("""
				select to_regclass(format('%I.%I', current_schema(), ?)) is not null as exists,
				       coalesce(has_table_privilege(to_regclass(format('%I.%I', current_schema(), ?)), 'SELECT'), false)
				         as readable
				""", LEGACY_SPEND_LOGS, LEGACY_SPEND_LOGS);
		boolean exists = Boolean.TRUE.equals(legacy.get("exists", Boolean.class));
		boolean readable = Boolean.TRUE.equals(legacy.get("readable", Boolean.class));
		if (!readable) {
			return new Layout(p.get("key", String.class), p.get("partitions", Integer.class), exists, false, oldest, 0,
					null, null);
		}
		// only what is older than the spend log's own history is missing from it: a range scan, not a row match
		Record before = dsl.fetchOne("select count(*) as n, min(\"startTime\") as lo, max(\"startTime\") as hi from \""
				+ LEGACY_SPEND_LOGS + "\" where ?::timestamp is null or \"startTime\" < ?::timestamp", oldest, oldest);
		return new Layout(p.get("key", String.class), p.get("partitions", Integer.class), true, true, oldest,
				before.get("n", Long.class), before.get("lo", LocalDateTime.class),
				before.get("hi", LocalDateTime.class));
	}

	/** LiteLLM's tables (not their partitions) this role may insert into, update, delete from or truncate. */
	public List<String> writableTables() {
		return dsl.fetch("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relname like 'LiteLLM\\_%' and c.relkind in ('r', 'p')
				  and not c.relispartition
				  and (has_table_privilege(c.oid, 'INSERT') or has_table_privilege(c.oid, 'UPDATE')
				       or has_table_privilege(c.oid, 'DELETE') or has_table_privilege(c.oid, 'TRUNCATE'))
				order by c.relname
				""").map(r -> r.get(0, String.class));
	}

	/** The newest spend-log row (UTC wall-clock), null when the log is empty. */
	public LocalDateTime newestRow() {
		return dsl.fetchOne("select max(\"startTime\") from \"LiteLLM_SpendLogs\"").get(0, LocalDateTime.class);
	}

}
