#!/usr/bin/env bash
# Installs spend-audit for a quick start: the jar extracted (plain class path, no nested-jar launcher) and a
# class-data-sharing archive of the classes a run loads, trained by one run of the built-in demo (an embedded
# PostgreSQL; it never mails and touches no other database). spend-audit.service and spend-audit.cron launch:
#
#   java -Xmx256m -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=DIR/spend-audit.jsa -Xlog:disable \
#        -Xlog:all=warning:stderr -jar DIR/app/spend-audit.jar ...
#
#   deploy/install.sh spend-audit.jar [DIR]        (default DIR: /opt/spend-audit)
#
# Run it again after every upgrade of the jar or of Java: the archive belongs to both. A stale or missing archive
# is harmless (the JVM says so in one line on stderr and starts without it, only slower), and plain
# 'java -jar spend-audit.jar' keeps working with no install at all.
set -euo pipefail
JAR="${1:?usage: deploy/install.sh spend-audit.jar [DIR]}"
DIR="${2:-/opt/spend-audit}"
JAVA="${JAVA:-java}"
[ -f "$JAR" ] || { echo "no such jar: $JAR" >&2; exit 2; }
mkdir -p "$DIR"
rm -rf "$DIR/app" "$DIR/spend-audit.jsa.new"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR/app" >/dev/null
TRAINING="$(mktemp -d)"
trap 'rm -rf "$TRAINING"' EXIT
# the service's own JVM options: an archive is used only under the options and class path it was made with
"$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$DIR/spend-audit.jsa.new" -Xlog:disable \
	-Xlog:all=error:stderr -jar "$DIR/app/spend-audit.jar" demo --out "$TRAINING/out" >"$TRAINING/demo.log" 2>&1 \
	|| { tail -5 "$TRAINING/demo.log" >&2; echo "the training run of demo failed" >&2; exit 1; }
mv -f "$DIR/spend-audit.jsa.new" "$DIR/spend-audit.jsa"
chmod -R a+rX "$DIR"
echo "installed $DIR/app/spend-audit.jar with $DIR/spend-audit.jsa ($(du -m "$DIR/spend-audit.jsa" | cut -f1) MB)"
