#!/usr/bin/env bash
# The speed and memory benchmark: prints each figure beside its target and exits 1 if any target is missed.
#
#   bench/bench.sh [--reps N] [--range-reps N] [--no-range] [--rebuild] [--keep-store] [--smoke] [--report DIR]
#
# On this machine's PostgreSQL (started, and installed from Debian's packages if missing), with the data sets of
# bench/build.sh (built on first use, reused after; --rebuild builds them again), the jar in audit-job/target
# (built if missing), launched as deploy/spend-audit.service launches it (bench/launch.sh). In one run, side by
# side, medians of --reps repetitions (default 5; --range-reps, default 3, for the backfill), the repetitions
# interleaved so that a noisy neighbour hits every figure alike:
#
#   the day's work   = run --date D minus run --date E (E: the day after D, without rows: JVM start-up cancels),
#                      per repetition, against a bare psql GROUP BY of the same day (bench/sql/bare-day.sql), on
#                      5M rows over 30 days and on the same day in a table of 500K rows over 3 days;
#   a backfill       = run --from D-29 --to D minus run --date E, against a bare 30-day GROUP BY;
#   peak RSS         of every run, and of a day with 10,000 one-off keys;
#   whole process    run --date D at 5M rows; --help, run --help and fingerprint through the installed command.
#
# Steady state: the store is emptied first (unless --keep-store), then one warm-up run of each day (and of the
# range) fills it with the history the days need; the measured runs are reruns, which replace a day's rows.
# Everything lands in bench/results/TIMESTAMP/ (git-ignored): report.txt, runs.tsv, the logs and the digests.
# --report DIR prints the table again from DIR/runs.tsv. --smoke runs the whole script on a tiny data set in every
# role, to check the script itself: its figures mean nothing.
set -euo pipefail
# the whole script is read before it runs (braces to the end), so editing or merging it mid-run is harmless
{
cd "$(dirname "$0")/.."
. bench/lib.sh

REPS=5
RANGE_REPS=3
RANGE_DAYS=30
RANGE=true
BUILD_ARGS=()
KEEP_STORE=false
REPORT_ONLY=""
SET_5M=sa_bench_5m
SET_500K=sa_bench_500k
SET_KEYS=sa_bench_keys10k
while [ $# -gt 0 ]; do
	case "$1" in
	--reps) REPS="$2"; shift ;;
	--range-reps) RANGE_REPS="$2"; shift ;;
	--no-range) RANGE=false ;;
	--rebuild) BUILD_ARGS+=(--rebuild) ;;
	--keep-store) KEEP_STORE=true ;;
	--smoke) SET_5M=sa_bench_tiny SET_500K=sa_bench_tiny SET_KEYS=sa_bench_tiny REPS=1 RANGE_REPS=1 RANGE_DAYS=2 ;;
	--report) REPORT_ONLY="$2"; shift ;;
	*) sed -n '4p' "$0" >&2; exit 2 ;;
	esac
	shift
done
FIRST_DAY="$(days_before "$BENCH_DAY" $((RANGE_DAYS - 1)))"

set_of() { # a role (5m, 500k, keys) -> its data set
	case "$1" in 5m) echo "$SET_5M" ;; 500k) echo "$SET_500K" ;; keys) echo "$SET_KEYS" ;; esac
}

# Runs the job on data set $1 as figure $2 (its part before '-' names the output folder), repetition $3, with the
# remaining arguments; records wall time and peak RSS.
job() {
	local db="$1" figure="$2" rep="$3"
	shift 3
	local log="$RESULTS/logs/$figure-$rep.log" t0 t1
	t0=$(date +%s.%N)
	if ! env SPEND_AUDIT_SOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" SPEND_AUDIT_SOURCE_USERNAME="$BENCH_ROLE" \
		SPEND_AUDIT_SOURCE_PASSWORD="$BENCH_ROLE" /usr/bin/time -f %M -o "$log.rss" \
		"${LAUNCH[@]}" "$@" --config bench/spend-audit-bench.yml --out "$RESULTS/out/${figure%%-*}" --no-send >"$log" 2>&1
	then
		echo "$figure (repetition $rep) failed:"
		tail -5 "$log"
		exit 1
	fi
	t1=$(date +%s.%N)
	printf "%s\t%s\t%.3f\t%s\n" "$figure" "$rep" "$(echo "$t1 - $t0" | bc)" "$(tail -1 "$log.rss")" >>"$RUNS"
}

