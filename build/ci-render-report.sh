#!/usr/bin/env bash
# Renders the report of the incident scenario in a real browser (headless Chromium) and fails if
# the page does not render. Used by .ci/run after the test suite; runnable by hand.
# The incident runs for 2 simulated hours here: one Prometheus head-block burst (at ~1 h) and the
# leader changes it causes, in well under a minute.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/ci-incident"
shot="$root/target/ci-incident-report.png"

if ! command -v chromium >/dev/null 2>&1; then
  echo "ci-render-report: installing chromium from Debian's packages" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

rm -rf "$out" "$shot"
"$root/stormglass" run "$root/scenarios/incident-ceph-prometheus.yaml" --set duration=2h --out "$out"
test -s "$out/report.html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size=1400,3000 --screenshot="$shot" "file://$out/report.html" \
  >/dev/null 2>&1 || true

# A rendered report is a large, varied image; a failed render is missing or nearly blank.
python3 - "$shot" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
try:
    data = open(path, "rb").read()
except OSError:
    sys.exit("ci-render-report: chromium wrote no screenshot")
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("ci-render-report: the screenshot is not a PNG")
width, height = struct.unpack(">II", data[16:24])
if len(data) < 50_000:
    sys.exit(f"ci-render-report: the screenshot is nearly empty ({len(data)} bytes)")
print(f"ci-render-report: report rendered, screenshot {width}x{height}, {len(data)} bytes: {path}")
PY
