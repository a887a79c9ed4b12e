#!/usr/bin/env bash
# Screenshots of the demo's digest, as a reader would see it: headless Chromium (Debian's chromium package) at a
# 600 px mail column and at a 380 px phone, in light mode and in dark mode.
#
#   bench/screenshot-digest.sh [OUT_DIR]       (default: out/screenshots; out/ is git-ignored, keep PNGs out of git)
#
# Runs `demo` (which never mails) into OUT_DIR/demo. digest-DATE.html there points at the chart PNGs written next to
# it (the mail itself, digest-DATE.eml, embeds them by Content-ID), so the screenshots show the charts.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-out/screenshots}"
JAR=audit-job/target/spend-audit.jar
[ -f "$JAR" ] || ./mvnw -q -DskipTests package
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian's chromium"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
mkdir -p "$OUT"
rm -rf "$OUT/demo"
java -jar "$JAR" demo --out "$OUT/demo" >"$OUT/demo.log" 2>&1 || { cat "$OUT/demo.log"; exit 1; }
HTML="$(realpath "$(ls "$OUT"/demo/digest-*.html | tail -1)")"

shot() { # NAME WIDTH HEIGHT [CHROMIUM FLAGS...]
  local name="$1" width="$2" height="$3" profile
  shift 3
  profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$width,$height" --screenshot="$OUT/$name" "$@" "file://$HTML" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$OUT/$name  (${width} px wide)"
}
shot digest-600.png 600 2500
shot digest-380.png 380 3300
# prefers-color-scheme: dark, as Apple Mail and iOS Mail apply it
shot digest-600-dark.png 600 2500 --force-dark-mode --blink-settings=preferredColorScheme=0
echo "from $HTML"
