#!/usr/bin/env bash
# The job's own start-up, launched several ways side by side: run --date E (a day without rows, on the 500K set,
# its store warmed up first) and --help, medians of --reps runs (default 5), the launches interleaved.
#
#   bench/startup.sh [--reps N] [--aot-jar JAR]
#
#   fat          java -Xmx256m -jar spend-audit.jar                   (the jar as built)
#   fat-c1       fat, with -XX:TieredStopAtLevel=1                    (no C2 compiler in a short-lived process)
#   extracted    java -Xmx256m -jar app/spend-audit.jar               (java -Djarmode=tools -jar ... extract)
#   cds          extracted, with -XX:SharedArchiveFile=app.jsa         (trained by one run of demo)
#   cds-c1       cds and C1 only: what deploy/install.sh and deploy/spend-audit.service do
#   aot-cds-c1   cds-c1 on the jar given with --aot-jar (built with spring-boot:process-aot), with
#                -Dspring.aot.enabled=true
#
# Results in bench/results/startup-TIMESTAMP/.
set -euo pipefail
{
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
OPTS=(-Xmx256m)
export SPEND_AUDIT_SOURCE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" SPEND_AUDIT_SOURCE_USERNAME="$BENCH_ROLE" \
	SPEND_AUDIT_SOURCE_PASSWORD="$BENCH_ROLE"
RUN=(run --date "$BENCH_EMPTY_DAY" --config bench/spend-audit-bench.yml --out "$DIR/out" --no-send)

# the layouts: the fat jar, then each jar extracted, with its CDS archive trained by one run of demo
extract() { # JAR DIR
	java -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null
	java "${OPTS[@]}" -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$2.jsa" -jar "$2/spend-audit.jar" demo --out "$DIR/demo" \
		>"$DIR/logs/train-$(basename "$2").log" 2>&1
}
extract "$JAR" "$DIR/app"
declare -A LAUNCH=(
	[fat]="java ${OPTS[*]} -jar $JAR"
	[fat-c1]="java ${OPTS[*]} -XX:TieredStopAtLevel=1 -jar $JAR"
	[extracted]="java ${OPTS[*]} -jar $DIR/app/spend-audit.jar"
	[cds]="java ${OPTS[*]} -Xlog:disable -Xlog:all=warning:stderr -XX:SharedArchiveFile=$DIR/app.jsa -jar $DIR/app/spend-audit.jar"
	[cds-c1]="java ${OPTS[*]} -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$DIR/app.jsa -jar $DIR/app/spend-audit.jar"
)
FORMS=(fat fat-c1 extracted cds cds-c1)
if [ -n "$AOT_JAR" ]; then
	extract "$AOT_JAR" "$DIR/aot"
	LAUNCH[aot-cds-c1]="java ${OPTS[*]} -XX:TieredStopAtLevel=1 -Dspring.aot.enabled=true -XX:SharedArchiveFile=$DIR/aot.jsa -jar $DIR/aot/spend-audit.jar"
	FORMS+=(aot-cds-c1)
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
				/usr/bin/time -f "%M %U %S" -o "$DIR/rss" ${LAUNCH[$form]} --help >"$DIR/logs/$form-$what-$i.log" 2>&1
			else
				/usr/bin/time -f "%M %U %S" -o "$DIR/rss" ${LAUNCH[$form]} "${RUN[@]}" >"$DIR/logs/$form-$what-$i.log" 2>&1
			fi
			t1=$(date +%s.%N)
			read -r rss user sys < <(tail -1 "$DIR/rss")
			printf "%s\t%s\t%.3f\t%s\t%.2f\n" "$form" "$what" "$(echo "$t1 - $t0" | bc)" "$rss" "$(echo "$user + $sys" | bc)" >>"$TSV"
		done
	done
done
echo
# CPU time (user + system) beside wall time: on a shared machine it is the steadier of the two
printf "%-10s %10s %10s %10s %10s %10s %10s\n" launch "E wall s" "vs fat" "E cpu s" "vs fat" "help wall" "RSS MB"
col() { awk -F'\t' -v f="$1" -v w="$2" -v c="$3" '$1 == f && $2 == w { print $c }' "$TSV" | median; }
base="$(col fat empty-day 3)"
basecpu="$(col fat empty-day 5)"
for form in "${FORMS[@]}"; do
	e="$(col "$form" empty-day 3)"
	c="$(col "$form" empty-day 5)"
	printf "%-10s %10.2f %9.0f%% %10.2f %9.0f%% %10.2f %10.0f\n" "$form" "$e" "$(echo "100 * $e / $base" | bc -l)" \
		"$c" "$(echo "100 * $c / $basecpu" | bc -l)" "$(col "$form" help 3)" "$(echo "$(col "$form" empty-day 4) / 1024" | bc)"
done
echo "medians of $REPS; results: $DIR"
exit
}
