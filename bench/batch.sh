#!/usr/bin/env bash
# Throughput and peak memory of `fusionguide batch` on N synthetic cases (default 1,000,000).
# The cohort is generated once with `synth` (cached under .build/bench/), then run through batch under
# /usr/bin/time -v. Output goes to /dev/null unless OUT is given (a million results are ~9 GB).
# Usage: bench/batch.sh [N] [WORKERS] [OUT]         (targets: ≥ 80,000 cases/s, peak RSS ≤ 200 MB)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
workers="${2:-$(nproc)}"
out="${3:-/dev/null}"
cd "$root"
./fusionguide --version >/dev/null
cli=./.build/cli/fusionguide
mkdir -p .build/bench
input=".build/bench/synth-$n-seed1.ndjson"
if [[ ! -s "$input" ]]; then
  echo "generating $n synthetic cases → $input" >&2
  "$cli" synth --n "$n" --seed 1 -o "$input.tmp" && mv "$input.tmp" "$input"
fi
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); input $(du -h "$input" | cut -f1)"
log="$(mktemp)"
/usr/bin/time -v "$cli" batch "$input" -o "$out" --workers "$workers" --no-progress 2>"$log" || { cat "$log"; exit 1; }
grep -E '^batch:' "$log"
awk -F': ' '/Maximum resident set size/ {printf "peak RSS: %.1f MB\n", $2/1024} /Elapsed \(wall clock\)/ {print "wall clock: " $2} /User time/ {print "user CPU: " $2 " s"} /System time/ {print "system CPU: " $2 " s"}' "$log"
rm -f "$log"
