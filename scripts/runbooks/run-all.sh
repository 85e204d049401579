#!/usr/bin/env bash
# Runs every runbook script of docs/deploy.md (after `dotnet build -c Release`; the ./run-tests step "runbooks"):
# reverse proxy with TLS, PostgreSQL (roles, backup and restore, schema migration, monthly archival), SQLite
# operations (schema migration, logs and metrics, backup and restore, knowledge update). Their checks are independent,
# so the three run side by side. Ends with one line "runbooks: N passed, N failed".
set -uo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=$(mktemp -d /tmp/fg-runbooks.XXXXXX)
names=(reverse-proxy postgres sqlite-operations)
for n in "${names[@]}"; do "$dir/$n.sh" > "$out/$n.log" 2>&1 & done
wait
passed=0; failed=0
for n in "${names[@]}"; do
  echo "== runbook $n"; cat "$out/$n.log"
  line=$(grep -E "^runbook $n: [0-9]+ passed, [0-9]+ failed$" "$out/$n.log" | tail -1)
  p=$(sed -nE 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/p' <<<"$line"); f=$(sed -nE 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-1}))
done
rm -rf "$out"
echo "runbooks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
