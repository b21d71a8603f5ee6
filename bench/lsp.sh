#!/usr/bin/env bash
# Latency and memory of the language server as an editor sees it: the real `gg lsp` process on stdio over a
# 300-page protocol (tests/GuidelineGraph.Testing/LargeProtocol.cs). Prints a Markdown table with p50/p95/max.
# Usage: bench/lsp.sh [--pages 300] [--cold-runs 5] [--edits 200] [--requests 200]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
artifacts=${GG_BENCH_ARTIFACTS:-/tmp/gg-bench-lsp}
dotnet build bench/GuidelineGraph.LanguageServer.Bench/GuidelineGraph.LanguageServer.Bench.csproj -c Release \
  --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly >&2
exec dotnet "$artifacts/bin/GuidelineGraph.LanguageServer.Bench/release/GuidelineGraph.LanguageServer.Bench.dll" "$@"