# A whole process that is not a job run (--help, fingerprint) as figure $1, repetition $2: the remaining arguments.
process() {
	local figure="$1" rep="$2"
	shift 2
	local log="$RESULTS/logs/$figure-$rep.log" t0 t1
	t0=$(date +%s.%N)
	/usr/bin/time -f %M -o "$log.rss" "$@" >"$log" 2>&1 || { echo "$figure failed:"; tail -5 "$log"; exit 1; }
	t1=$(date +%s.%N)
	printf "%s\t%s\t%.3f\t%s\n" "$figure" "$rep" "$(echo "$t1 - $t0" | bc)" "$(tail -1 "$log.rss")" >>"$RUNS"
}

# The bare query $3 on data set $1 as figure $2, repetition $4 (psql variables after it): the server's time.
bare() {
	local db="$1" figure="$2" sql="$3" rep="$4"
	shift 4
	local ms
	ms="$(PGPASSWORD="$BENCH_ROLE" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$BENCH_ROLE" -d "$db" "$@" \
		-c '\timing on' -f "$sql" -o /dev/null | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)"
	printf "%s\t%s\t%.3f\t\n" "$figure" "$rep" "$(echo "$ms / 1000" | bc -l)" >>"$RUNS"
}

# The step durations of the newest job execution on data set $1, "step seconds" a line, appended to $2.
steps() {
	PGPASSWORD="$BENCH_ROLE" psql -X -qtA -F ' ' -h 127.0.0.1 -p "$PG_PORT" -U "$BENCH_ROLE" -d "$1" -c "
		SELECT step_name, round(extract(epoch FROM end_time - start_time)::numeric, 2)
		FROM spend_audit.batch_step_execution
		WHERE job_execution_id = (SELECT max(job_execution_id) FROM spend_audit.batch_job_execution)
		ORDER BY step_execution_id" >>"$2"
}

requests_of() { # the digest's metered requests of day $2 in output folder $1
	python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['metered']['requests'])" \
		"$RESULTS/out/$1/digest-$2.json"
}

reset_store() {
	$KEEP_STORE || psql_admin "$1" -c "SET client_min_messages = warning; DROP SCHEMA IF EXISTS spend_audit CASCADE"
}

measure() {
	echo "== start-up: --help, run --help, fingerprint ($((REPS + 2)) each, with the installed command line)"
	for ((i = 1; i <= REPS + 2; i++)); do
		process help "$i" "$COMMAND" --help
		process run-help "$i" "$COMMAND" run --help
		echo sk-bench-0 | process fingerprint "$i" "$COMMAND" fingerprint
	done
	grep -q "$(encode_key_hash sk-bench-0)" "$RESULTS/logs/fingerprint-1.log" || { echo "fingerprint printed no hash"; exit 1; }

	echo "== warm-up: empty stores, then one run of D and of E on each data set (fills the history they need)"
	local role db t0 i
	for role in 5m 500k keys; do
		db="$(set_of "$role")"
		reset_store "$db"
		t0=$(date +%s)
		job "$db" "$role-D" warm-up run --date "$BENCH_DAY"
		job "$db" "$role-E" warm-up run --date "$BENCH_EMPTY_DAY"
		echo "   $db: $(($(date +%s) - t0)) s; D has $(requests_of "$role" "$BENCH_DAY") requests in its digest"
	done
	# the same day in both tables, whole in the digest: otherwise the figures would compare broken runs
	[ "$(requests_of 5m "$BENCH_DAY")" = "$(requests_of 500k "$BENCH_DAY")" ] \
		|| { echo "D differs between the 5M and the 500K set"; exit 1; }

	echo "== the day: $REPS repetitions of run D, run E and the bare day query, on 5M and 500K rows, interleaved"
	for ((i = 1; i <= REPS; i++)); do
		for role in 5m 500k; do
			db="$(set_of "$role")"
			job "$db" "$role-D" "$i" run --date "$BENCH_DAY"
			steps "$db" "$RESULTS/steps-$role-D.txt"
			job "$db" "$role-E" "$i" run --date "$BENCH_EMPTY_DAY"
			steps "$db" "$RESULTS/steps-$role-E.txt"
			bare "$db" "$role-bare" bench/sql/bare-day.sql "$i" -v day="$BENCH_DAY"
		done
		echo "   repetition $i done"
	done

	echo "== a day with 10,000 one-off keys: $REPS runs"
	for ((i = 1; i <= REPS; i++)); do
		job "$SET_KEYS" keys-D "$i" run --date "$BENCH_DAY"
		steps "$SET_KEYS" "$RESULTS/steps-keys-D.txt"
	done
	echo "   its .eml: $(($(stat -c %s "$RESULTS/out/keys/digest-$BENCH_DAY.eml") / 1024)) KB"

	$RANGE || return 0
	echo "== backfill: a warm-up, then $RANGE_REPS repetitions of run --from $FIRST_DAY --to $BENCH_DAY," \
		"run --date E and the bare $RANGE_DAYS-day query"
	job "$SET_5M" range warm-up run --from "$FIRST_DAY" --to "$BENCH_DAY"
	for ((i = 1; i <= RANGE_REPS; i++)); do
		job "$SET_5M" range "$i" run --from "$FIRST_DAY" --to "$BENCH_DAY"
		job "$SET_5M" range-E "$i" run --date "$BENCH_EMPTY_DAY"
		bare "$SET_5M" range-bare bench/sql/bare-range.sql "$i" -v from="$FIRST_DAY" -v to="$BENCH_DAY"
		echo "   repetition $i done"
	done
}

