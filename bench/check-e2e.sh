#!/usr/bin/env bash
# End-to-end `gg check` on the generated 300-page protocol: process start, ontology load, rules, read, check, output.
# Usage: bench/check-e2e.sh [RUNS]   (prints each run's wall time and the median, in ms)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
art="${GG_BENCH_ARTIFACTS:-/tmp/gg-check-e2e}"
dotnet build "$root/engine/GuidelineGraph.Cli/GuidelineGraph.Cli.csproj" -c Release --artifacts-path "$art" -v q -nologo >/dev/null
protocol="$(mktemp --suffix=.md)"
trap 'rm -f "$protocol"' EXIT
# The generator lives in tests/GuidelineGraph.Testing; a file-based app writes it out.
dotnet run "$root/bench/write-large-protocol.cs" -- "$protocol" >/dev/null
echo "protocol: $(wc -c <"$protocol") bytes"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$art/bin/GuidelineGraph.Cli/release/gg.dll" check "$protocol" --ontology "$root/ontology" --fail-on never --format json >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s ms\n' "${times[@]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms"}'
