#!/usr/bin/env bash
# Checks a run's explorer and exports with the tools an SRE uses (issue 22). Used by .ci/run after
# build/ci-render-report.sh (whose 2-hour incident run it reads); runnable by hand on any run folder:
#   bash build/ci-explorer.sh [RUN_DIR]
# 1. OpenMetrics: `stormglass export`, then Debian's promtool backfills it into a TSDB and a
#    Prometheus server on that TSDB answers max(stormglass_leader_changes_total) with the
#    run's leader-change count (summary.json).
# 2. trace.json is a trace-event file with the raft loop's fdatasync slices.
# 3. explorer.html in headless Chromium (puppeteer-core from npm, Debian's chromium): zoom, first
#    leader change, click, story, screenshot, no console errors, no network requests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="${1:-$root/target/ci-incident}"
shot="$root/target/ci-explorer.png"
node_dir="$root/target/ci-node"
test -s "$run/explorer.html" || { echo "ci-explorer: no explorer.html in $run" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
need_apt() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "ci-explorer: installing $2 from Debian's packages" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
  fi
}
need_apt promtool prometheus
need_apt chromium chromium
need_apt npm npm

# 1. OpenMetrics through promtool and a query
"$root/stormglass" export "$run" --start 2026-01-01T00:00:00Z
tsdb="$(mktemp -d)"
prom_pid=""
cleanup() { if [ -n "$prom_pid" ]; then kill "$prom_pid" 2>/dev/null || true; fi; rm -rf "$tsdb"; }
trap cleanup EXIT
promtool tsdb create-blocks-from openmetrics "$run/metrics.openmetrics.txt" "$tsdb/data" >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
printf 'global:\n  scrape_interval: 1h\n' > "$tsdb/prometheus.yml"
prometheus --config.file="$tsdb/prometheus.yml" --storage.tsdb.path="$tsdb/data" --storage.tsdb.retention.time=100y \
  --web.listen-address="127.0.0.1:$port" >"$tsdb/prometheus.log" 2>&1 &
prom_pid=$!
for _ in $(seq 1 60); do
  python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "http://127.0.0.1:$port/-/ready" \
    >/dev/null 2>&1 && break
  sleep 0.5
done
end="$(python3 -c 'import json,sys,datetime; s=json.load(open(sys.argv[1]))["simulated_seconds"]; print((datetime.datetime(2026,1,1,tzinfo=datetime.timezone.utc)+datetime.timedelta(seconds=s)).strftime("%Y-%m-%dT%H:%M:%SZ"))' "$run/summary.json")"
answer="$(promtool query instant --time="$end" "http://127.0.0.1:$port" 'max(stormglass_leader_changes_total)')"
expected="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["leader_changes"])' "$run/summary.json")"
echo "ci-explorer: promtool backfill ok; Prometheus answers max(stormglass_leader_changes_total) = ${answer}; summary.json: $expected"
case "$answer" in
  *"=> $expected @"*) ;;
  *) echo "ci-explorer: Prometheus's leader-change count differs from the run's ($expected)" >&2; exit 1 ;;
esac
etcd="$(promtool query instant --time="$end" "http://127.0.0.1:$port" 'max(etcd_server_leader_changes_seen_total)')"
echo "ci-explorer: (etcd's own counter, which also counts a member finding a leader again after none: max = ${etcd})"
kill "$prom_pid"; wait "$prom_pid" 2>/dev/null || true; prom_pid=""

# 2. the Perfetto trace
python3 - "$run/trace.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))["traceEvents"]
syncs = [e for e in events if e.get("ph") == "X" and e["name"].startswith("fdatasync")]
if not syncs:
    sys.exit("ci-explorer: trace.json has no fdatasync slice")
longest = max(syncs, key=lambda e: e["dur"])
print(f"ci-explorer: trace.json: {len(events)} events, {len(syncs)} fdatasync slices, longest {longest['dur'] / 1e6:.2f} s on n{longest['pid']}")
PY

# 3. the explorer in a real browser
if [ ! -d "$node_dir/node_modules/puppeteer-core" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --no-save --no-audit --no-fund --silent puppeteer-core@22.15.0 >/dev/null)
fi
cp "$root/build/explorer-test.mjs" "$node_dir/explorer-test.mjs"
CHROMIUM="$(command -v chromium)" timeout 180 node "$node_dir/explorer-test.mjs" "$run/explorer.html" "$shot"
