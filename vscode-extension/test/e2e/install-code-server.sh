#!/usr/bin/env bash
# Installs code-server (real VS Code in a browser) from the npm registry into a cache folder, once.
# 4.100.3 (VS Code 1.100.3) is the newest release whose engines.node accepts Node 20. A plain
# `npm install code-server` fails on this kind of machine, so its postinstall is replayed by hand:
#   - as root, its postinstall.sh demands npm_config_unsafe_perm=true (a flag npm 11 dropped);
#   - @vscode/ripgrep downloads rg from GitHub: Debian's ripgrep is copied in instead;
#   - argon2's prebuilt download fails: it builds from source against the running node's headers;
#   - kerberos needs libkrb5-dev; node-pty's install runs `npx node-gyp`: npm_config_yes=true.
# Needs: node 20, ripgrep, libkrb5-dev, g++, make, python3.  Prints the code-server path on stdout.
set -euo pipefail
VERSION=${CODE_SERVER_VERSION:-4.100.3}
CACHE=${GG_CACHE:-$HOME/.cache/guidelinegraph}
DIR=$CACHE/code-server-$VERSION
CS=$DIR/node_modules/.bin/code-server
if [ -x "$CS" ] && [ -f "$DIR/.installed" ]; then echo "$CS"; exit 0; fi

command -v rg >/dev/null || { echo "ripgrep (rg) is required: apt-get install ripgrep" >&2; exit 1; }
NODEDIR=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODEDIR/include/node/node.h" ] || { echo "no node headers under $NODEDIR/include/node" >&2; exit 1; }
export npm_config_nodedir=$NODEDIR npm_config_yes=true npm_config_unsafe_perm=true
rm -rf "$DIR" && mkdir -p "$DIR" && cd "$DIR"
npm init -y >/dev/null
log() { echo "code-server install: $*" >&2; }
log "npm install code-server@$VERSION (scripts off)"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >install-1.log 2>&1 || { tail -20 install-1.log >&2; exit 1; }
log "build argon2 from source"
npm rebuild argon2 >rebuild-argon2.log 2>&1 || { tail -20 rebuild-argon2.log >&2; exit 1; }
cd node_modules/code-server/lib/vscode
log "install VS Code's own dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund >"$DIR/install-2.log" 2>&1 || { tail -20 "$DIR/install-2.log" >&2; exit 1; }
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "build VS Code's native modules"
npm rebuild --foreground-scripts >"$DIR/rebuild-vscode.log" 2>&1 || { tail -20 "$DIR/rebuild-vscode.log" >&2; exit 1; }
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
cd extensions
log "install the built-in extensions' dependencies"
npm install --omit=dev --no-audit --no-fund >"$DIR/install-3.log" 2>&1 || { tail -20 "$DIR/install-3.log" >&2; exit 1; }
XDG_CONFIG_HOME=$DIR/xdg-config XDG_DATA_HOME=$DIR/xdg-data "$CS" --version >&2
touch "$DIR/.installed"
echo "$CS"
