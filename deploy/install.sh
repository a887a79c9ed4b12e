#!/usr/bin/env bash
# Installs spend-audit as a nightly systemd job, or removes it again. Run as root; running it twice is harmless.
#
#   deploy/install.sh [--jar FILE] [--root DIR] [--no-doctor] [--no-archive]   install (or update), check the set-up
#   deploy/install.sh --uninstall [--purge] [--root DIR]        remove it (--purge: also its settings and data)
#
# It creates the spend-audit system user, /opt/spend-audit (the jar; app/, the jar extracted, and spend-audit.jsa, a
# class-data-sharing archive trained by one run of demo, which the units launch: --no-archive skips the training;
# rerun the installer after upgrading Java), /etc/spend-audit (spend-audit.env, mode 0600,
# for the passwords; spend-audit.yml for the rest: both made from the examples once, never overwritten),
# /var/lib/spend-audit (the job's folder), the systemd units and /usr/local/bin/spend-audit, then runs
# 'spend-audit doctor' and prints the line that starts the timer. --root DIR installs under DIR instead of /
# (no user is created there, and systemd is left alone), which is how the tests run it.
set -euo pipefail

usage() {
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
}

ROOT=""
UNINSTALL=false
PURGE=false
RUN_DOCTOR=true
ARCHIVE=true
JAR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) [ $# -ge 2 ] || { echo "install.sh: --root needs a folder" >&2; exit 2; }; ROOT="${2%/}"; shift 2 ;;
    --root=*) ROOT="${1#--root=}"; ROOT="${ROOT%/}"; shift ;;
    --jar) [ $# -ge 2 ] || { echo "install.sh: --jar needs a file" >&2; exit 2; }; JAR="$2"; shift 2 ;;
    --jar=*) JAR="${1#--jar=}"; shift ;;
    --uninstall) UNINSTALL=true; shift ;;
    --purge) PURGE=true; UNINSTALL=true; shift ;;
    --no-doctor) RUN_DOCTOR=false; shift ;;
    --no-archive) ARCHIVE=false; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -ne 0 ]; then
  echo "install.sh: run it as root (sudo $0 $*)" >&2
  exit 1
fi

HERE="$(cd "$(dirname "$0")" && pwd)"
JOB_USER=spend-audit
OPT="$ROOT/opt/spend-audit"
ETC="$ROOT/etc/spend-audit"
VAR="$ROOT/var/lib/spend-audit"
UNITS="$ROOT/etc/systemd/system"
BIN="$ROOT/usr/local/bin"
UNIT_FILES=(spend-audit.service spend-audit.timer spend-audit-failed@.service)

# systemd is only told about changes on the real root, and only where it runs
systemd_here() { [ -z "$ROOT" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

say() { echo "install.sh: $*"; }

uninstall() {
  if systemd_here; then
    systemctl disable --now spend-audit.timer >/dev/null 2>&1 || true
  fi
  for unit in "${UNIT_FILES[@]}"; do
    rm -f "$UNITS/$unit"
  done
  systemd_here && systemctl daemon-reload
  rm -rf "$OPT"
  rm -f "$BIN/spend-audit" "$ETC/spend-audit.env.example" "$ETC/spend-audit.yml.example"
  if $PURGE; then
    rm -rf "$ETC" "$VAR"
    if [ -z "$ROOT" ] && getent passwd "$JOB_USER" >/dev/null; then
      userdel "$JOB_USER"
    fi
    say "removed spend-audit, its settings ($ETC), its data ($VAR) and the $JOB_USER user"
  else
    rmdir "$ETC" 2>/dev/null || true
    say "removed spend-audit; kept its settings and data (--purge removes them too):"
    [ -d "$ETC" ] && echo "  $ETC"
    [ -d "$VAR" ] && echo "  $VAR"
  fi
  return 0
}

if $UNINSTALL; then
  uninstall
  exit 0
fi

# The jar extracted into $OPT/app (a plain class path: no nested-jar launcher) and, unless --no-archive, a
# class-data-sharing archive of the classes a run loads, trained by one run of the built-in demo (an embedded
# PostgreSQL; it mails nothing and touches no other database) under the units' JVM options. Measured with
# bench/startup.sh: a run's start-up in about a third of the CPU time of 'java -jar spend-audit.jar'. The archive
# belongs to this jar and this Java: after a Java upgrade the JVM says in one line on stderr that it cannot use
# it and starts without it, only slower, until the installer runs again.
install_fast_start() {
  rm -rf "$OPT/app" "$OPT/spend-audit.jsa.new"
  if ! command -v java >/dev/null 2>&1; then
    say "no java on PATH: $OPT/app not extracted (install a JDK or JRE 17+, then run the installer again)"
    return 0
  fi
  java -Djarmode=tools -jar "$OPT/spend-audit.jar" extract --destination "$OPT/app" >/dev/null
  $ARCHIVE || { rm -f "$OPT/spend-audit.jsa"; return 0; }
  local training
  training="$(mktemp -d)"
  if java -Xmx256m -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$OPT/spend-audit.jsa.new" -Xlog:disable \
      -Xlog:all=error:stderr -jar "$OPT/app/spend-audit.jar" demo --out "$training/out" >"$training/demo.log" 2>&1 \
      && [ -s "$OPT/spend-audit.jsa.new" ]; then
    mv -f "$OPT/spend-audit.jsa.new" "$OPT/spend-audit.jsa"
    chmod 0644 "$OPT/spend-audit.jsa"
    say "trained $OPT/spend-audit.jsa, the class-data-sharing archive the units start with"
  else
    rm -f "$OPT/spend-audit.jsa.new"
    say "could not train the class-data-sharing archive (demo: $(tail -1 "$training/demo.log")); the job starts without it, only slower"
  fi
  rm -rf "$training"
}

if [ -z "$JAR" ]; then
  for candidate in "$HERE/spend-audit.jar" "$HERE/../audit-job/target/spend-audit.jar"; do
    if [ -f "$candidate" ]; then JAR="$candidate"; break; fi
  done
fi
if [ -z "$JAR" ] || [ ! -f "$JAR" ]; then
  echo "install.sh: no spend-audit.jar (build it: ./mvnw -q -DskipTests package, or pass --jar FILE)" >&2
  exit 1
fi

# 1. the user the job runs as: no login, no home of its own beyond its folder
if [ -n "$ROOT" ]; then
  say "--root $ROOT: not creating the $JOB_USER user (files stay owned by root)"
  OWNER=root
elif getent passwd "$JOB_USER" >/dev/null; then
  OWNER=$JOB_USER
else
  useradd --system --user-group --home-dir /var/lib/spend-audit --no-create-home --shell /usr/sbin/nologin \
    --comment "spend-audit nightly job" "$JOB_USER"
  say "created the system user $JOB_USER"
  OWNER=$JOB_USER
fi

# 2. the program
install -d -m 0755 "$OPT" "$BIN"
install -m 0644 "$JAR" "$OPT/spend-audit.jar"
install_fast_start
cat > "$BIN/spend-audit.tmp" <<'EOF'
#!/bin/sh
# spend-audit's command line (installed by deploy/install.sh), launched as spend-audit.service launches it.
# The commands that start no Spring context (help, version, fingerprint) skip the class-data-sharing archive:
# the JVM relocates all of its ~100 MB at start-up (0.3 s) to load the few hundred classes they need.
ARCHIVE=-XX:SharedArchiveFile=/opt/spend-audit/spend-audit.jsa
case "${1:-}" in ""|fingerprint|help) ARCHIVE= ;; esac
for arg in "$@"; do
  case "$arg" in -h|--help|-V|--version) ARCHIVE= ;; esac
