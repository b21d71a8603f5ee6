# Real LSP clients for the language server's end-to-end tests (tests/GuidelineGraph.LanguageServer.EndToEnd):
# headless Neovim, and Node with npm for vscode-languageserver-protocol (the tests run `npm ci` themselves).
# Node 20 may already be on the machine from elsewhere; Debian's nodejs is installed only when node is absent.
need_apt neovim
command -v node >/dev/null || need_apt nodejs
command -v npm >/dev/null || need_apt npm
