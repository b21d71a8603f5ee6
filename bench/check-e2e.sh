#!/usr/bin/env bash
# End-to-end `gg check` on the generated 300-page protocol: process start, ontology load, rules, read, check, output.
# Times the gg that ./gg runs (its ReadyToRun publish in .gg-build/, brought up to date first), without ./gg's
# staleness check. Usage: bench/check-e2e.sh [RUNS]   (prints each run's wall time and the median, in ms)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
"$root/gg" --version >/dev/null
protocol="$(mktemp --suffix=.md)"
trap 'rm -f "$protocol"' EXIT
# The generator lives in tests/GuidelineGraph.Testing; a file-based app writes it out.
dotnet run "$root/bench/write-large-protocol.cs" -- "$protocol" >/dev/null
echo "protocol: $(wc -c <"$protocol") bytes"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$root/.gg-build/gg.dll" check "$protocol" --ontology "$root/ontology" --fail-on never --format json >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s ms\n' "${times[@]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms"}'
