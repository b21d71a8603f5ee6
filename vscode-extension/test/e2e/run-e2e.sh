#!/usr/bin/env bash
# End-to-end test in a real VS Code: code-server (installed once into a cache) with the built .vsix,
# driven in headless Debian chromium by playwright-core (e2e.cjs). Screenshots go to test-output/.
# Env: VSIX=path (else scripts/package.sh builds one), CHROMIUM (default: chromium on PATH).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ext=$(cd "$here/../.." && pwd)
repo=$(cd "$ext/.." && pwd)
command -v chromium >/dev/null || [ -n "${CHROMIUM:-}" ] || { echo "e2e: chromium is required (apt-get install chromium)" >&2; exit 1; }
[ -d "$ext/node_modules/playwright-core" ] || { echo "e2e: run npm ci in vscode-extension first" >&2; exit 1; }

cs=$("$here/install-code-server.sh")
vsix=${VSIX:-$("$ext/scripts/package.sh")}

work=$(mktemp -d "${TMPDIR:-/tmp}/gg-e2e.XXXXXX")
codeserver_pid=
cleanup() { [ -n "$codeserver_pid" ] && kill "$codeserver_pid" 2>/dev/null; wait 2>/dev/null; sleep 1; rm -rf "$work" 2>/dev/null || { sleep 2; rm -rf "$work"; }; }
trap cleanup EXIT
mkdir -p "$work/user/User" "$work/ext" "$work/workspace" "$work/tmp"
# VS Code, code-server and chromium keep their side files in here, not in $HOME.
export XDG_CONFIG_HOME=$work/xdg-config XDG_DATA_HOME=$work/xdg-data XDG_CACHE_HOME=$work/xdg-cache XDG_STATE_HOME=$work/xdg-state
cp "$repo/examples/protocols/sma-aav9-infants.md" "$work/workspace/"
cp "$repo/ontology/queries/long-term-follow-up-clauses.rq" "$work/workspace/"
cat > "$work/user/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false, "extensions.autoUpdate": false, "update.mode": "none",
  "workbench.colorTheme": "Default Light Modern", "workbench.tips.enabled": false, "editor.minimap.enabled": false,
  "chat.commandCenter.enabled": false, "workbench.secondarySideBar.defaultVisibility": "hidden" }
JSON
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
args=(--user-data-dir "$work/user" --extensions-dir "$work/ext")
"$cs" "${args[@]}" --install-extension "$vsix" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; exit 1; }
"$cs" "${args[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust "$work/workspace" >"$work/server.log" 2>&1 &
codeserver_pid=$!
for _ in $(seq 1 120); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.5; done
curl -s -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "e2e: code-server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

mkdir -p "$ext/test-output"
rc=0
CHROMIUM=${CHROMIUM:-$(command -v chromium)} TMPDIR=$work/tmp \
  node "$here/e2e.cjs" "http://127.0.0.1:$port/?folder=$work/workspace" "$ext/test-output" || rc=$?
if [ "$rc" != 0 ]; then
  echo "--- code-server log (last 40 lines)" >&2; tail -40 "$work/server.log" >&2
  find "$work/xdg-data" "$work/user" -name '*.log' -path '*GuidelineGraph*' -exec tail -30 {} + >&2 2>/dev/null || true
fi
exit "$rc"
