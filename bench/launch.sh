# How the benchmark starts the job: exactly as deploy/spend-audit.service does (its JVM options and jar path),
# with /opt/spend-audit mapped to bench/results/opt, where the jar is installed the way deploy/ installs it.
# Sourced by bench.sh after lib.sh; sets LAUNCH (an array: java, options, -jar, jar).

OPT_DIR="$PWD/bench/results/opt"
JAR=audit-job/target/spend-audit.jar

launch_prepare() {
	[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
	local exec_start
	exec_start="$(sed -n 's/^ExecStart=//p' deploy/spend-audit.service)"
	# the unit's command up to and including the jar: java, its options, -jar, the jar
	read -r -a LAUNCH <<<"$(echo "$exec_start" | sed -E 's#^(.* -jar [^ ]+).*#\1#; s#/opt/spend-audit#'"$OPT_DIR"'#g')"
	LAUNCH[0]=java
	rm -rf "$OPT_DIR"
	mkdir -p "$OPT_DIR"
	if [ -x deploy/install.sh ]; then
		deploy/install.sh "$JAR" "$OPT_DIR" >"$OPT_DIR/install.log" 2>&1 || { cat "$OPT_DIR/install.log"; exit 1; }
	else
		cp "$JAR" "$OPT_DIR/spend-audit.jar"
	fi
}
