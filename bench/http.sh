#!/usr/bin/env bash
# HTTP throughput of `fusionguide serve`: wrk (Debian package, installed if missing) POSTs a case to
# /v1/recommend on 127.0.0.1 for a bounded time. Usage: bench/http.sh [SECONDS] [CONNECTIONS] [PORT]
# The `serve` command is built on another branch: until it is merged this script says so and exits 77 (skipped).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-10}"
connections="${2:-16}"
port="${3:-18080}"
cd "$root"
if ! ./fusionguide --help 2>/dev/null | grep -qE '^\s*fusionguide serve'; then
  echo "SKIPPED: 'fusionguide serve' is not available on this branch yet (it is being built on another branch)."
  echo "Once merged, this script runs: ./fusionguide serve --urls http://127.0.0.1:$port and wrk -t2 -c$connections -d${seconds}s POST /v1/recommend"
  exit 77
fi
command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
lua="$(mktemp --suffix=.lua)"
python3 - "$root/examples/alk-g1202r-after-alectinib.json" > "$lua" <<'PY'
import json, sys
body = json.dumps(json.load(open(sys.argv[1])), separators=(",", ":"))
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print("wrk.body = " + json.dumps(body))
PY
auditdir="$(mktemp -d)"
./fusionguide serve --urls "http://127.0.0.1:$port" --db "$auditdir/audit.db" --Logging:LogLevel:Default=Warning >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$lua"; rm -rf "$auditdir"' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$lua" "http://127.0.0.1:$port/v1/recommend"
