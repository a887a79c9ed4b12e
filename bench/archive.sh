#!/usr/bin/env bash
# The archive's size and build-time benchmark: a year of nightly runs with 50 workloads, rebuilt by
# `spend-audit archive`; prints each figure beside its target and exits 1 if any target is missed.
#
#   bench/archive.sh [--days N] [--workloads N]      (defaults: 365 days, 50 workloads)
#
# The year is written straight into the job's store tables with SQL generate_series (bench/sql/archive-year.sql),
# not by running the job 365 times: audit_day (every day audited), key_model_day (each workload on two models a
# day, a weekly rhythm and a slow trend), and a WATCH or ALERT spike finding every few days, so the calendar has
# all three colours. The store lives in a scratch database, sa_archive_scratch, on this machine's PostgreSQL
# (127.0.0.1:5432, role spendaudit unless PGUSER/PGPASSWORD say otherwise), dropped and created again each run,
# beside LiteLLM's pinned (empty) tables as the source; the job's own start-up creates its tables (Flyway) before
# the rows go in. Then `archive --out` runs under
# /usr/bin/time (the whole command: JVM start-up, migrations check, the store read, every page), and headless
# Chromium writes screenshots of the index and of a workload page, light and dark.
# Everything lands in bench/results/archive-TIMESTAMP/ (git-ignored): report.txt, the archive, the PNGs.
set -euo pipefail
{
cd "$(dirname "$0")/.."
DAYS=365
WORKLOADS=50
while [ $# -gt 0 ]; do
	case "$1" in
	--days) DAYS="$2"; shift ;;
	--workloads) WORKLOADS="$2"; shift ;;
	*) sed -n '5p' "$0" >&2; exit 2 ;;
	esac
	shift
done
LAST_DAY=2026-11-30
TARGET_MB=20
TARGET_S=10
DB=sa_archive_scratch
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-spendaudit}"
export PGPASSWORD="${PGPASSWORD:-spendaudit}"
# launched as deploy/spend-audit.service launches the job (its JVM options, the class-data-sharing archive)
. bench/launch.sh
launch_prepare
RESULTS="bench/results/archive-$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$RESULTS/out"
mkdir -p "$OUT"

psql -qX -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
# LiteLLM's pinned tables, empty: the command checks its source like every command, and reads nothing from it
cat sql/litellm/*.sql | psql -qX -v ON_ERROR_STOP=1 -d "$DB" >/dev/null
CONFIG="$RESULTS/archive-bench.yml"
cat >"$CONFIG" <<YML
spend-audit:
  zone: UTC
  source:
    url: "jdbc:postgresql://$PGHOST:$PGPORT/$DB"
    username: "$PGUSER"
    password: "$PGPASSWORD"
YML
# an empty store first: the command's start-up migrates it, so the rows below go into the job's real tables
"${LAUNCH[@]}" archive --config "$CONFIG" --out "$RESULTS/empty" >"$RESULTS/empty.log" 2>&1 \
	|| { cat "$RESULTS/empty.log"; exit 1; }
psql -qX -v ON_ERROR_STOP=1 -d "$DB" -v days="$DAYS" -v workloads="$WORKLOADS" -v last_day="$LAST_DAY" \
	-f bench/sql/archive-year.sql

/usr/bin/time -f '%e %M' -o "$RESULTS/time.txt" "${LAUNCH[@]}" archive --config "$CONFIG" --out "$OUT" \
	>"$RESULTS/archive.log" 2>&1 || { cat "$RESULTS/archive.log"; exit 1; }
read -r SECONDS_TAKEN RSS_KB <"$RESULTS/time.txt"
BYTES="$(du -sb --apparent-size "$OUT" | cut -f1)"
PAGES="$(find "$OUT" -name '*.html' | wc -l)"
MB="$(awk -v b="$BYTES" 'BEGIN { printf "%.2f", b / 1048576 }')"

shot() { # NAME PAGE WIDTH HEIGHT [CHROMIUM FLAGS...]
	local name="$1" page="$2" width="$3" height="$4" profile
	shift 4
	profile="$(mktemp -d)"
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
		--window-size="$width,$height" --screenshot="$RESULTS/$name" "$@" "file://$(realpath "$page")" >/dev/null 2>&1
	rm -rf "$profile"
}
# a glob, not ls | head: head closing the pipe early fails the script under pipefail
WORKLOAD_PAGES=("$OUT"/archive/workload-*.html)
WORKLOAD_PAGE="${WORKLOAD_PAGES[0]}"
shot index.png "$OUT/index.html" 820 2400
shot index-dark.png "$OUT/index.html" 820 2400 --force-dark-mode --blink-settings=preferredColorScheme=0
shot workload.png "$WORKLOAD_PAGE" 820 1800
shot workload-dark.png "$WORKLOAD_PAGE" 820 1800 --force-dark-mode --blink-settings=preferredColorScheme=0

MISSED=0
verdict() { # VALUE TARGET -> ok / MISSED
	if awk -v v="$1" -v t="$2" 'BEGIN { exit !(v < t) }'; then echo ok; else echo MISSED; MISSED=1; fi
}
SIZE_VERDICT="$(verdict "$MB" "$TARGET_MB")"
TIME_VERDICT="$(verdict "$SECONDS_TAKEN" "$TARGET_S")"
[ "$SIZE_VERDICT" = ok ] && [ "$TIME_VERDICT" = ok ] || MISSED=1
{
	echo "archive of $DAYS days x $WORKLOADS workloads ($PAGES pages), rebuilt by spend-audit archive"
	printf '  %-28s %10s   target < %s   %s\n' "size" "$MB MB" "$TARGET_MB MB" "$SIZE_VERDICT"
	printf '  %-28s %10s   target < %s   %s\n' "rebuild (whole command)" "$SECONDS_TAKEN s" "$TARGET_S s" "$TIME_VERDICT"
	printf '  %-28s %10s\n' "peak RSS" "$((RSS_KB / 1024)) MiB"
	echo "  the command said: $(grep '^archive ' "$RESULTS/archive.log")"
	echo "  screenshots: $RESULTS/index.png $RESULTS/index-dark.png $RESULTS/workload.png $RESULTS/workload-dark.png"
} | tee "$RESULTS/report.txt"
exit "$MISSED"
}