done
exec java -XX:TieredStopAtLevel=1 $ARCHIVE -Xlog:disable \
  -Xlog:all=warning:stderr -jar /opt/spend-audit/app/spend-audit.jar "$@"
EOF
chmod 0755 "$BIN/spend-audit.tmp"
mv "$BIN/spend-audit.tmp" "$BIN/spend-audit"

# 3. the settings: passwords in the env file (root only: systemd reads it before it drops to the job's user)
install -d -m 0755 "$ETC"
install -m 0600 "$HERE/spend-audit.env.example" "$ETC/spend-audit.env.example"
install -m 0644 "$HERE/spend-audit.yml.example" "$ETC/spend-audit.yml.example"
if [ ! -e "$ETC/spend-audit.env" ]; then
  install -m 0600 -o root -g root "$HERE/spend-audit.env.example" "$ETC/spend-audit.env"
  say "created $ETC/spend-audit.env (mode 0600): put the database and SMTP passwords there"
else
  say "kept $ETC/spend-audit.env"
fi
if [ ! -e "$ETC/spend-audit.yml" ]; then
  install -m 0644 "$HERE/spend-audit.yml.example" "$ETC/spend-audit.yml"
  say "created $ETC/spend-audit.yml: zone, recipients, plans"
else
  say "kept $ETC/spend-audit.yml"
fi

# 4. the job's own folder: digests and the output of each night
install -d -m 0750 -o "$OWNER" -g "$OWNER" "$VAR" "$VAR/out"

# 5. the units
install -d -m 0755 "$UNITS"
for unit in "${UNIT_FILES[@]}"; do
  install -m 0644 "$HERE/$unit" "$UNITS/$unit"
done
if systemd_here; then
  systemctl daemon-reload
fi
say "installed ${UNIT_FILES[*]} in $UNITS"

# 6. check the set-up as the timer's run will find it
if $RUN_DOCTOR; then
  if command -v java >/dev/null 2>&1; then
    echo
    if java -jar "$OPT/spend-audit.jar" doctor --config "$ETC/spend-audit.yml" --env-file "$ETC/spend-audit.env"; then
      echo
      say "doctor found nothing that fails"
    else
      echo
      say "doctor found something to fix (the FAIL lines above); edit $ETC/spend-audit.env and spend-audit.yml,"
      say "then run: spend-audit doctor --config $ETC/spend-audit.yml --env-file $ETC/spend-audit.env"
    fi
  else
    say "no java on PATH, so doctor did not run: install a JDK or JRE 17+ (apt install openjdk-17-jre-headless)"
  fi
fi

echo
say "first run, by hand:          systemctl start spend-audit.service && journalctl -u spend-audit -n 20"
say "then start the nightly timer: systemctl enable --now spend-audit.timer"
