#!/usr/bin/env bash
# The durable store before and after, in ONE run on the same machine (only numbers measured together compare):
# bench/store-bench.cs runs on this checkout and on BASE, an older commit exported to a temporary directory.
#   bench/store.sh                  BASE = the store before binary snapshots and group commit; 5 s per update run
#   BASE=<commit> DURATION=10 bench/store.sh
#   AFTER=HEAD bench/store.sh       measure a commit instead of the working tree (others' unfinished edits stay out)
# Data: the 1M-triple file of bench/peers.sh ($DATA, else $HOME/.cache/gg-peers/data/bench.ttl).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${BASE:-345008c^}
data=${DATA:-$HOME/.cache/gg-peers/data/bench.ttl}
duration=${DURATION:-5}
[[ -f $data ]] || { echo "bench/store.sh: $data is missing; bench/peers.sh generates it" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before"
git -C "$root" archive "$base" | tar -x -C "$work/before"
cp "$root/bench/store-bench.cs" "$work/before/bench/"
after=$root
if [[ -n ${AFTER:-} ]]; then
  after=$work/after
  mkdir -p "$after"
  git -C "$root" archive "$AFTER" | tar -x -C "$after"
  cp "$root/bench/store-bench.cs" "$after/bench/"
fi
run() { # label tree
  echo "== $1 ($2)" >&2
  (cd "$2" && dotnet run -c Release bench/store-bench.cs -- "$data" "$work/data-$1" "$duration" "$1" 2>/dev/null | grep -P '\t')
}
{ run before "$work/before"; run after "$after"; } > "$work/rows.tsv"
awk -F'\t' '
  { key = $1; if (!(key in seen)) { seen[key] = 1; order[++n] = key } value[key, $2] = $3; unit[key] = $4 }
  END {
    printf "%-42s %12s %12s %8s\n", "measure", "before", "after", "after/before"
    for (i = 1; i <= n; i++) {
      k = order[i]; b = value[k, "before"]; a = value[k, "after"]
      printf "%-42s %12s %12s %8s %s\n", k, b, a, (b > 0 ? sprintf("%.2f", a / b) : "-"), unit[k]
    }
  }' "$work/rows.tsv"
