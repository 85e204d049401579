#!/usr/bin/env bash
# Shared by the runbook scripts (docs/deploy.md): counting checks, a free port, a private PostgreSQL cluster, the
# built server. Sourced, not run. Each script ends with one line "runbook NAME: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
passed=0; failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The server as built by `dotnet build -c Release` (run-tests builds before the runbooks run); FUSIONGUIDE_SERVER
# names another (e.g. an unpacked release's bin/fusionguide-server).
server_bin() {
  if [[ -n "${FUSIONGUIDE_SERVER:-}" ]]; then echo "$FUSIONGUIDE_SERVER"; return; fi
  local d="$root/src/FusionGuide.Server/bin/Release/net10.0"
  if [[ -x "$d/fusionguide-server" ]]; then echo "$d/fusionguide-server"; else echo "dotnet $d/fusionguide-server.dll"; fi
}

# pg_start DIR: initdb + start a private cluster on a free port, superuser "postgres" (trust on the Unix socket in DIR
# only, scram-sha-256 over TCP as docs/deploy.md says); sets PGBIN, PGPORT, PGHOST. As root the cluster runs as the
# postgres OS user (PostgreSQL refuses root).
pg_start() {
  local dir=$1
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n "$PGBIN" ]] || { bad "PostgreSQL is installed (Debian package postgresql)"; return 1; }
  mkdir -p "$dir"; PGPORT=$(free_port); PGHOST=127.0.0.1
  echo postgres-secret > "$dir/pwfile"
  local as=(); [[ $(id -u) -eq 0 ]] && { chown -R postgres:postgres "$dir"; as=(runuser -u postgres --); }
  "${as[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$dir/pwfile" \
    --no-sync -E UTF8 --no-instructions > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
  "${as[@]}" "$PGBIN/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/server.log" \
    -o "-p $PGPORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" > /dev/null || { cat "$dir/server.log"; return 1; }
  PG_DIR=$dir; PG_AS=("${as[@]}")
  export PGBIN PGPORT PGHOST
}
PG_DIR=; PG_AS=()
pg_stop() { [[ -n "${PG_DIR:-}" ]] && "${PG_AS[@]}" "$PGBIN/pg_ctl" stop -w -m fast -D "$PG_DIR/data" > /dev/null 2>&1; PG_DIR=; }
# psql as the superuser over the Unix socket.
pgsu() { "$PGBIN/psql" -h "$PG_DIR" -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
