#!/usr/bin/env bash
# HTTP throughput of `fusionguide serve`: wrk (Debian package, installed if missing) POSTs a case to /v1/recommend on
# 127.0.0.1 for a bounded time, after a warm-up run (JIT tiering) that is not reported. Every request is audited
# (SQLite in a temp dir). Also prints the server's own CPU per request (wrk shares the machine's cores).
# Usage: bench/http.sh [SECONDS] [CONNECTIONS] [PORT]      env: WARMUP=seconds (default 10), LOG=on (request lines)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
connections="${2:-16}"
port="${3:-18080}"
warmup="${WARMUP:-10}"
cd "$root"
command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
lua="$(mktemp --suffix=.lua)"
python3 - "$root/examples/alk-g1202r-after-alectinib.json" > "$lua" <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[1])), separators=(",", ":"))
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print("wrk.body = " + json.dumps(body))
PY
# shellcheck source=bench/http-server.sh
source "$root/bench/http-server.sh"
trap 'cleanup_server; rm -f "$lua"' EXIT
url="http://127.0.0.1:$port/v1/recommend"
if [[ "$warmup" -gt 0 ]]; then timeout $((warmup + 30)) wrk -t2 -c"$connections" -d"${warmup}s" -s "$lua" "$url" >/dev/null; fi
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
before=$(cpu_ticks)
out="$(timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "$url")"
after=$(cpu_ticks)
echo "$out"
requests=$(grep -oE '^ *[0-9]+ requests in' <<<"$out" | grep -oE '[0-9]+')
echo "server CPU: $(( (after - before) * 10 )) ms for $requests requests = $(( (after - before) * 10000 / requests )) µs/request; load average after $(cut -d' ' -f1-3 /proc/loadavg)"
