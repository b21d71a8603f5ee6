#!/usr/bin/env bash
# Load test, bounded and on loopback only: CLIENTS (32) concurrent clients send mixed queries for DURATION (60) s
# against the 1M-triple bench file served by `gg serve`, then the same against Virtuoso's HTTP endpoint, in one run.
# Reports throughput, p50/p99 latency, errors (must be 0) and each server's RSS before and after its run. Every SAMPLE
# (10) s it prints the server's RSS and, for gg serve, its GC heap (from /health) and GC counts; the table gives the
# RSS spread after WARMUP (30) s, which a stable server keeps within ±15% of its median.
#
#   bench/load/run.sh                    generate the data if missing, build gg, run both, print a table
#   DURATION=10 CLIENTS=8 bench/load/run.sh
#   SKIP=virtuoso bench/load/run.sh      gg serve only
#   GG=path/to/gg bench/load/run.sh      use a built gg instead of building one
#   SERVE_ARGS="--concurrency 64" bench/load/run.sh   extra gg serve options (e.g. to compare settings)
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
SAMPLE=${SAMPLE:-10}
WARMUP=${WARMUP:-30}
OUT=${OUT:-$PEERS/load/$(date -u +%Y%m%dT%H%M%SZ)}
export DATA
mkdir -p "$OUT" "$(dirname "$DATA")"
QUERIES=()
for q in q1_star q2_regex q3_optional q4_groupby q6_broader_path; do QUERIES+=("$PEERS_SRC/queries/$q.rq"); done

say() { printf '== %s\n' "$*" >&2; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
loadgen() { node "$ROOT/bench/load/loadgen.mjs" --url "$1" --name "$2" --clients "$CLIENTS" --seconds "$DURATION" "${QUERIES[@]}"; }
# Samples a server's memory every SAMPLE s into $OUT/memory-NAME.tsv (seconds, RSS MB, GC heap MB, GC committed MB,
# gen0/gen1/gen2 collections) until killed, echoing each line to stderr; the GC columns need a gg /health URL.
sample_memory() {
  local pid=$1 name=$2 health=${3:-} start=$SECONDS file="$OUT/memory-$2.tsv"
  printf 'seconds\trss_mb\tgc_heap_mb\tgc_committed_mb\tgen0\tgen1\tgen2\n' > "$file"
  while sleep "$SAMPLE"; do
    local rss gc="-\t-\t-\t-\t-"
    rss=$(rss_mb "$pid" 2>/dev/null) || return 0
    if [ -n "$health" ]; then
      gc=$(curl -sf --max-time 5 "$health" | jq -r '.memory | [(.gcHeapBytes / 1048576 | floor), (.gcCommittedBytes / 1048576 | floor), .collections[0], .collections[1], .collections[2]] | @tsv' 2>/dev/null) || gc="-\t-\t-\t-\t-"
    fi
    printf '%s\t%s\t%b\n' "$((SECONDS - start))" "$rss" "$gc" | tee -a "$file" | awk -v n="$name" '{ printf "== %s t=%ss RSS %s MB, GC heap %s MB, committed %s MB, collections %s/%s/%s\n", n, $1, $2, $3, $4, $5, $6, $7 }' >&2
  done
}
SERVE_PID=; SAMPLER_PID=
stop_sampler() { [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=; }
cleanup() {
  stop_sampler || true
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
"$GG" serve --data "$DATA" --port 0 ${SERVE_ARGS:-} > "$OUT/serve.out" 2> "$OUT/serve.log" &
SERVE_PID=$!
for _ in $(seq 1 600); do grep -q '^listening on' "$OUT/serve.out" 2>/dev/null && break; kill -0 "$SERVE_PID"; sleep 0.2; done
GG_URL="$(sed -n 's/^listening on \(.*\)/\1/p' "$OUT/serve.out" | head -1)"
GG_URL="${GG_URL%/}/sparql"
GG_RSS0=$(rss_mb "$SERVE_PID")
say "gg serve: $CLIENTS clients x $DURATION s on $GG_URL"
sample_memory "$SERVE_PID" gg "${GG_URL%/sparql}/health" & SAMPLER_PID=$!
loadgen "$GG_URL" "gg serve" > "$OUT/gg.json"
GG_RSS1=$(rss_mb "$SERVE_PID")
stop_sampler || true
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
  sample_memory "$VPID" virtuoso & SAMPLER_PID=$!
  loadgen "http://127.0.0.1:$VHTTP/sparql" "Virtuoso 7.2.5" > "$OUT/virtuoso.json"
  V_RSS1=$(rss_mb "$VPID")
  stop_sampler || true
fi

python3 - "$OUT" "$WARMUP" "$GG_RSS0" "$GG_RSS1" "$V_RSS0" "$V_RSS1" <<'PY'
import csv, json, os, statistics, sys
out, warmup, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def steady(name):
    """RSS after warm-up: min-max and the largest deviation from the median, in per cent."""
    path = os.path.join(out, f"memory-{name}.tsv")
    if not os.path.exists(path): return "-"
    values = [int(r["rss_mb"]) for r in csv.DictReader(open(path), delimiter="\t") if int(r["seconds"]) >= warmup]
    if not values: return "-"
    median = statistics.median(values)
    spread = max(abs(v - median) for v in values) / median * 100
    return f"{min(values)}-{max(values)} (±{spread:.0f}%)"
print(f"| server | requests | errors | throughput (req/s) | p50 ms | p99 ms | RSS start → end (MB) | RSS after {warmup} s (MB) |")
print("|---|---|---|---|---|---|---|---|")
for i, (f, name) in enumerate([("gg.json", "gg"), ("virtuoso.json", "virtuoso")]):
    path = os.path.join(out, f)
    if not os.path.exists(path): continue
    r = json.load(open(path))
    print(f"| {r['target']} | {r['requests']:,} | {r['errors']} | {r['throughput']} | {r['p50']} | {r['p99']} | {rss[2*i]} → {rss[2*i+1]} | {steady(name)} |")
    for e in r["errorSamples"]: print(f"  error sample ({r['target']}): {e}")
print(f"\nper query (p50/p99 ms) and raw JSON: {out}/*.json; memory samples: {out}/memory-*.tsv")
PY
