#!/usr/bin/env bash
# Checks the release end to end (issue #24): builds it with scripts/release.sh, verifies the checksums, SBOM and
# notices, unpacks both archives into a clean directory and runs the programs there with the .NET SDK hidden — a
# private mount namespace puts an empty directory over /usr/share/dotnet and /usr/lib/dotnet (when unshare is allowed,
# else PATH alone hides it) and the environment is emptied (PATH=/usr/bin:/bin, no DOTNET_ROOT): --version, recommend
# on an example, the server answering /healthz, /readyz, /version, a recommendation and /metrics, a SQLite backup with
# VACUUM INTO followed by audit verify; then the systemd unit (systemd-analyze verify and security).
# Usage: scripts/check-release.sh [--release DIR]  (DIR: artefacts already built by release.sh, skips the build)
# Ends with one line "release: N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=0.0.0-check
work="$(mktemp -d /tmp/fg-release-check.XXXXXX)"
release="$work/release"
passed=0; failed=0
ok() { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
finish() { echo "release: $passed passed, $failed failed"; rm -rf "$work"; [[ $failed -eq 0 ]]; exit $?; }

if [[ "${1:-}" == "--release" && -n "${2:-}" ]]; then
  release="$(realpath "$2")"; version="$(ls "$release" | sed -nE 's/^fusionguide-([0-9].*)-linux-x64\.tar\.gz$/\1/p' | head -1)"
elif ! "$root/scripts/release.sh" "$version" --out "$release" > "$work/release.log" 2>&1; then
  tail -40 "$work/release.log"; bad "scripts/release.sh $version builds"; finish
fi
ok "scripts/release.sh $version builds"

cd "$release"
check "SHA256SUMS match" sha256sum --quiet -c SHA256SUMS
check "the SBOM is CycloneDX JSON naming Npgsql, Spectre.Console and the .NET runtime" python3 - "fusionguide-$version.cdx.json" <<'PY'
import json, sys
bom = json.load(open(sys.argv[1]))
names = {c["name"] for c in bom["components"]}
sys.exit(0 if bom["bomFormat"] == "CycloneDX" and {"Npgsql", "Spectre.Console", "Microsoft.NETCore.App"} <= names else 1)
PY
check "THIRD-PARTY-NOTICES names every SBOM component with its licence" python3 - "fusionguide-$version.cdx.json" THIRD-PARTY-NOTICES <<'PY'
import json, sys
bom = json.load(open(sys.argv[1])); text = open(sys.argv[2]).read()
missing = [c["name"] for c in bom["components"] if f"\n{c['name']} {c.get('version', '')}\nLicence: " not in text]
print("missing:", missing) if missing else None
sys.exit(1 if missing or "not declared" in text else 0)
PY

clean="$work/clean"; mkdir -p "$clean"
for a in fusionguide-*.tar.gz; do tar -xzf "$a" -C "$clean"; done
cli="$clean/fusionguide-$version-linux-x64"; server="$clean/fusionguide-server-$version-linux-x64"
check "both archives hold LICENSE, THIRD-PARTY-NOTICES and CHANGELOG.md" \
  test -f "$cli/LICENSE" -a -f "$server/LICENSE" -a -f "$cli/THIRD-PARTY-NOTICES" -a -f "$server/THIRD-PARTY-NOTICES" -a -f "$server/CHANGELOG.md"
check "the server is self-contained (runtime inside, no framework reference)" \
  bash -c "test -f '$server/lib/libcoreclr.so' && ! grep -q '\"frameworks\\?\"' '$server/lib/fusionguide-server.runtimeconfig.json'"

# The programs run in a clean environment with the SDK out of sight.
cat > "$work/inner.sh" <<INNER
set -u
cd "$work"
say() { if [ "\$2" = 0 ]; then echo "ok   \$1"; else echo "FAIL \$1"; fi; }
command -v dotnet >/dev/null 2>&1; [ \$? -ne 0 ]; say "no dotnet on PATH (\$PATH) and no DOTNET_ROOT (\${DOTNET_ROOT:-unset})" \$?
[ ! -e /usr/share/dotnet/dotnet ] || [ "\$HIDDEN" = path ]; say "the SDK directory is hidden (\$HIDDEN)" \$?
"$cli/bin/fusionguide" --version > cli-version.txt 2>&1; grep -q "$version" cli-version.txt; say "fusionguide --version names $version" \$?
"$cli/bin/fusionguide" recommend "$cli/examples/minimal-case.json" > result.json 2> result.err; say "fusionguide recommend on examples/minimal-case.json exits 0" \$?
grep -q '"knowledgeBaseVersion"' result.json; say "the result is a FusionGuide result" \$?
"$server/bin/fusionguide-server" --version > server-version.txt 2>&1; grep -q "$version" server-version.txt; say "fusionguide-server --version names $version" \$?
mkdir -p state
"$server/bin/fusionguide-server" serve --urls http://127.0.0.1:\$PORT --db state/audit.db > server.log 2>&1 &
pid=\$!
up=1; for i in \$(seq 1 120); do curl -sf http://127.0.0.1:\$PORT/healthz > healthz.json 2>/dev/null && { up=0; break; }; sleep 0.5; done
say "the server answers /healthz" \$up
curl -sf http://127.0.0.1:\$PORT/readyz | grep -q '"ready"'; say "/readyz is ready" \$?
curl -sf http://127.0.0.1:\$PORT/version | grep -q '"software":"$version"'; say "/version names $version" \$?
curl -sf -H 'Content-Type: application/json' --data @"$cli/examples/minimal-case.json" http://127.0.0.1:\$PORT/v1/recommend | grep -q '"knowledgeBaseVersion"'; say "POST /v1/recommend answers a result" \$?
curl -sf http://127.0.0.1:\$PORT/metrics | grep -q '^fusionguide_info{'; say "/metrics exposes fusionguide_info" \$?
kill -TERM \$pid; wait \$pid; say "the server stops cleanly on SIGTERM" \$?
# Backup runbook (docs/deploy.md): an online copy with VACUUM INTO (never a file copy), then audit verify on it.
sqlite3 state/audit.db "VACUUM INTO 'backup.db'"; say "VACUUM INTO makes a backup of the audit database" \$?
"$server/bin/fusionguide-server" audit verify --db backup.db --audit-checkpoints state/audit.db.checkpoints > verify.txt 2>&1; r=\$?
grep -q '^intact: 1 records' verify.txt; say "audit verify finds the backup intact with its record (\$(head -c 200 verify.txt))" \$((r + \$?))
INNER
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
hide='mount -t tmpfs none /usr/share/dotnet 2>/dev/null; [ -d /usr/lib/dotnet ] && mount -t tmpfs none /usr/lib/dotnet; true'
if unshare -m true 2>/dev/null && [[ -d /usr/share/dotnet ]]; then
  unshare -m sh -c "$hide; exec env -i PATH=/usr/bin:/bin HOME='$work' PORT=$port HIDDEN=mount-namespace sh '$work/inner.sh'" > "$work/inner.log" 2>&1
else
  mkdir -p "$work/path"; for t in sh curl grep seq sleep sqlite3 head mkdir kill; do ln -sf "$(command -v $t)" "$work/path/$t"; done
  env -i PATH="$work/path" HOME="$work" PORT=$port HIDDEN=path sh "$work/inner.sh" > "$work/inner.log" 2>&1
fi
cat "$work/inner.log"
passed=$((passed + $(grep -c '^ok ' "$work/inner.log"))); failed=$((failed + $(grep -c '^FAIL ' "$work/inner.log")))
if grep -q '^FAIL' "$work/inner.log"; then echo "--- server log"; tail -20 "$work/server.log" 2>/dev/null; fi
[[ $(grep -c '^ok \|^FAIL ' "$work/inner.log") -ge 14 ]] || bad "the clean-environment checks all ran"

# The systemd unit, as shipped in the server archive, against the unpacked program (systemd-analyze verify checks
# that ExecStart exists): no warning at all, and an exposure level of at most 2 (systemd-analyze security).
unit="$work/unit/fusionguide.service"; mkdir -p "$work/unit"
sed "s#/opt/fusionguide#$server#g" "$server/deploy/fusionguide.service" > "$unit"
if command -v systemd-analyze >/dev/null; then
  out=$(systemd-analyze verify "$unit" 2>&1); r=$?
  [[ $r -eq 0 && -z "$out" ]] && ok "systemd-analyze verify deploy/fusionguide.service" || { echo "$out"; bad "systemd-analyze verify deploy/fusionguide.service"; }
  out=$(systemd-analyze security --offline=yes --threshold=20 "$unit" 2>&1); r=$?
  [[ $r -eq 0 ]] && ok "systemd-analyze security: $(grep -o 'Overall exposure level.*' <<<"$out")" || { echo "$out" | tail -5; bad "systemd-analyze security --threshold=20"; }
else
  bad "systemd-analyze is missing (Debian package systemd)"
fi
finish
