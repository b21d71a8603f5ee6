#!/usr/bin/env bash
# Builds the .vsix: the gg server (framework-dependent publish of the CLI, with the ontology beside it,
# where gg looks for it), the esbuild bundle, then `vsce package`. Prints the .vsix path on stdout.
# GG_ARTIFACTS=DIR puts the .NET build outputs there instead of the repository's bin/obj;
# GG_SERVER_DIR=DIR takes an already published gg from DIR instead.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(cd .. && pwd)
log() { echo "package: $*" >&2; }
[ -d node_modules ] || { log "npm ci"; npm ci --no-audit --no-fund >&2; }

rm -rf server
if [ -n "${GG_SERVER_DIR:-}" ]; then
  log "gg server from $GG_SERVER_DIR"
  cp -r "$GG_SERVER_DIR" server
else
  log "dotnet publish the gg server into server/"
  dotnet publish "$repo/engine/GuidelineGraph.Cli/GuidelineGraph.Cli.csproj" -c Release -o server -nologo -v q -clp:ErrorsOnly \
  -p:UseAppHost=false ${GG_ARTIFACTS:+--artifacts-path "$GG_ARTIFACTS"} >&2
fi
rm -rf server/ontology
cp -r "$repo/ontology" server/ontology
rm -f server/*.pdb

log "bundle"
node scripts/build.mjs --production
version=$(node -p "require('./package.json').version")
vsix=out/guidelinegraph-$version.vsix
log "vsce package -> $vsix"
npx vsce package --no-dependencies --out "$vsix" >&2 </dev/null
echo "$PWD/$vsix"
