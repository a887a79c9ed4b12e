#!/usr/bin/env bash
# The job's own start-up, launched several ways side by side: run --date E (a day without rows, on the 500K set,
# its store warmed up first) and --help, medians of --reps runs (default 5), the launches interleaved.
#
#   bench/startup.sh [--reps N] [--aot-jar JAR]
#
#   fat          java OPTS -jar spend-audit.jar                       (the jar as built)
#   extracted    java OPTS -jar app/spend-audit.jar                   (java -Djarmode=tools -jar ... extract)
#   cds          extracted, with -XX:SharedArchiveFile=app.jsa         (trained by one run of demo)
#   cds-c1       cds, with -XX:TieredStopAtLevel=1                    (no C2 compiler in a short-lived process)
#   aot, aot-cds the jar given with --aot-jar (built with spring-boot:process-aot), -Dspring.aot.enabled=true
#
# OPTS are deploy/spend-audit.service's JVM options. Results in bench/results/startup-TIMESTAMP/.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

REPS=5
AOT_JAR=""
while [ $# -gt 0 ]; do
	case "$1" in
	--reps) REPS="$2"; shift ;;
	--aot-jar) AOT_JAR="$(realpath "$2")"; shift ;;
	*) sed -n '5p' "$0" >&2; exit 2 ;;
	esac
	shift
done
JAR=audit-job/target/spend-audit.jar
[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
DIR="$PWD/bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$DIR/logs"
exec > >(tee "$DIR/report.txt") 2>&1
pg_start
bench/build.sh sa_bench_500k
DB=sa_bench_500k
read -r -a OPTS <<<"$(sed -n 's/^ExecStart=[^ ]*java \(.*\) -jar .*/\1/p' deploy/spend-audit.service)"
export SPEND_AUDIT_SOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPEND_AUDIT_SOURCE_USERNAME="$BENCH_ROLE" \
	SPEND_AUDIT_SOURCE_PASSWORD="$BENCH_ROLE"
RUN=(run --date "$BENCH_EMPTY_DAY" --config bench/spend-audit-bench.yml --out "$DIR/out" --no-send)

# the layouts: the fat jar, then each jar extracted, with its CDS archive trained by one run of demo
extract() { # JAR DIR
	java -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null
	java "${OPTS[@]}" -XX:ArchiveClassesAtExit="$2.jsa" -jar "$2/spend-audit.jar" demo --out "$DIR/demo" \
		>"$DIR/logs/train-$(basename "$2").log" 2>&1
}
extract "$JAR" "$DIR/app"
declare -A LAUNCH=(
	[fat]="java ${OPTS[*]} -jar $JAR"
	[extracted]="java ${OPTS[*]} -jar $DIR/app/spend-audit.jar"
	[cds]="java ${OPTS[*]} -XX:SharedArchiveFile=$DIR/app.jsa -jar $DIR/app/spend-audit.jar"
	[cds-c1]="java ${OPTS[*]} -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$DIR/app.jsa -jar $DIR/app/spend-audit.jar"
)
FORMS=(fat extracted cds cds-c1)
if [ -n "$AOT_JAR" ]; then
	extract "$AOT_JAR" "$DIR/aot"
	LAUNCH[aot]="java ${OPTS[*]} -Dspring.aot.enabled=true -jar $DIR/aot/spend-audit.jar"
	LAUNCH[aot-cds]="java ${OPTS[*]} -Dspring.aot.enabled=true -XX:SharedArchiveFile=$DIR/aot.jsa -jar $DIR/aot/spend-audit.jar"
	FORMS+=(aot aot-cds)
fi

echo "start-up of spend-audit, $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up: run --date $BENCH_DAY and $BENCH_EMPTY_DAY on $DB (the store then holds their history)"
${LAUNCH[fat]} run --date "$BENCH_DAY" --config bench/spend-audit-bench.yml --out "$DIR/out" --no-send >"$DIR/logs/warm-D.log" 2>&1
${LAUNCH[fat]} "${RUN[@]}" >"$DIR/logs/warm-E.log" 2>&1
TSV="$DIR/runs.tsv"
for ((i = 1; i <= REPS; i++)); do
	for form in "${FORMS[@]}"; do
		for what in empty-day help; do
			t0=$(date +%s.%N)
			if [ "$what" = help ]; then
				/usr/bin/time -f %M -o "$DIR/rss" ${LAUNCH[$form]} --help >"$DIR/logs/$form-$what-$i.log" 2>&1
			else
				/usr/bin/time -f %M -o "$DIR/rss" ${LAUNCH[$form]} "${RUN[@]}" >"$DIR/logs/$form-$what-$i.log" 2>&1
			fi
			t1=$(date +%s.%N)
			printf "%s\t%s\t%.3f\t%s\n" "$form" "$what" "$(echo "$t1 - $t0" | bc)" "$(tail -1 "$DIR/rss")" >>"$TSV"
		done
	done
done
echo
printf "%-10s %16s %12s %12s %14s\n" launch "run --date E (s)" "vs fat jar" "--help (s)" "peak RSS (MB)"
base="$(awk -F'\t' '$1 == "fat" && $2 == "empty-day" { print $3 }' "$TSV" | median)"
for form in "${FORMS[@]}"; do
	e="$(awk -F'\t' -v f="$form" '$1 == f && $2 == "empty-day" { print $3 }' "$TSV" | median)"
	h="$(awk -F'\t' -v f="$form" '$1 == f && $2 == "help" { print $3 }' "$TSV" | median)"
	r="$(awk -F'\t' -v f="$form" '$1 == f && $2 == "empty-day" { print $4 / 1024 }' "$TSV" | median)"
	printf "%-10s %16.2f %11.0f%% %12.2f %14.0f\n" "$form" "$e" "$(echo "100 * $e / $base" | bc -l)" "$h" "$r"
done
echo "medians of $REPS; results: $DIR"
