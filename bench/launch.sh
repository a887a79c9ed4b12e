# How the benchmark starts the job: exactly as deploy/spend-audit.service does (its JVM options and jar path), on
# a tree deploy/install.sh installs under bench/results/root (--root: no user, no systemd; the same /opt layout,
# the same class-data-sharing archive). Sourced by bench.sh after lib.sh; sets LAUNCH (java, options, -jar, jar)
# and COMMAND, the installed command line /usr/local/bin/spend-audit (what a person types: --help, fingerprint).

INSTALL_ROOT="$PWD/bench/results/root"
JAR=audit-job/target/spend-audit.jar

launch_prepare() {
	[ -f "$JAR" ] || ./mvnw -q -o -DskipTests package
	# the unit's command up to and including the jar: java, its options, -jar, the jar
	read -r -a LAUNCH <<<"$(sed -n 's/^ExecStart=//p' deploy/spend-audit.service \
		| sed -E 's#^(.* -jar [^ ]+).*#\1#; s#/opt/spend-audit#'"$INSTALL_ROOT"'/opt/spend-audit#g')"
	LAUNCH[0]=java
	rm -rf "$INSTALL_ROOT"
	mkdir -p "$INSTALL_ROOT"
	deploy/install.sh --root "$INSTALL_ROOT" --jar "$JAR" --no-doctor >"$INSTALL_ROOT.log" 2>&1 \
		|| { cat "$INSTALL_ROOT.log"; exit 1; }
	grep "class-data-sharing" "$INSTALL_ROOT.log" | sed 's/^/   /'
	COMMAND="$INSTALL_ROOT/spend-audit"
	sed 's#/opt/spend-audit#'"$INSTALL_ROOT"'/opt/spend-audit#g' "$INSTALL_ROOT/usr/local/bin/spend-audit" >"$COMMAND"
	chmod 0755 "$COMMAND"
}
