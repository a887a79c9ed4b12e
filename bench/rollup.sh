#!/usr/bin/env bash
# Benchmark: one audited day on a LiteLLM-sized spend log, at two table sizes, to show the run time and that the
# job's memory stays flat whatever the table size (aggregation happens in PostgreSQL; the JVM sees only groups).
#
#   bench/rollup.sh [ROWS_PER_DAY] [DAYS_SMALL] [DAYS_LARGE]     (defaults: 100000 3 12)
#
# Uses this machine's PostgreSQL (started, and installed from Debian's packages if missing, like .ci/run).
# Rows carry ~4.5 KB of poorly compressible JSONB metadata (LiteLLM's model_map_information is ~4 KB/row) and come
# from 1,000 keys, 100 of them unknown to the key table (so the request-time alias lookup runs for them).
# Prints: rows in the table, rows in the audited day, wall time of `run`, peak RSS of the JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS_PER_DAY="${1:-100000}"; DAYS_SMALL="${2:-3}"; DAYS_LARGE="${3:-12}"
JAR=audit-job/target/spend-audit.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGV="$(ls /etc/postgresql | sort -V | tail -1)"
pg_ctlcluster "$PGV" main start 2>/dev/null || true
PORT="$(su postgres -c "psql -qtAc 'show port'")"
psqlp() { su postgres -c "psql -q -v ON_ERROR_STOP=1 -d $1" ; }
su postgres -c "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='bench') THEN CREATE ROLE bench LOGIN PASSWORD 'bench'; END IF; END \\\$\\\$;\""

AUDIT_DAY=2026-11-26
OUT="$(mktemp -d)"
run_bench() {
  local days="$1" db="sa_bench_$1"
  su postgres -c "dropdb --if-exists --force $db; createdb -O bench $db"
  cat sql/litellm/*.sql | psqlp "$db"
  psqlp "$db" <<SQL
INSERT INTO "LiteLLM_VerificationToken"(token, key_alias, key_name)
SELECT md5('key'||k)||md5('k'||k), 'vk-bench-'||k, 'sk-...'||right(md5('key'||k),4) FROM generate_series(0,899) k;
INSERT INTO "LiteLLM_SpendLogs"(request_id, call_type, api_key, spend, total_tokens, prompt_tokens, completion_tokens,
  "startTime", "endTime", model, model_group, custom_llm_provider, metadata, cache_hit, status)
SELECT 'b-'||g, 'acompletion', md5('key'||(g%1000))||md5('k'||(g%1000)), (g%97)*0.0001, 1200, 1000, 200,
  ts, ts + interval '2 seconds', 'openai/gpt-4.1-mini', 'model-'||(g%7), 'openai',
  jsonb_build_object('user_api_key_alias', 'vk-bench-'||(g%1000), 'status', 'success',
    'model_map_information', (SELECT string_agg(md5(g::text||i::text), '') FROM generate_series(1,140) i)),
  'False', CASE WHEN g%50=0 THEN 'failure' ELSE 'success' END
FROM generate_series(1, ${ROWS_PER_DAY}*${days}) g,
LATERAL (SELECT timestamp '${AUDIT_DAY}' - interval '$((days-1)) days'
               + (g::double precision / ${ROWS_PER_DAY}) * interval '1 day' AS ts) t;
ANALYZE "LiteLLM_SpendLogs";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO bench;
SQL
  local total size
  total="$(su postgres -c "psql -qtAc 'select count(*) from \"LiteLLM_SpendLogs\"' -d $db")"
  size="$(su postgres -c "psql -qtAc \"select pg_size_pretty(pg_total_relation_size('\\\"LiteLLM_SpendLogs\\\"'))\" -d $db")"
  local url="jdbc:postgresql://127.0.0.1:${PORT}/${db}"
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/rss" env SPEND_AUDIT_SOURCE_URL="$url" SPEND_AUDIT_SOURCE_USERNAME=bench \
    SPEND_AUDIT_SOURCE_PASSWORD=bench java -Xmx256m -jar "$JAR" run --date "$AUDIT_DAY" --out "$OUT" --no-send > "$OUT/log" 2>&1 \
    || { cat "$OUT/log"; exit 1; }
  t1=$(date +%s.%N)
  rss="$(cat "$OUT/rss")"
  local dayrows
  dayrows="$(python3 -c "import json;print(json.load(open('$OUT/digest-$AUDIT_DAY.json'))['metered']['requests'])")"
  local steps
  steps="$(su postgres -c "psql -qtAc \"select string_agg(step_name || ' ' || round(extract(epoch from end_time - start_time)::numeric, 2) || ' s', ', ' order by step_execution_id) from spend_audit.batch_step_execution\" -d $db")"
  printf "%-12s %12s rows (%s)  audited day: %9s rows  run: %6.1f s (JVM start included; steps: %s)  peak RSS: %4d MiB\n" \
    "${days} days" "$total" "$size" "$dayrows" "$(echo "$t1 - $t0" | bc)" "$steps" "$((rss / 1024))"
  [ -n "${BENCH_KEEP:-}" ] || su postgres -c "dropdb --force $db"
}
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
command -v bc >/dev/null || { apt-get install -y -qq bc >/dev/null; }
echo "spend-audit rollup benchmark: ${ROWS_PER_DAY} rows/day, JVM -Xmx256m, $(nproc) cores"
run_bench "$DAYS_SMALL"
run_bench "$DAYS_LARGE"
rm -rf "$OUT"