values() { # the seconds (with rss: the peak RSS in MB) of every measured repetition of the figures named
	local col=seconds
	[ "$1" = rss ] && { col=rss; shift; }
	local f
	for f in "$@"; do
		awk -F'\t' -v f="$f" -v col="$col" 'NR > 1 && $1 == f && $2 != "warm-up" { print (col == "rss" ? $4 / 1024 : $3) }' \
			"$RUNS"
	done
}

pairs() { # per repetition: figure $1 minus figure $2
	awk -F'\t' -v a="$1" -v b="$2" 'NR > 1 && $2 != "warm-up" { if ($1 == a) x[$2] = $3; if ($1 == b) y[$2] = $3 }
		END { for (r in x) if (r in y) print x[r] - y[r] }' "$RUNS"
}

med() { values "$@" | median 2>/dev/null || echo 0; }
spread() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print hi - lo }'; } # numbers -> max - min
step_sums() { # per repetition: the sum of figure $1's step seconds (a repetition starts at ensureHistory)
	awk '$1 == "ensureHistory" { r++ } { s[r] += $2 } END { for (i = 1; i <= r; i++) print s[i] }' \
		"$RESULTS/steps-$1.txt"
}
step_work() { # per repetition: figure $1's step seconds minus $2's (the job's own timings, no JVM start-up)
	paste <(step_sums "$1") <(step_sums "$2") | awk '{ print $1 - $2 }'
}
max_rss() { values rss "$@" | sort -g | tail -1; }
ratio() { # $1 / $2, or -1 when $2 is not positive (noise swallowed the figure)
	awk -v a="$1" -v b="$2" 'BEGIN { print (b > 0 ? a / b : -1) }'
}

MISSES=0
figure() { # label value unit op target; a ratio of a non-positive figure is noise, not a result: a miss
	local ok
	ok="$(awk -v v="$2" -v t="$5" -v op="$4" 'BEGIN { print ((op == "<=" ? v <= t : v < t) && v > 0 ? "ok" : "MISS") }')"
	[ "$ok" = ok ] || MISSES=$((MISSES + 1))
	printf "%-50s %9.2f %-2s  target %2s %5s %-2s  %s\n" "$1" "$2" "$3" "$4" "$5" "$3" "$ok"
}

