# Sourced by bench/http.sh and bench/http-latency.sh: starts `./fusionguide serve` on 127.0.0.1:$port with its audit
# database (SQLite, the default store) in a temporary directory, request logging off, and stops it on exit.
# Sets $server (the server's pid: the launcher execs dotnet) and defines cpu_ticks (its user+system CPU, 1/100 s).
auditdir="$(mktemp -d)"
# The hosting request lines (two console lines per request) are on by default; a benchmark of the API turns them
# off with the rest of the logging. LOG=on keeps them to measure their cost.
logging=(--Logging:LogLevel:Default=Warning)
[[ "${LOG:-off}" == on ]] || logging+=(--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Warning)
./fusionguide serve --urls "http://127.0.0.1:$port" --db "$auditdir/audit.db" "${logging[@]}" >/dev/null 2>&1 &
server=$!
cleanup_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$auditdir"; }
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
