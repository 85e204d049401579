#!/usr/bin/env bash
# Open-loop latency of `fusionguide serve`: bench/LoadGen sends synthetic cases to /v1/recommend at a constant RATE
# for SECONDS (after a warm-up at the same rate, not reported) and measures each latency from the request's due
# send time (no coordinated omission). Every request is audited (SQLite in a temp dir).
# Usage: bench/http-latency.sh [RATE] [SECONDS] [PORT] [-- LOADGEN OPTIONS…]   (target: p99 ≤ 5 ms at 1,000 req/s)
# env: WARMUP=seconds (default 10), CASES=n synthetic cases (default 2000), LOG=on (request lines)
# The last line is the load generator's JSON report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${1:-1000}"
seconds="${2:-20}"
port="${3:-18080}"
shift $(( $# < 3 ? $# : 3 )); [[ "${1:-}" == "--" ]] && shift
warmup="${WARMUP:-10}"
n="${CASES:-2000}"
cd "$root"
mkdir -p .build/bench
cases=".build/bench/synth-$n-seed7.ndjson"
if [[ ! -s "$cases" ]]; then ./fusionguide synth --n "$n" --seed 7 > "$cases.tmp" && mv "$cases.tmp" "$cases"; fi
dotnet build bench/LoadGen/LoadGen.csproj -c Release --nologo -v quiet -o .build/loadgen >/dev/null
# shellcheck source=bench/http-server.sh
source "$root/bench/http-server.sh"
trap cleanup_server EXIT
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); rate $rate req/s for $seconds s after ${warmup} s warm-up"
before=$(cpu_ticks)
dotnet .build/loadgen/fusionguide-loadgen.dll --url "http://127.0.0.1:$port/v1/recommend" --cases "$cases" \
  --rate "$rate" --duration "$seconds" --warmup "$warmup" "$@" | tee .build/bench/http-latency.out | head -n -1
after=$(cpu_ticks)
total=$(awk -v r="$rate" -v s="$seconds" -v w="$warmup" 'BEGIN { printf "%d", r * (s + w) }')
echo "server CPU: $(( (after - before) * 10 )) ms for $total requests (warm-up included) = $(( (after - before) * 10000 / total )) µs/request; load average after $(cut -d' ' -f1-3 /proc/loadavg)"
tail -1 .build/bench/http-latency.out
