#!/usr/bin/env bash
# Load test, bounded and on loopback only: CLIENTS (32) concurrent clients send mixed queries for DURATION (60) s
# against the 1M-triple bench file served by `gg serve`, then the same against Virtuoso's HTTP endpoint, in one run.
# Reports throughput, p50/p99 latency, errors (must be 0) and each server's RSS before and after its run.
#
#   bench/load/run.sh                    generate the data if missing, build gg, run both, print a table
#   DURATION=10 CLIENTS=8 bench/load/run.sh
#   SKIP=virtuoso bench/load/run.sh      gg serve only
#   GG=path/to/gg bench/load/run.sh      use a built gg instead of building one
#
# The mix: two of three requests look up one person (name, age), the third is one of the peer queries q1-q4, q6
# (q5's foaf:knows+ is left out: Virtuoso's transitive memory limit fails it, see ../shared/peers/README.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PEERS=${PEERS:-$HOME/.cache/gg-peers}
PEERS_SRC=${PEERS_SRC:-$(cd "$ROOT/../shared/peers" 2>/dev/null && pwd || echo /work/shared/peers)}
DATA=${DATA:-$PEERS/data/bench.ttl}
CLIENTS=${CLIENTS:-32}
DURATION=${DURATION:-60}
SKIP=${SKIP:-}
OUT=${OUT:-$PEERS/load/$(date -u +%Y%m%dT%H%M%SZ)}
export DATA
mkdir -p "$OUT" "$(dirname "$DATA")"
QUERIES=()
for q in q1_star q2_regex q3_optional q4_groupby q6_broader_path; do QUERIES+=("$PEERS_SRC/queries/$q.rq"); done

say() { printf '== %s\n' "$*" >&2; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
loadgen() { node "$ROOT/bench/load/loadgen.mjs" --url "$1" --name "$2" --clients "$CLIENTS" --seconds "$DURATION" "${QUERIES[@]}"; }
SERVE_PID=
cleanup() {
  [ -n "$SERVE_PID" ] && kill "$SERVE_PID" 2>/dev/null || true
  if [ -d "$OUT/virtuoso" ]; then PEERS=$OUT bash "$PEERS_SRC/virtuoso/run_virtuoso.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ ! -s "$DATA" ]; then say "generating $DATA"; python3 "$PEERS_SRC/gen_turtle.py" --triples 1000000 --out "$DATA"; fi

if [ -z "${GG:-}" ]; then
  say "building gg (Release)"
  dotnet build "$ROOT/engine/GuidelineGraph.Cli/GuidelineGraph.Cli.csproj" -c Release --artifacts-path "$PEERS/gg-load-build" -v q -nologo >/dev/null
  GG="$PEERS/gg-load-build/bin/GuidelineGraph.Cli/release/gg"
fi

say "gg serve: loading $DATA"
"$GG" serve --data "$DATA" --port 0 > "$OUT/serve.out" 2> "$OUT/serve.log" &
SERVE_PID=$!
for _ in $(seq 1 600); do grep -q '^listening on' "$OUT/serve.out" 2>/dev/null && break; kill -0 "$SERVE_PID"; sleep 0.2; done
GG_URL="$(sed -n 's/^listening on \(.*\)/\1/p' "$OUT/serve.out" | head -1)"
GG_URL="${GG_URL%/}/sparql"
GG_RSS0=$(rss_mb "$SERVE_PID")
say "gg serve: $CLIENTS clients x $DURATION s on $GG_URL"
loadgen "$GG_URL" "gg serve" > "$OUT/gg.json"
GG_RSS1=$(rss_mb "$SERVE_PID")
kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=

V_RSS0=; V_RSS1=
if [[ " $SKIP " != *" virtuoso "* ]]; then
  VSQL=$(free_port); VHTTP=$(free_port)
  export SQLPORT=$VSQL HTTPPORT=$VHTTP
  say "Virtuoso: start and bulk-load $DATA (ports $VSQL, $VHTTP)"
  PEERS=$OUT bash "$PEERS_SRC/virtuoso/run_virtuoso.sh" start >&2
  PEERS=$OUT bash "$PEERS_SRC/virtuoso/run_virtuoso.sh" load >&2
  VPID=$(cat "$OUT/virtuoso/db/virtuoso.pid")
  V_RSS0=$(rss_mb "$VPID")
  say "Virtuoso: $CLIENTS clients x $DURATION s on http://127.0.0.1:$VHTTP/sparql"
  loadgen "http://127.0.0.1:$VHTTP/sparql" "Virtuoso 7.2.5" > "$OUT/virtuoso.json"
  V_RSS1=$(rss_mb "$VPID")
fi

python3 - "$OUT" "$GG_RSS0" "$GG_RSS1" "$V_RSS0" "$V_RSS1" <<'PY'
import json, os, sys
out, rss = sys.argv[1], sys.argv[2:]
print(f"| server | requests | errors | throughput (req/s) | p50 ms | p99 ms | RSS start → end (MB) |")
print("|---|---|---|---|---|---|---|")
for i, f in enumerate(["gg.json", "virtuoso.json"]):
    path = os.path.join(out, f)
    if not os.path.exists(path): continue
    r = json.load(open(path))
    print(f"| {r['target']} | {r['requests']:,} | {r['errors']} | {r['throughput']} | {r['p50']} | {r['p99']} | {rss[2*i]} → {rss[2*i+1]} |")
    for e in r["errorSamples"]: print(f"  error sample ({r['target']}): {e}")
print(f"\nper query (p50/p99 ms) and raw JSON: {out}/*.json")
PY
