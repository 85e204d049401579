#!/usr/bin/env bash
# Cold start of `fusionguide recommend` (Native AOT): the median of many runs of a fresh process.
# Uses hyperfine (Debian package, installed here if missing); falls back to a timed loop without it.
# Usage: bench/cold-start.sh [CASE.json] [RUNS]     (target: median ≤ 20 ms)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case_file="${1:-examples/alk-g1202r-after-alectinib.json}"
runs="${2:-100}"
cd "$root"
./fusionguide --version >/dev/null            # builds the AOT CLI once if needed
cli=./.build/cli/fusionguide
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

if ! command -v hyperfine >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine) >/dev/null 2>&1 || true
fi

if command -v hyperfine >/dev/null; then
  json="$(mktemp)"
  hyperfine -N --warmup 10 --runs "$runs" --export-json "$json" "$cli recommend $case_file" "$cli --version" >&2
  python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {r['median']*1000:.1f} ms, mean {r['mean']*1000:.1f} ms, "
          f"min {r['min']*1000:.1f} ms, user {r['user']*1000:.1f} ms, system {r['system']*1000:.1f} ms")
PY
  rm -f "$json"
else
  echo "hyperfine unavailable: timed loop of $runs runs" >&2
  times=()
  for _ in $(seq 1 "$runs"); do
    s=$(date +%s%N); "$cli" recommend "$case_file" >/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "recommend: median %.1f ms, min %.1f ms (%d runs)\n", m/1000, a[1]/1000, NR}'
fi
