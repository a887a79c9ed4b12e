# Shared by the benchmark scripts: this machine's PostgreSQL, the data sets' names and dates, small statistics.
# Sourced, not run.

# The audited day D of every data set, and E, a day without rows right after it (the empty run's day).
BENCH_DAY=2026-11-26
BENCH_EMPTY_DAY=2026-11-27
ROWS_PER_DAY=166667
BENCH_ROLE=bench

# Name, days, rows per day, keys and one-off keys of each data set; all end on BENCH_DAY.
declare -A DATASET_DAYS=([sa_bench_5m]=30 [sa_bench_500k]=3 [sa_bench_keys10k]=30 [sa_bench_tiny]=3)
declare -A DATASET_ROWS=([sa_bench_5m]=$ROWS_PER_DAY [sa_bench_500k]=$ROWS_PER_DAY [sa_bench_keys10k]=5000 [sa_bench_tiny]=2000)
declare -A DATASET_ONE_OFF=([sa_bench_5m]=0 [sa_bench_500k]=0 [sa_bench_keys10k]=10000 [sa_bench_tiny]=100)

pg_start() {
	if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >/dev/null
	fi
	PG_VERSION="$(ls /etc/postgresql | sort -V | tail -1)"
	pg_ctlcluster "$PG_VERSION" main start >/dev/null 2>&1 || true
	PG_PORT="$(runuser -u postgres -- psql -qtAXc 'show port')"
	runuser -u postgres -- psql -qtAX -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$BENCH_ROLE')
		THEN CREATE ROLE $BENCH_ROLE LOGIN PASSWORD '$BENCH_ROLE'; END IF; END \$\$;" >/dev/null
}

# psql as the superuser, on database $1, stopping at the first error.
psql_admin() {
	local db="$1"
	shift
	runuser -u postgres -- psql -qX -v ON_ERROR_STOP=1 -d "$db" "$@"
}

# The comment build.sh leaves on a data set once it is complete.
dataset_comment() {
	runuser -u postgres -- psql -qtAX -d postgres -c \
		"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$1'"
}

days_before() { # DAY N -> DAY - N days
	date -u -d "$1 - $2 days" +%F
}

median() { # numbers, one a line -> their median
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

encode_key_hash() { # a raw key -> LiteLLM's token hash (sha256 hex)
	printf %s "$1" | sha256sum | cut -d' ' -f1
}
