#!/usr/bin/env bash
# Soak test of `fusionguide serve`: steady POST /v1/recommend load on 127.0.0.1 (wrk, 200 synthetic cases in turn,
# SQLite audit store in a temp dir) for MINUTES (default 10), sampling the server process every SAMPLE seconds:
# RSS, GC heap (dotnet-counters, when it can be installed), threads, open files, audit records. Prints a table of
# time vs memory and a verdict: FLAT when, after the warm-up, the highest RSS of the last third of the run is within
# BOUND_PCT (default 10) % of the highest RSS of the first third, and no request failed. Exit 0 flat, 1 otherwise.
# Usage: bench/soak.sh [MINUTES]
#   env: CONNECTIONS (4) DELAY_MS (10, per connection between requests) SAMPLE (10 s) BOUND_PCT (10)
#        WARMUP (60 s) PORT (18095) SOAK_SECONDS (overrides MINUTES, for a quick check)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
seconds="${SOAK_SECONDS:-$((minutes * 60))}"
connections="${CONNECTIONS:-4}"
delay_ms="${DELAY_MS:-10}"
sample="${SAMPLE:-10}"
bound="${BOUND_PCT:-10}"
warmup="${WARMUP:-60}"
port="${PORT:-18095}"
cd "$root"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if [[ ${#need[@]} -gt 0 ]]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null
fi
# dotnet-counters (a .NET tool from NuGet) reads the GC heap from the running server; without it the GC columns are empty.
counters="$root/.build/tools/dotnet-counters"
if [[ ! -x "$counters" ]]; then
  dotnet tool install dotnet-counters --tool-path "$root/.build/tools" >/dev/null 2>&1 || echo "soak: dotnet-counters unavailable: no GC heap column" >&2
fi

work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  [[ -n "${wrk_pid:-}" ]] && kill "$wrk_pid" 2>/dev/null || true
  [[ -n "${counters_pid:-}" ]] && kill "$counters_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# 200 synthetic cases (the CLI's deterministic generator) as wrk requests, sent in turn.
./fusionguide synth --n 200 --seed 7 -o "$work/cases.ndjson" 2>/dev/null
python3 - "$work/cases.ndjson" "$delay_ms" > "$work/soak.lua" <<'PY'
import json, sys
bodies = [line.strip() for line in open(sys.argv[1]) if line.strip()]
print("local bodies = {" + ",".join(json.dumps(b) for b in bodies) + "}")
print('local headers = {["Content-Type"] = "application/json"}')
print("local i = 0")
print("request = function() i = i % #bodies + 1; return wrk.format('POST', '/v1/recommend?asOf=2026-11-24', headers, bodies[i]) end")
print(f"delay = function() return {int(sys.argv[2])} end")
PY

# The launcher builds the server once if needed, then execs it: $! is the server process itself.
./fusionguide serve --urls "http://127.0.0.1:$port" --db "$work/audit.db" \
  --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Warning >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 6000); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$server" 2>/dev/null || { echo "soak: the server exited:"; cat "$work/server.log"; exit 1; }
  sleep 0.1
done
grep -q 'fusionguide-server.dll' "/proc/$server/cmdline" || { echo "soak: pid $server is not the server"; exit 1; }

echo "soak: $((seconds / 60)) min $((seconds % 60)) s, $connections connections, ${delay_ms} ms pause per connection, sample every ${sample} s"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at start; server pid $server"
if [[ -x "$counters" ]]; then
  "$counters" collect -p "$server" --refresh-interval "$sample" --duration "$(date -u -d "@$((seconds + 2 * sample))" +%H:%M:%S)" \
    --format csv -o "$work/counters.csv" --counters System.Runtime </dev/null >/dev/null 2>&1 &
  counters_pid=$!
fi
start=$(date +%s)
wrk -t1 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$work/soak.lua" "http://127.0.0.1:$port/v1/recommend" >"$work/wrk.txt" 2>&1 &
wrk_pid=$!

printf 'epoch\telapsed\trss_kb\tthreads\tfds\trecords\tload1\n' >"$work/samples.tsv"
take_sample() {
  local now rss threads fds records
  now=$(date +%s)
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$server/status")
  fds=$(find "/proc/$server/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  records=$(sqlite3 -readonly "$work/audit.db" 'PRAGMA busy_timeout=2000; SELECT last_id FROM audit_chain_head' 2>/dev/null | tail -1 || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$now" "$((now - start))" "$rss" "$threads" "$fds" "${records:-}" "$(cut -d' ' -f1 /proc/loadavg)" >>"$work/samples.tsv"
}
take_sample
while kill -0 "$wrk_pid" 2>/dev/null; do
  sleep "$sample"
  kill -0 "$server" 2>/dev/null || { echo "soak: the server died during the run"; cat "$work/server.log"; exit 1; }
  take_sample
done
wait "$wrk_pid" || true
wrk_pid=""
[[ -n "${counters_pid:-}" ]] && { kill -INT "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; counters_pid=""; }
kill "$server" && wait "$server" 2>/dev/null || true
server=""
verify="$(./fusionguide audit verify --db "$work/audit.db" 2>&1 || true)"

python3 - "$work/samples.tsv" "$work/counters.csv" "$work/wrk.txt" "$bound" "$warmup" "$verify" <<'PY'
import csv, datetime, os, re, sys
samples_path, counters_path, wrk_path, bound, warmup, verify = sys.argv[1:7]
bound, warmup = float(bound), float(warmup)
rows = list(csv.DictReader(open(samples_path), delimiter="\t"))

# GC heap after the last collection (all generations) and committed GC memory, by second.
gc = {}
if os.path.exists(counters_path):
    for r in csv.DictReader(open(counters_path)):
        name = r["Counter Name"]
        try:
            t = int(datetime.datetime.strptime(r["Timestamp"], "%m/%d/%Y %H:%M:%S").timestamp())
            v = float(r["Mean/Increment"])
        except (ValueError, KeyError):
            continue
        slot = gc.setdefault(t, {"heap": 0.0, "committed": None})
        if name.startswith("dotnet.gc.last_collection.heap.size"):
            slot["heap"] += v
        elif name.startswith("dotnet.gc.last_collection.memory.committed_size"):
            slot["committed"] = v
def nearest_gc(epoch):
    if not gc:
        return None
    t = min(gc, key=lambda k: abs(k - epoch))
    return gc[t] if abs(t - epoch) <= 15 else None

mb = lambda kb: int(kb) / 1024
print(f"{'time':>6} {'RSS MB':>8} {'GC heap MB':>11} {'GC committed MB':>16} {'threads':>8} {'fds':>5} {'records':>9} {'req/s':>7} {'load1':>6}")
prev = None
table = []
for r in rows:
    g = nearest_gc(int(r["epoch"]))
    records = int(r["records"]) if r["records"] else None
    rate = ""
    if prev is not None and records is not None and prev[1] is not None and int(r["elapsed"]) > prev[0]:
        rate = f"{(records - prev[1]) / (int(r['elapsed']) - prev[0]):.0f}"
    prev = (int(r["elapsed"]), records)
    heap = f"{g['heap'] / 2**20:.1f}" if g else "-"
    committed = f"{g['committed'] / 2**20:.1f}" if g and g["committed"] is not None else "-"
    t = int(r["elapsed"])
    print(f"{t // 60:>3}:{t % 60:02d} {mb(r['rss_kb']):>8.1f} {heap:>11} {committed:>16} {r['threads']:>8} {r['fds']:>5} {records if records is not None else '-':>9} {rate:>7} {r['load1']:>6}")
    table.append((t, mb(r["rss_kb"]), g["heap"] / 2**20 if g else None))

wrk = open(wrk_path).read()
print()
print("\n".join(l for l in wrk.splitlines() if re.search(r"requests in|Requests/sec|Non-2xx|Socket errors|50%|99%|Latency ", l)))
print(f"audit verify: {verify.strip()}")

steady = [x for x in table if x[0] >= warmup]
if len(steady) < 3:
    print("verdict: TOO SHORT (need at least three samples after the warm-up)")
    sys.exit(1)
third = max(1, len(steady) // 3)
first, last = steady[:third], steady[-third:]
rss_first, rss_last = max(x[1] for x in first), max(x[1] for x in last)
growth = (rss_last - rss_first) / rss_first * 100
heaps_first = [x[2] for x in first if x[2] is not None]
heaps_last = [x[2] for x in last if x[2] is not None]
heap_note = (f"; GC heap max {max(heaps_first):.1f} MB → {max(heaps_last):.1f} MB" if heaps_first and heaps_last else "")
failed = re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)
socket = re.search(r"Socket errors: (.*)", wrk)
requests = re.search(r"(\d+) requests in", wrk)
errors = []
if failed:
    errors.append(f"{failed.group(1)} non-2xx responses")
if socket:
    errors.append(f"socket errors: {socket.group(1)}")
if not verify.startswith("intact:"):
    errors.append("audit verify did not report an intact chain")
flat = growth <= bound
print(f"RSS after {warmup:.0f} s warm-up: max {rss_first:.1f} MB in the first third, {rss_last:.1f} MB in the last third "
      f"({growth:+.1f} %, bound {bound:.0f} %){heap_note}; {requests.group(1) if requests else '?'} requests")
print(f"verdict: {'FLAT' if flat else 'GROWING'}{', ' + '; '.join(errors) if errors else ', no failed request'}")
sys.exit(0 if flat and not errors else 1)
PY
