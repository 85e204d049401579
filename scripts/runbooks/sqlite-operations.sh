#!/usr/bin/env bash
# Runbooks on the default SQLite store (docs/deploy.md sections 7–10), end to end around one running server:
#   schema migration — a store an older version (schema 2) left, verified as it is, upgraded by audit migrate, verified;
#   logs and metrics — the server with --log-format json: every line one JSON object with the documented fields, no
#     case content; /metrics in Prometheus text format with every documented metric;
#   backup and restore — online copies while the server runs (VACUUM INTO and the online backup API), each verified;
#     restore (stop, copy in place, stale -wal/-shm removed, verify, start), the chain going on with the next id;
#     a copy older than the latest checkpoint reported behind it;
#   knowledge update — kb validate of the new knowledge folder, the site's recent cases taken from the audit log
#     (GET /v1/audit, /v1/audit/{id}/case), kb diff --cohort on them against the previous release.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work=$(mktemp -d /tmp/fg-runbook-sqlite.XXXXXX)
cleanup() { [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
server=$(server_bin)
cli=${FUSIONGUIDE_CLI:-$root/src/FusionGuide.Cli/bin/Release/net10.0/fusionguide}
[[ -x "$cli" ]] || cli="$root/fusionguide"
state="$work/state"; mkdir -p "$state"; db="$state/audit.db"

# Section 9: a schema 2 store, verified as it is, migrated, verified.
python3 "$root/scripts/runbooks/schema2-store.py" 3 | sqlite3 "$db"
out=$($server audit verify --db "$db" 2>&1)
check "a schema 2 store verifies before migrate: ${out:0:50}" grep -q '^intact: 3 records' <<<"$out"
out=$($server audit migrate --db "$db" 2>&1)
check "audit migrate upgrades it: ${out:0:70}" grep -q '^migrated: .*schema version' <<<"$out"
out=$($server audit verify --db "$db" 2>&1)
check "it verifies after migrate" grep -q '^intact: 3 records' <<<"$out"

# Section 10 and the server for section 7: JSON logs, metrics.
openssl rand -hex 24 > "$work/api-key"
start_server() {
  port=$(free_port)
  $server serve --urls "http://127.0.0.1:$port" --db "$db" --api-key-file "$work/api-key" --log-format json > "$work/server-$1.log" 2>&1 & server_pid=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}
stop_server() { kill -TERM "$server_pid"; wait "$server_pid"; local r=$?; server_pid=; return $r; }
check "the server starts on the migrated store" start_server 1
cases=("$root"/tests/vignettes/cases/*.json)
for c in "${cases[@]:0:6}"; do
  curl -s -o /dev/null -H 'Content-Type: application/json' --data @"$c" "http://127.0.0.1:$port/v1/recommend"
done
curl -s "http://127.0.0.1:$port/metrics" > "$work/metrics.txt"
check "/metrics is Prometheus text with every documented metric" python3 - "$work/metrics.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
need = ["http_server_request_duration_seconds_bucket", "fusionguide_audit_append_duration_seconds_bucket", "fusionguide_audit_queue_depth",
        "fusionguide_info", "kestrel_"]
missing = [m for m in need if m not in text]
sample = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEnaNIf]+( [0-9]+)?$')
bad = [l for l in text.splitlines() if l and not l.startswith("#") and not sample.match(l)]
print("missing:", missing, "unparsable:", bad[:3]) if missing or bad else None
sys.exit(1 if missing or bad else 0)
PY
check "every log line is one JSON object with Timestamp, EventId, LogLevel, Category, Message" python3 - "$work/server-1.log" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
objs = [json.loads(l) for l in lines]
ok = objs and all({"Timestamp", "EventId", "LogLevel", "Category", "Message"} <= o.keys() for o in objs)
ok = ok and any("audited as record" in o["Message"] for o in objs)
sys.exit(0 if ok else 1)
PY
check "the logs hold no case content (no patient field of the cases sent)" bash -c "! grep -qE '\"(diagnosis|histology|priorTherapies|tests)\"' '$work/server-1.log'"

# Section 8: the site's recent cases from the audit log, then kb validate and kb diff --cohort.
key=$(cat "$work/api-key")
curl -sf -H "X-Api-Key: $key" "http://127.0.0.1:$port/v1/audit?limit=200" > "$work/audit-page.json"
python3 - "$work/audit-page.json" > "$work/ids.txt" <<'PY'
import json, sys
print("\n".join(str(i["id"]) for i in json.load(open(sys.argv[1]))["records"]))
PY
: > "$work/recent-cases.ndjson"
while read -r id; do
  curl -sf -H "X-Api-Key: $key" "http://127.0.0.1:$port/v1/audit/$id/case" | tr -d '\n' >> "$work/recent-cases.ndjson" && echo >> "$work/recent-cases.ndjson"
done < "$work/ids.txt"
sed -i '/^$/d' "$work/recent-cases.ndjson"
check "the recent cases were taken from the audit log: $(wc -l < "$work/recent-cases.ndjson") (records before schema 3 have none)" test "$(wc -l < "$work/recent-cases.ndjson")" -eq 6
# A knowledge update is a new release folder for the same programs (--knowledge DIR): the deployed release is the
# old side, the update the new one. (A release older than the engine's requirements cannot be evaluated by it: kb diff
# refuses it with a problem, so the update is made here as the next release of the current one.)
old="$root/knowledge"
update="$work/knowledge-update"
cp -r "$root/knowledge" "$update"
python3 - "$update/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["version"] += "-site-update"; json.dump(m, open(sys.argv[1], "w"), indent=2)
PY
"$cli" kb validate "$update" > "$work/kb-validate.txt" 2>&1; r=$?
check "kb validate on the new knowledge folder (exit $r): $(tail -n 1 "$work/kb-validate.txt" | cut -c1-60)" test "$r" -eq 0
"$cli" kb diff --old "$old" --new "$update" --cohort "$work/recent-cases.ndjson" > "$work/kb-diff.txt" 2>&1; r=$?
line=$(grep -E '^cohort .*: [0-9]+ case\(s\), 0 invalid' "$work/kb-diff.txt")
check "kb diff --cohort on the recent cases (exit $r): ${line#*: }" bash -c "[[ $r -eq 0 ]] && grep -qE ': 6 case\(s\), 0 invalid' <<<'$line'"

# Section 7: online backups while the server runs, each verified against the live checkpoints.
sqlite3 "$db" "VACUUM INTO '$work/backup-vacuum.db'"
out=$($server audit verify --db "$work/backup-vacuum.db" --audit-checkpoints "$db.checkpoints" 2>&1)
check "VACUUM INTO while the server runs; the copy verifies: ${out:0:40}" grep -q '^intact: 9 records' <<<"$out"
sqlite3 "$db" ".backup '$work/backup-api.db'"
out=$($server audit verify --db "$work/backup-api.db" --audit-checkpoints "$db.checkpoints" 2>&1)
check "the online backup API (.backup) while the server runs; the copy verifies" grep -q '^intact: 9 records' <<<"$out"
check "the server stops on SIGTERM" stop_server
# Restore: the service stopped, the copy put in place (stale -wal/-shm removed), verify, start; ids go on.
mv "$db" "$work/broken.db"; rm -f "$db-wal" "$db-shm"; cp "$work/backup-api.db" "$db"
out=$($server audit verify --db "$db" 2>&1)
check "the restored store verifies against its checkpoints" grep -q '^intact: 9 records' <<<"$out"
check "the server starts on the restored store" start_server 2
id=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' --data @"$root/examples/minimal-case.json" "http://127.0.0.1:$port/v1/recommend" | tr -d '\r' | sed -n 's/^X-Audit-Record: //Ip')
check "the next recommendation is record 10 (ids go on): $id" test "$id" = 10
stop_server
# A copy older than the latest checkpoint is reported behind it (the records since would be lost).
out=$($server audit verify --db "$work/backup-vacuum.db" --audit-checkpoints "$db.checkpoints" 2>&1); r=$?
check "an older copy is reported behind the latest checkpoint (exit $r)" bash -c "[[ $r -eq 4 ]] && grep -q 'records were cut off' <<<'$out'"
if [[ $failed -gt 0 ]]; then echo "--- server log"; for f in "$work"/server-*.log; do tail -n 5 "$f"; done; tail -n 5 "$work/kb-diff.txt"; fi
echo "runbook sqlite-operations: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
