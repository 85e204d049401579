#!/usr/bin/env bash
# Runbooks "PostgreSQL set-up", "Backup and restore, PostgreSQL", "Schema migration" (PostgreSQL) and the monthly
# archival procedure (docs/deploy.md sections 6, 7, 9; docs/audit-sizing.md), end to end on a private cluster with
# password (scram-sha-256) logins over TCP: the three documented roles; a store left by an older version (schema 2)
# verified, migrated by the owner (records partitioned by month) and verified; the documented GRANTs; the server as the
# append-only role with --audit-schema existing and its password from a file; appends; the server role refused
# UPDATE/DELETE; verify as the SELECT-only role; pg_dump, pg_restore into a new database, GRANTs, verify; a past month
# archived with scripts/audit-archive-month.sh and the live store still intact, reporting it.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
work=$(mktemp -d /tmp/fg-runbook-pg.XXXXXX); chmod 755 "$work"
cleanup() { [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; pg_stop; rm -rf "$work"; }
trap cleanup EXIT
pg_start "$work/pg" || { echo "runbook postgres: $passed passed, $((failed + 1)) failed"; exit 1; }
server=$(server_bin)
for r in owner server verifier; do openssl rand -hex 16 > "$work/$r-password"; done
conn() { echo "Host=127.0.0.1;Port=$PGPORT;Database=${2:-fusionguide};Username=fusionguide_$1"; }
as() { local r=$1; shift; PGPASSWORD=$(cat "$work/$r-password") "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U "fusionguide_$r" -v ON_ERROR_STOP=1 -qAt "$@"; }

# Section 6: the roles (the owner may create databases: the restore and the archive check need one).
pgsu -d postgres -c "CREATE ROLE fusionguide_owner LOGIN CREATEDB PASSWORD '$(cat "$work/owner-password")'" \
  -c "CREATE ROLE fusionguide_server LOGIN PASSWORD '$(cat "$work/server-password")'" \
  -c "CREATE ROLE fusionguide_verifier LOGIN PASSWORD '$(cat "$work/verifier-password")'" \
  -c "CREATE DATABASE fusionguide OWNER fusionguide_owner"
logins() { for r in owner server verifier; do as "$r" -d fusionguide -c 'SELECT 1' > /dev/null || return 1; done; }
check "the three roles log in with their passwords over TCP (scram-sha-256)" logins

check "a wrong password is refused" bash -c "! PGPASSWORD=wrong $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U fusionguide_server -d fusionguide -qc 'SELECT 1' 2>/dev/null"

# Section 9 on PostgreSQL: a store as an older version (schema 2) left it, verified as it is, then migrated.
python3 "$root/scripts/runbooks/schema2-store.py" 3 | as owner -d fusionguide > /dev/null
out=$($server audit verify --postgres "$(conn owner)" --postgres-password-file "$work/owner-password" --audit-checkpoints off 2>&1)
check "a schema 2 store verifies before migrate: ${out:0:60}" grep -q '^intact: 3 records' <<<"$out"
openssl ecparam -name prime256v1 -genkey -noout 2>/dev/null | openssl pkcs8 -topk8 -nocrypt > "$work/checkpoint.pem"
openssl pkey -in "$work/checkpoint.pem" -pubout > "$work/checkpoint.pub.pem" 2>/dev/null
mkdir -p "$work/checkpoints"
out=$($server audit migrate --postgres "$(conn owner)" --postgres-password-file "$work/owner-password" --audit-checkpoints "$work/checkpoints" 2>&1)
check "audit migrate as the owner: $out" grep -q '^migrated: ' <<<"$out"
check "the records are partitioned by month (October 2026's partition holds the 3)" \
  test "$(as owner -d fusionguide -c "SELECT count(*) FROM audit_record_y2026m10")" = 3
# The GRANTs of docs/audit-integrity.md ("Schema and roles"), as the owner.
as owner -d fusionguide <<'SQL'
GRANT SELECT, INSERT ON audit_record, cds_hook_instance, cds_feedback TO fusionguide_server;
GRANT SELECT, UPDATE ON audit_chain_head TO fusionguide_server;
GRANT SELECT ON audit_store TO fusionguide_server;
GRANT EXECUTE ON FUNCTION fusionguide_audit_add_months(integer) TO fusionguide_server;
GRANT SELECT ON audit_record, audit_chain_head, audit_store, cds_hook_instance, cds_feedback TO fusionguide_verifier;
SQL
check "the GRANTs apply" test $? -eq 0

# The server as the append-only role; the password from a file, never on the command line.
port=$(free_port)
FUSIONGUIDE_POSTGRES="$(conn server)" FUSIONGUIDE_POSTGRES_PASSWORD_FILE="$work/server-password" \
  $server serve --urls "http://127.0.0.1:$port" --audit-schema existing --audit-checkpoints "$work/checkpoints" --audit-key "$work/checkpoint.pem" \
  > "$work/server.log" 2>&1 & server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null 2>&1 && break; sleep 0.5; done
check "/readyz is ready with the append-only role" bash -c "curl -sf http://127.0.0.1:$port/readyz | grep -q '\"ready\"'"
for _ in 1 2; do curl -sf -H 'Content-Type: application/json' --data @"$root/examples/minimal-case.json" "http://127.0.0.1:$port/v1/recommend" -o /dev/null; done
check "two recommendations were recorded (records 4 and 5)" test "$(as owner -d fusionguide -c 'SELECT max(id) FROM audit_record')" = 5
check "the server role cannot UPDATE a record" bash -c "! PGPASSWORD=\$(cat $work/server-password) $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U fusionguide_server -d fusionguide -qc \"UPDATE audit_record SET case_id = 'x'\" 2>/dev/null"
check "the server role cannot DELETE a record" bash -c "! PGPASSWORD=\$(cat $work/server-password) $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U fusionguide_server -d fusionguide -qc 'DELETE FROM audit_record' 2>/dev/null"
check "the password is not on the server's command line (ps)" bash -c "! tr '\\0' ' ' < /proc/$server_pid/cmdline | grep -q \"$(cat "$work/server-password")\""
kill -TERM "$server_pid"; wait "$server_pid"; r=$?; server_pid=
check "the server stops on SIGTERM (shutdown checkpoint written): exit $r" test "$r" -eq 0
out=$($server audit verify --postgres "$(conn verifier)" --postgres-password-file "$work/verifier-password" --audit-checkpoints "$work/checkpoints" --audit-public-key "$work/checkpoint.pub.pem" 2>&1)
check "audit verify as the SELECT-only role: ${out:0:70}" grep -q '^intact: 5 records' <<<"$out"

# Section 7, PostgreSQL: pg_dump (a consistent snapshot), restore into an empty database as the owner, GRANTs, verify.
PGPASSWORD=$(cat "$work/owner-password") "$PGBIN/pg_dump" -Fc -h 127.0.0.1 -p "$PGPORT" -U fusionguide_owner fusionguide > "$work/fusionguide.dump"
check "pg_dump -Fc as the owner" test -s "$work/fusionguide.dump"
as owner -d postgres -c "CREATE DATABASE fusionguide_restored"
PGPASSWORD=$(cat "$work/owner-password") "$PGBIN/pg_restore" --exit-on-error -h 127.0.0.1 -p "$PGPORT" -U fusionguide_owner -d fusionguide_restored "$work/fusionguide.dump"
check "pg_restore into an empty database" test $? -eq 0
as owner -d fusionguide_restored -c "GRANT SELECT ON audit_record, audit_chain_head, audit_store, cds_hook_instance, cds_feedback TO fusionguide_verifier"
out=$($server audit verify --postgres "$(conn verifier fusionguide_restored)" --postgres-password-file "$work/verifier-password" --audit-checkpoints "$work/checkpoints" 2>&1)
check "the restored copy verifies against the live checkpoints: ${out:0:60}" grep -q '^intact: 5 records' <<<"$out"
check "the restored copy keeps the append-only triggers on its partitions" bash -c "! PGPASSWORD=\$(cat $work/owner-password) $PGBIN/psql -h 127.0.0.1 -p $PGPORT -U fusionguide_owner -d fusionguide_restored -qc 'DELETE FROM audit_record_y2026m10' 2>/dev/null"

# Archival by month (docs/audit-sizing.md): October 2026 archived with its signed checkpoint, the dump checked alone.
"$root/scripts/audit-archive-month.sh" --month 2026-10 --postgres "$(conn owner)" --postgres-password-file "$work/owner-password" \
  --audit-checkpoints "$work/checkpoints" --audit-key "$work/checkpoint.pem" --out "$work/archive" --server "$server" > "$work/archive.log" 2>&1
r=$?; cat "$work/archive.log" | sed 's/^/     /'
check "scripts/audit-archive-month.sh 2026-10 succeeds" test "$r" -eq 0
check "the archive holds the manifest, the covering checkpoint, the key, the dump and SHA256SUMS" \
  bash -c "cd '$work/archive/audit-2026-10' && ls archive-manifest.json cp-*.json key-*.pub.pem audit_record_y2026m10.dump > /dev/null && sha256sum --quiet -c SHA256SUMS"
check "the archive verified alone" grep -q '^intact: archive of 2026-10: 3 records (1–3)' "$work/archive.log"
out=$($server audit verify --postgres "$(conn verifier)" --postgres-password-file "$work/verifier-password" --audit-checkpoints "$work/checkpoints" 2>&1)
check "the live store verifies and reports the archived month: $(tail -1 <<<"$out" | cut -c1-70)" bash -c "grep -q '^intact: 2 records' <<<'$out' && grep -q '^archived: 2026-10: records 1–3' <<<'$out'"
if [[ $failed -gt 0 ]]; then echo "--- server log"; tail -20 "$work/server.log"; fi
echo "runbook postgres: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
