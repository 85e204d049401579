#!/usr/bin/env bash
# Fuzzes FusionGuide's input paths with AFL++ (Debian's afl++) through SharpFuzz: every target at once, each for
# SECONDS (default 600). A crash or a reproducible hang is copied to fuzz/regressions/<corpus>/ (replayed by
# tests/FusionGuide.Fuzz.Tests) and fails the run. Ends with one line "fuzz: N passed, N failed" (one per target).
#
#   fuzz/run.sh [SECONDS] [TARGET...] [--no-build] [--out DIR]
#
# Targets: reader, recommend, fhir (fuzz/FusionGuide.Fuzz/FuzzTargets.cs). ./run-tests runs `fuzz/run.sh 40 --no-build`.
# Findings and AFL's own output stay under DIR (default .build/fuzz/<target>/afl) for triage with
# `dotnet fuzz/FusionGuide.Fuzz/bin/Release/net10.0/FusionGuide.Fuzz.dll replay TARGET FILE...`.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
seconds=600; build=1; out="$root/.build/fuzz"; targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0 ;;
    --out) out="$2"; shift ;;
    [0-9]*) seconds="$1" ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) targets+=("$1") ;;
  esac
  shift
done

fail() { echo "fuzz: $*" >&2; echo "fuzz: 0 passed, 1 failed"; exit 1; }

command -v afl-fuzz >/dev/null || fail "afl-fuzz is not installed (apt-get install afl++; scripts/ensure-test-tools.sh does it)"
bin="$root/fuzz/FusionGuide.Fuzz/bin/Release/net10.0"
if [[ $build -eq 1 ]]; then
  dotnet build "$root/fuzz/FusionGuide.Fuzz/FusionGuide.Fuzz.csproj" -c Release --nologo -v quiet >/dev/null || fail "the fuzz harness did not build"
fi
[[ -f "$bin/FusionGuide.Fuzz.dll" ]] || fail "$bin/FusionGuide.Fuzz.dll is missing: build fuzz/FusionGuide.Fuzz (Release) first"
harness=(dotnet "$bin/FusionGuide.Fuzz.dll")
if [[ ${#targets[@]} -eq 0 ]]; then
  mapfile -t targets < <("${harness[@]}" targets | awk '{print $1}')
fi

# The harness and the product assemblies are copied, and the copies instrumented: the build output stays untouched.
app="$out/app"
rm -rf "$out"; mkdir -p "$app"
cp -r "$bin/." "$app/"
"${harness[@]}" instrument "$app" >"$out/instrument.log" 2>&1 || { cat "$out/instrument.log" >&2; fail "instrumentation failed"; }

# afl-fuzz expects an instrumented native binary; `dotnet` is not, and SharpFuzz reports coverage itself. The rest
# lets it start on a container or CI machine: any core pattern, any CPU governor, no CPU pinning (other processes
# share the cores), no curses UI.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
  AFL_NO_UI=1 AFL_FAST_CAL=1 AFL_NO_CRASH_README=1 AFL_FORKSRV_INIT_TMOUT=60000
unset AFL_AUTORESUME

corpus_of() { "${harness[@]}" targets | awk -v t="$1" '$1 == t {print $3}'; }
declare -A corpus pid
# Interrupted: end the runs this script started (each `timeout` passes the signal to its whole process group).
trap 'for p in "${pid[@]}"; do kill "$p" 2>/dev/null; done; exit 130' INT TERM
for t in "${targets[@]}"; do
  c="$(corpus_of "$t")"
  [[ -n "$c" ]] || fail "unknown target '$t'"
  corpus[$t]="$c"
  mkdir -p "$out/$t/in"
  cp "$here/corpus/$c/"* "$out/$t/in/"
  if compgen -G "$here/regressions/$c/*" >/dev/null; then cp "$here/regressions/$c/"* "$out/$t/in/"; fi
  # -V: stop after SECONDS of fuzzing. -t 5000: the .NET child restarted after a timeout pays its start-up on the next
  # input. -m none: the runtime reserves far more address space than AFL's default limit. timeout ends it all (afl-fuzz
  # and both .NET processes share its process group) should afl-fuzz ever not stop by itself.
  timeout -k 10 $((seconds + 180)) afl-fuzz -V "$seconds" -m none -t 5000 -x "$here/dictionaries/${c}.dict" \
    -i "$out/$t/in" -o "$out/$t/afl" -- "${harness[0]}" "$app/FusionGuide.Fuzz.dll" afl "$t" >"$out/$t/afl.log" 2>&1 &
  pid[$t]=$!
done
echo "fuzz: ${targets[*]} for ${seconds} s each (AFL++ $(afl-fuzz -h 2>&1 | grep -oE '\+\+[0-9.a-z]+' | head -1 | tr -d +), SharpFuzz), output in $out"
for t in "${targets[@]}"; do wait "${pid[$t]}"; done

# Nothing may outlive the run: a harness process left over (afl-fuzz killed hard) is ended by its id.
mapfile -t stray < <(pgrep -f -- "$app/FusionGuide.Fuzz.dll" || true)
if [[ ${#stray[@]} -gt 0 ]]; then
  echo "fuzz: ending ${#stray[@]} leftover harness process(es): ${stray[*]}"
  kill -9 "${stray[@]}" 2>/dev/null || true
fi

stat() { sed -nE "s/^$1 +: (.*)$/\1/p" "$2"; }
passed=0; failed=0
for t in "${targets[@]}"; do
  c="${corpus[$t]}"; dir="$out/$t/afl/default"; stats="$dir/fuzzer_stats"
  if [[ ! -f "$stats" ]] || [[ "$(stat execs_done "$stats")" == 0 ]]; then
    echo "fuzz: $t: afl-fuzz did not start; the end of $out/$t/afl.log:"; tail -25 "$out/$t/afl.log" | sed 's/^/    /'
    failed=$((failed + 1)); continue
  fi
  echo "fuzz: $t: $(stat execs_done "$stats") execs ($(stat execs_per_sec "$stats")/s) in $(stat run_time "$stats") s," \
    "corpus $(stat corpus_count "$stats") ($(stat corpus_found "$stats") new), edges $(stat edges_found "$stats")," \
    "stability $(stat stability "$stats"), crashes $(stat saved_crashes "$stats"), hangs $(stat saved_hangs "$stats")"
  bad=0
  mkdir -p "$here/regressions/$c"
  for f in "$dir"/crashes/id:*; do
    [[ -f "$f" ]] || continue
    keep="$here/regressions/$c/$t-crash-$(sha1sum "$f" | cut -c1-12)"
    cp "$f" "$keep"; chmod 644 "$keep"
    echo "fuzz: $t: CRASH $f, copied to ${keep#"$root"/}"
    "${harness[@]}" replay "$t" "$f" | head -30 | sed 's/^/    /'
    bad=1
  done
  # AFL's timer is strict and the machine shared: a hang counts only when it is slow again outside AFL.
  for f in "$dir"/hangs/id:*; do
    [[ -f "$f" ]] || continue
    if "${harness[@]}" replay "$t" --slow-ms 2000 "$f" >"$out/$t/hang-replay.log" 2>&1; then
      echo "fuzz: $t: hang $f did not reproduce outside AFL (under 2 s); not counted"
    else
      keep="$here/regressions/$c/$t-hang-$(sha1sum "$f" | cut -c1-12)"
      cp "$f" "$keep"; chmod 644 "$keep"
      echo "fuzz: $t: HANG $f, copied to ${keep#"$root"/}"; sed 's/^/    /' "$out/$t/hang-replay.log" | head -30
      bad=1
    fi
  done
  if [[ $bad -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
