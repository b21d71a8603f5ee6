# The VS Code extension's tests (tests/GuidelineGraph.VsCode.Tests): its node packages, and for the
# end-to-end test code-server 4.100.3 (built once into ~/.cache/guidelinegraph) in Debian's chromium.
# code-server's native modules build from source here: ripgrep replaces its rg download, libkrb5-dev
# serves kerberos, g++/make/python3 serve node-gyp (vscode-extension/test/e2e/install-code-server.sh).
need_apt chromium fonts-noto-cjk ripgrep libkrb5-dev g++ make python3 curl
command -v node >/dev/null || need_apt nodejs
command -v npm >/dev/null || need_apt npm
(cd vscode-extension && npm ci --no-audit --no-fund)
vscode-extension/test/e2e/install-code-server.sh >/dev/null
