#!/usr/bin/env bash
# Builds the release artefacts of FusionGuide VERSION into artifacts/release/VERSION (or --out DIR):
#   fusionguide-VERSION-linux-x64.tar.gz         the CLI, Native AOT: one executable, no .NET needed on the target
#   fusionguide-server-VERSION-linux-x64.tar.gz  the HTTP server, self-contained (.NET and ASP.NET Core runtimes inside)
#   fusionguide-VERSION.cdx.json                 CycloneDX SBOM of both programs (NuGet dependency graph, with hashes)
#   THIRD-PARTY-NOTICES                          generated from that graph: every package, its licence, the licence
#                                                texts the packages ship; also inside each archive
#   SHA256SUMS                                   checksums of all of the above (sha256sum -c SHA256SUMS)
# Each archive also holds LICENSE, CHANGELOG.md and README.md; the server's holds deploy/ and docs/deploy.md.
# A VERSION without a pre-release suffix (1.2.3, not 1.2.3-rc.1) must have its own section in CHANGELOG.md.
# Needs the .NET SDK (global.json) and python3; the CycloneDX tool comes from the repository's tool manifest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { echo "usage: scripts/release.sh VERSION [--out DIR]" >&2; exit 2; }
[[ $# -ge 1 ]] || usage
version="$1"; shift
out="$root/artifacts/release/$version"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) [[ $# -ge 2 ]] || usage; out="$(realpath -m "$2")"; shift 2 ;;
    *) usage ;;
  esac
done
if ! [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "release: '$version' is not a version (MAJOR.MINOR.PATCH[-PRERELEASE])" >&2; exit 2
fi
if [[ "$version" != *-* ]] && ! grep -qE "^## \[?$version\]?( |$)" "$root/CHANGELOG.md"; then
  echo "release: CHANGELOG.md has no section '## $version'; write it first (a pre-release such as $version-rc.1 needs none)" >&2; exit 2
fi

rid=linux-x64
stage="$out/.stage"
rm -rf "$out"; mkdir -p "$stage"
cd "$root"
log() { echo "release: $*" >&2; }

log "CLI: Native AOT publish ($rid)"
dotnet publish src/FusionGuide.Cli/FusionGuide.Cli.csproj -c Release -r "$rid" -p:PublishAot=true -p:Version="$version" \
  -o "$stage/cli" --nologo -v quiet -m:1 >&2
log "server: self-contained publish ($rid)"
dotnet publish src/FusionGuide.Server/FusionGuide.Server.csproj -c Release -r "$rid" --self-contained true -p:Version="$version" \
  -p:UseAppHost=true -o "$stage/server" --nologo -v quiet -m:1 >&2

log "SBOM: CycloneDX from the dependency graph of both programs"
dotnet tool restore >&2
sbom="fusionguide-$version.cdx.json"
for project in Cli Server; do
  dotnet CycloneDX "src/FusionGuide.$project/FusionGuide.$project.csproj" --recursive --runtime "$rid" --exclude-test-projects \
    --include-license-text --set-name "fusionguide-${project,,}" --set-version "$version" --output-format Json \
    --output "$stage/sbom" --filename "$project.cdx.json" >&2
done
python3 "$root/scripts/release-notices.py" --version "$version" --runtimeconfig "$stage/server/fusionguide-server.runtimeconfig.json" \
  --sbom "$stage/sbom/Cli.cdx.json" --sbom "$stage/sbom/Server.cdx.json" --merged "$out/$sbom" --notices "$out/THIRD-PARTY-NOTICES"

common() {  # DIR: the files every archive carries
  cp LICENSE CHANGELOG.md README.md "$out/THIRD-PARTY-NOTICES" "$1/"
  mkdir -p "$1/knowledge" && cp knowledge/CHANGELOG.md "$1/knowledge/CHANGELOG.md"
}

cli="fusionguide-$version-$rid"
mkdir -p "$stage/$cli/bin" "$stage/$cli/examples"
cp "$stage/cli/fusionguide" "$stage/$cli/bin/"
cp examples/*.json "$stage/$cli/examples/"
common "$stage/$cli"

server="fusionguide-server-$version-$rid"
mkdir -p "$stage/$server/docs"
cp -a "$stage/server" "$stage/$server/lib"
rm -f "$stage/$server/lib/"*.pdb
mkdir -p "$stage/$server/bin"
ln -s ../lib/fusionguide-server "$stage/$server/bin/fusionguide-server"
cp -r deploy "$stage/$server/deploy"
cp docs/deploy.md docs/audit-integrity.md "$stage/$server/docs/"
common "$stage/$server"

# Reproducible archives: sorted names, fixed owner and times (the commit's).
mtime="@$(git log -1 --format=%ct 2>/dev/null || echo 0)"
for dir in "$cli" "$server"; do
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -C "$stage" -czf "$out/$dir.tar.gz" "$dir"
done
rm -rf "$stage"
(cd "$out" && sha256sum "$cli.tar.gz" "$server.tar.gz" "$sbom" THIRD-PARTY-NOTICES > SHA256SUMS)
log "done: $out"
ls -l "$out" >&2
