#!/usr/bin/env bash
# Archives one past month of a PostgreSQL audit store (docs/audit-sizing.md, "Archival by month"):
#   1. audit archive: verifies the store, detaches the month's partition, writes the signed archive manifest (into the
#      archive directory and beside the checkpoints) and copies the signed checkpoint that covers the month's last record;
#   2. pg_dump of the detached table into the archive directory;
#   3. the dump restored into a scratch database and checked alone: audit verify --archive;
#   4. SHA256SUMS of the archive; only then the detached table is dropped;
#   5. audit verify of the live store, which now reports the month as archived.
# Usage: scripts/audit-archive-month.sh --month YYYY-MM --postgres "Host=…;Database=…;Username=OWNER" --audit-checkpoints DIR
#          --out BASEDIR [--audit-key FILE] [--postgres-password-file FILE] [--server PATH]
# The role is the tables' owner (it detaches and drops) and may create a database (the scratch check; drop it after).
# pg_dump, pg_restore, psql, createdb and dropdb come from PATH or /usr/lib/postgresql/*/bin.
set -euo pipefail
month= conn= cps= out= key=() pwfile= server=fusionguide-server
while [[ $# -gt 0 ]]; do
  case $1 in
    --month) month=$2; shift 2;; --postgres) conn=$2; shift 2;; --audit-checkpoints) cps=$2; shift 2;; --out) out=$2; shift 2;;
    --audit-key) key=(--audit-key "$2"); shift 2;; --postgres-password-file) pwfile=$2; shift 2;; --server) server=$2; shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
[[ -n $month && -n $conn && -n $cps && -n $out ]] || { sed -n '2,14p' "$0" >&2; exit 2; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1); PATH="$PATH:${pgbin:-/usr/bin}"
pw=(); [[ -n $pwfile ]] && pw=(--postgres-password-file "$pwfile")
# libpq's variables from the .NET connection string (Host, Port, Database, Username, Password).
eval "$(python3 - "$conn" <<'PY'
import shlex, sys
kv = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
k = {key.strip().lower().replace(" ", ""): v.strip() for key, v in kv.items()}
for env, names in [("PGHOST", ["host", "server"]), ("PGPORT", ["port"]), ("PGDATABASE", ["database", "db"]), ("PGUSER", ["username", "userid", "user"]), ("PGPASSWORD", ["password"])]:
    for n in names:
        if n in k:
            print(f"export {env}={shlex.quote(k[n])}"); break
PY
)"
[[ -n $pwfile && -z ${PGPASSWORD:-} ]] && export PGPASSWORD="$(head -1 "$pwfile")"
table="audit_record_y${month%-*}m${month#*-}"
dir="$out/audit-$month"

echo "== 1. audit archive $month"
$server audit archive --postgres "$conn" "${pw[@]}" --month "$month" --out "$dir" --audit-checkpoints "$cps" "${key[@]}"
echo "== 2. pg_dump $table"
pg_dump --format=custom --table="$table" --file="$dir/$table.dump"
echo "== 3. the dump checked alone"
scratch="${PGDATABASE}_archive_check_$$"
createdb "$scratch"
trap 'dropdb --if-exists "$scratch"' EXIT
pg_restore --exit-on-error --no-owner --dbname="$scratch" "$dir/$table.dump"
check_conn=$(python3 -c 'import sys,re; print(re.sub(r"(?i)(database|db)=[^;]*", "Database="+sys.argv[2], sys.argv[1]))' "$conn" "$scratch")
$server audit verify --archive "$dir" --postgres "$check_conn" "${pw[@]}"
echo "== 4. checksums; drop the detached table"
(cd "$dir" && sha256sum -- * > SHA256SUMS)
psql -v ON_ERROR_STOP=1 -qc "DROP TABLE $table"
echo "== 5. the live store"
$server audit verify --postgres "$conn" "${pw[@]}" --audit-checkpoints "$cps"
echo "archive of $month in $dir: copy it (all files) to WORM storage with the retention period"
