#!/usr/bin/env bash
# Installs what the tests need on a fresh machine (CI starts from nothing installed by hand).
# Records which python has jsonschema (the vignette checker validates every result against the contract with it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/.build"
apt_updated=0
apt_install() {
  if [[ $apt_updated -eq 0 ]]; then apt-get update -qq >/dev/null || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v dotnet >/dev/null || { echo "the .NET SDK is required (dotnet on PATH)" >&2; exit 1; }

# The vignette checker is strict only when jsonschema is importable: make sure one python has it.
if python3 -c 'import jsonschema' 2>/dev/null; then
  echo python3 > "$root/.build/python"
else
  [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import jsonschema' 2>/dev/null || apt_install python3 python3-jsonschema
  echo /usr/bin/python3 > "$root/.build/python"
fi

# The server tests need a real PostgreSQL (they start a private cluster of their own) and Debian's Chromium with its
# ChromeDriver (never a downloaded browser). A failed install does not stop the run: the tests that need the tool
# then fail under CI=true and skip locally, each naming what is missing.
need=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
[[ -x /usr/bin/chromium ]] || need+=(chromium)
[[ -x /usr/bin/chromedriver ]] || need+=(chromium-driver)
# The bounded fuzzing step of ./run-tests (fuzz/run.sh) drives SharpFuzz with Debian's AFL++; without it that step
# fails, naming what is missing.
command -v afl-fuzz >/dev/null || need+=(afl++)
# The release check (scripts/check-release.sh) verifies the systemd unit and backs up a SQLite audit store.
command -v systemd-analyze >/dev/null || need+=(systemd)
command -v sqlite3 >/dev/null || need+=(sqlite3)
# The runbook scripts (scripts/runbooks/) put the server behind nginx with TLS and make certificates with openssl.
[[ -x /usr/sbin/nginx ]] || command -v nginx >/dev/null || need+=(nginx-light)
command -v openssl >/dev/null || need+=(openssl)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing ${need[*]} (Debian packages) for the server tests and fuzzing" >&2
  apt_install "${need[@]}" || echo "warning: could not install ${need[*]}; the tests that need them will fail in CI" >&2
fi