report() {
	local role f work5m work500k
	echo
	echo "== medians in seconds: run D | run E | the day's work (D - E per repetition) | bare day query"
	for role in 5m 500k keys; do
		printf "   %-6s %7.2f | %7.2f | %7.2f | %6.3f\n" "$role" "$(med "$role-D")" "$(med "$role-E")" \
			"$(pairs "$role-D" "$role-E" | median 2>/dev/null || echo 0)" "$(med "$role-bare")"
	done
	if [ -n "$(values range)" ]; then
		printf "   backfill %.2f, run E beside it %.2f, bare %s-day query %.3f\n" "$(med range)" "$(med range-E)" \
			"$RANGE_DAYS" "$(med range-bare)"
	fi
	local step line
	for f in 5m-D 5m-E 500k-D 500k-E keys-D; do
		[ -s "$RESULTS/steps-$f.txt" ] || continue
		line=""
		for step in $(awk '!seen[$1]++ { print $1 }' "$RESULTS/steps-$f.txt"); do
			line+="$step $(awk -v s="$step" '$1 == s { print $2 }' "$RESULTS/steps-$f.txt" | median)  "
		done
		echo "   steps of $f, median s: $line"
	done
	echo
	echo "== figures and targets (medians; steady state: the store already holds the history each day needs)"
	work5m="$(pairs 5m-D 5m-E | median)"
	work500k="$(pairs 500k-D 500k-E | median)"
	# the difference of two whole processes is small beside a JVM's start-up: when its repetitions spread by more
	# than the figure itself, noise decides it, and it counts as a miss (rerun with more --reps on a quieter machine)
	local noisy=""
	for role in 5m 500k; do
		if awk -v s="$(pairs "$role-D" "$role-E" | spread)" -v m="$(pairs "$role-D" "$role-E" | median)" \
			'BEGIN { exit !(s > m) }'; then
			noisy+=" $role"
		fi
	done
	if [ -n "$noisy" ]; then
		echo "   noisy: the day's work (D - E) of$noisy spreads by more than its median over the repetitions:"
		for role in 5m 500k; do
			echo "     $role: $(pairs "$role-D" "$role-E" | sort -g | tr '\n' ' ')s"
		done
		work5m=0
	fi
	if [ -s "$RESULTS/steps-5m-D.txt" ] && [ -s "$RESULTS/steps-5m-E.txt" ]; then
		printf "   the day's work by the job's own step timings (no JVM start-up), 5M rows: %.2f s = %.1f x the bare query\n" \
			"$(step_work 5m-D 5m-E | median)" "$(ratio "$(step_work 5m-D 5m-E | median)" "$(med 5m-bare)")"
	fi
	if [ -s "$RESULTS/steps-500k-D.txt" ] && [ -s "$RESULTS/steps-500k-E.txt" ]; then
		printf "   the same by step timings, 500K rows: %.2f s; 5M / 500K by step timings: %.2f x\n" \
			"$(step_work 500k-D 500k-E | median)" \
			"$(ratio "$(step_work 5m-D 5m-E | median)" "$(step_work 500k-D 500k-E | median)")"
	fi
	figure "day's work / bare day query, 5M rows" "$(ratio "$work5m" "$(med 5m-bare)")" x "<=" 1.3
	figure "day's work at 5M rows / at 500K rows" "$(ratio "$work5m" "$work500k")" x "<=" 1.2
	if [ -n "$(values range)" ]; then
		figure "$RANGE_DAYS-day backfill's work / bare $RANGE_DAYS-day query" \
			"$(ratio "$(echo "$(med range) - $(med range-E)" | bc -l)" "$(med range-bare)")" x "<=" 1.5
	fi
	figure "peak RSS, 5M rows" "$(max_rss 5m-D 5m-E)" MB "<" 512
	figure "peak RSS, 500K rows" "$(max_rss 500k-D 500k-E)" MB "<" 512
	figure "peak RSS, the 10,000-key day" "$(max_rss keys-D)" MB "<" 512
	[ -z "$(values range)" ] || figure "peak RSS, $RANGE_DAYS-day backfill" "$(max_rss range)" MB "<" 512
	figure "run --date D at 5M rows, whole process" "$(med 5m-D)" s "<" 10
	figure "--help, whole process" "$(med help)" s "<" 1
	figure "run --help, whole process" "$(med run-help)" s "<" 1
	figure "fingerprint, whole process" "$(med fingerprint)" s "<" 1
	echo
	echo "results: $RESULTS"
	if [ "$MISSES" -gt 0 ]; then
		echo "$MISSES target(s) missed"
		exit 1
	fi
	echo "every target met"
}

if [ -n "$REPORT_ONLY" ]; then
	RESULTS="$REPORT_ONLY"
	RUNS="$RESULTS/runs.tsv"
	report
	exit
fi

RESULTS="bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RESULTS/logs"
exec > >(tee "$RESULTS/report.txt") 2>&1
RUNS="$RESULTS/runs.tsv"
printf "figure\trep\tseconds\tpeak_rss_kb\n" >"$RUNS"
pg_start
bench/build.sh "${BUILD_ARGS[@]}" $(printf "%s\n" "$SET_5M" "$SET_500K" "$SET_KEYS" | sort -u)
. bench/launch.sh
launch_prepare
echo
echo "spend-audit benchmark, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- audit-job || echo ' with local changes')"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/^Mem:/ { print $2 }') GB RAM," \
	"PostgreSQL $(runuser -u postgres -- psql -qtAXc 'show server_version' | cut -d' ' -f1), $(java -version 2>&1 | head -1)," \
	"load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "launch: ${LAUNCH[*]}  (as deploy/spend-audit.service)"
echo "D = $BENCH_DAY, E = $BENCH_EMPTY_DAY (no rows), backfill $FIRST_DAY .. $BENCH_DAY; data sets $SET_5M, $SET_500K, $SET_KEYS"
measure
echo "   load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
report
exit
}
