#!/usr/bin/env bash
# Builds the benchmark's LiteLLM-shaped data sets on this machine's PostgreSQL, in SQL (generate_series, one
# INSERT ... SELECT per day), and keeps them: a data set that is already complete is reused.
#
#   bench/build.sh [--rebuild] [DATASET...]     (default: all of sa_bench_5m sa_bench_500k sa_bench_keys10k)
#
# sa_bench_5m     5,000,010 rows over 30 days (166,667 a day), about 22 GB: takes tens of minutes
# sa_bench_500k   500,001 rows over the last 3 of those days: the same day size, one tenth of the table
# sa_bench_keys10k 5,000 rows a day over 30 days, plus 10,000 calls from 10,000 one-off keys on the audited day
#
# Each data set is LiteLLM's pinned DDL (sql/litellm/, with its indexes), 50 keys with aliases in the key table,
# 20 models, 2% failures, 5% cache hits, about 4 KB of incompressible metadata per row, and LiteLLM's daily
# aggregates beside the log; then VACUUM ANALYZE. The role 'bench' (password 'bench') owns the database and may
# only read LiteLLM's tables, as a read-only audit role would.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

REBUILD=false
SETS=()
for arg in "$@"; do
	case "$arg" in
	--rebuild) REBUILD=true ;;
	sa_bench_*) SETS+=("$arg") ;;
	*) echo "usage: bench/build.sh [--rebuild] [sa_bench_5m|sa_bench_500k|sa_bench_keys10k...]" >&2; exit 2 ;;
	esac
done
[ ${#SETS[@]} -gt 0 ] || SETS=(sa_bench_500k sa_bench_keys10k sa_bench_5m)

build() {
	local db="$1" days="${DATASET_DAYS[$1]}" rows="${DATASET_ROWS[$1]}" one_off="${DATASET_ONE_OFF[$1]}"
	local first_day started script
	first_day="$(days_before "$BENCH_DAY" $((days - 1)))"
	if ! $REBUILD && [[ "$(dataset_comment "$db")" == complete* ]]; then
		echo "$db: reused ($(dataset_comment "$db"))"
		return
	fi
	echo "$db: building $days days x $rows rows ($first_day .. $BENCH_DAY)$([ "$one_off" = 0 ] || echo ", $one_off one-off keys")"
	started=$(date +%s)
	PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- dropdb --if-exists --force "$db"
	runuser -u postgres -- createdb -O "$BENCH_ROLE" "$db"
	script="$(mktemp)"
	{
		echo "SET synchronous_commit = off;"
		echo "CREATE EXTENSION pgcrypto;"
		cat sql/litellm/*.sql
		# LiteLLM's indexes on the spend log are built after the load (faster), exactly as the DDL declares them
		echo "CREATE TEMP TABLE deferred_index AS SELECT c.relname, pg_get_indexdef(i.indexrelid) AS def,
			con.conname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
			LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid
			WHERE i.indrelid = '\"LiteLLM_SpendLogs\"'::regclass;"
		echo "SELECT CASE WHEN conname IS NULL THEN format('DROP INDEX %I', relname)
			ELSE format('ALTER TABLE \"LiteLLM_SpendLogs\" DROP CONSTRAINT %I', conname) END FROM deferred_index \\gexec"
		echo "\\set first_day $first_day"
		echo "\\set last_day $BENCH_DAY"
		echo "\\set keys 50"
		cat bench/sql/keys.sql
		for ((d = days - 1; d >= 0; d--)); do
			echo "\\set day $(days_before "$BENCH_DAY" "$d")"
			echo "\\set rows $rows"
			echo "\\set key_prefix sk-bench-"
			cat bench/sql/spend-logs.sql
			echo "\\echo '  ' :day loaded"
		done
		if [ "$one_off" != 0 ]; then
			echo "\\set day $BENCH_DAY"
			echo "\\set calls $one_off"
			cat bench/sql/one-off-keys.sql
		fi
		echo "\\echo '  ' indexes"
		echo "SELECT def FROM deferred_index UNION ALL SELECT format('ALTER TABLE \"LiteLLM_SpendLogs\"
			ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I', conname, relname) FROM deferred_index
			WHERE conname IS NOT NULL \\gexec"
		cat bench/sql/daily-user-spend.sql
		echo "DROP EXTENSION pgcrypto;"
		echo "GRANT SELECT ON ALL TABLES IN SCHEMA public TO $BENCH_ROLE;"
		echo "\\echo '  ' vacuum analyze"
		echo "VACUUM (ANALYZE) ;"
	} >"$script"
	chmod a+r "$script"
	psql_admin "$db" -f "$script"
	rm -f "$script"
	local seconds=$(($(date +%s) - started)) total size
	total="$(psql_admin "$db" -tA -c 'SELECT count(*) FROM "LiteLLM_SpendLogs"')"
	size="$(psql_admin "$db" -tA -c "SELECT pg_size_pretty(pg_total_relation_size('\"LiteLLM_SpendLogs\"'))")"
	psql_admin postgres -c "COMMENT ON DATABASE $db IS 'complete: $total rows, $size, $days days to $BENCH_DAY, built in $seconds s on $(date -u +%F)'"
	echo "$db: $(dataset_comment "$db")"
}

pg_start
for db in "${SETS[@]}"; do
	[ -n "${DATASET_DAYS[$db]:-}" ] || { echo "unknown data set $db" >&2; exit 2; }
	build "$db"
done
