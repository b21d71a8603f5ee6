#!/usr/bin/env bash
# GuidelineGraph side by side with its peers, in ONE run on the same machine and the same generated file
# (only numbers measured together are comparable; the table gives ratios).
#
#   bench/peers.sh            generate the 1M-triple file if missing, run everything, print the table
#   RUNS=5 bench/peers.sh     runs per in-process measurement (median reported; default 5)
#   QRUNS=20 bench/peers.sh   runs per SPARQL query and engine (median after the first; default 20)
#   SKIP=jena bench/peers.sh  leave out peers (space-separated: n3 jena oxigraph virtuoso)
#
# Measurements go to $OUT/results.tsv as "measure<TAB>engine<TAB>value<TAB>unit"; the summary at the end
# groups rows by measure, so a new measurement (e.g. a SPARQL query) is one more function adding rows.
# Peers come from ../shared/peers (PEERS_SRC): N3.js and Oxigraph from npm into $PEERS/node, Jena and
# Virtuoso from Debian.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-$HOME/.cache/gg-peers}
PEERS_SRC=${PEERS_SRC:-$(cd "$ROOT/../shared/peers" 2>/dev/null && pwd || echo /work/shared/peers)}
DATA=${DATA:-$PEERS/data/bench.ttl}
RUNS=${RUNS:-5}
QRUNS=${QRUNS:-20}
SKIP=${SKIP:-}
OUT=${OUT:-$PEERS/results/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT" "$(dirname "$DATA")"
RESULTS=$OUT/results.tsv
: > "$RESULTS"
export PEERS DATA

say() { printf '== %s\n' "$*" >&2; }
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"; }
skipped() { [[ " $SKIP " == *" $1 "* ]]; }
median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(round(statistics.median(v),1) if v else "")' "$@"; }

ensure_data() {
  if [ ! -s "$DATA" ]; then
    say "generating $DATA"
    python3 "$PEERS_SRC/gen_turtle.py" --triples 1000000 --out "$DATA"
  fi
  row "file size" data "$(stat -c %s "$DATA")" bytes
}

run_guidelinegraph() {
  say "GuidelineGraph (build if needed, then in-process runs)"
  "$ROOT/gg" --help > /dev/null
  "$ROOT/gg" bench "$DATA" --parse-runs "$RUNS" --load-runs "$RUNS" > "$OUT/gg-bench.jsonl"
  # memory in a fresh process that has done nothing but one load
  "$ROOT/gg" bench "$DATA" --parse-runs 0 --load-runs 1 > "$OUT/gg-memory.jsonl"
  local start end
  start=$(date +%s.%N)
  "$ROOT/gg" stats "$DATA" --format json > "$OUT/gg-stats.json"
  end=$(date +%s.%N)
  python3 - "$OUT" "$RESULTS" "$start" "$end" <<'PY'
import json, statistics, sys
out, results, start, end = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
lines = [json.loads(l) for l in open(f"{out}/gg-bench.jsonl")]
warm = lambda phase: [l["ms"] for l in lines if l["phase"] == phase][1:] or [l["ms"] for l in lines if l["phase"] == phase]
mem = [json.loads(l) for l in open(f"{out}/gg-memory.jsonl") if json.loads(l)["phase"] == "memory"][0]
stats = json.load(open(f"{out}/gg-stats.json"))
with open(results, "a") as r:
    r.write(f"file triples\tdata\t{stats['totals']['triples']}\ttriples\n")
    r.write(f"parse+count (warm median)\tGuidelineGraph\t{statistics.median(warm('parse')):.1f}\tms\n")
    r.write(f"load into store (warm median)\tGuidelineGraph\t{statistics.median(warm('load')):.1f}\tms\n")
    r.write(f"stats CLI, cold process\tGuidelineGraph\t{(end - start) * 1000:.1f}\tms\n")
    r.write(f"resident memory after load\tGuidelineGraph\t{mem['rssBytes'] / 2**20:.1f}\tMB\n")
    r.write(f"RSS bytes per triple\tGuidelineGraph\t{mem['rssBytesPerQuad']}\tB\n")
    r.write(f"GC heap bytes per triple\tGuidelineGraph\t{mem['gcHeapBytesPerQuad']}\tB\n")
PY
}

run_n3() {
  skipped n3 && return 0
  say "N3.js (npm, in $PEERS/node)"
  if [ ! -d "$PEERS/node/node_modules/n3" ]; then
    mkdir -p "$PEERS/node"
    (cd "$PEERS/node" && { [ -f package.json ] || npm init -y > /dev/null; } && npm install --no-audit --no-fund n3 > /dev/null)
  fi
  node --max-old-space-size=8192 "$PEERS_SRC/node/bench_node.mjs" n3 > "$OUT/n3.txt"
  local runs
  runs=$(sed -n 's/.* parse-count run=[1-9][0-9]* .*ms=\([0-9.]*\).*/\1/p' "$OUT/n3.txt")
  row "parse+count (warm median)" N3.js "$(median $runs)" ms
  row "load into store (warm median)" "N3.js (N3.Store)" "$(sed -n 's/.* load-store .*ms=\([0-9.]*\).*/\1/p' "$OUT/n3.txt")" ms
  row "resident memory after load" "N3.js (N3.Store)" "$(sed -n 's/.* load-store .*rssMB=\([0-9.]*\).*/\1/p' "$OUT/n3.txt")" MB
}

jena_classpath() {
  # As ../shared/peers/jena/run_jena.sh: Debian's jars plus a jar fixing its Xerces message bundles.
  local jardir=/usr/share/java work=$PEERS/jena fix
  mkdir -p "$work"
  fix=$work/jena-xerces-resfix.jar
  if [ ! -f "$fix" ]; then
    rm -rf "$work/fixsrc" && mkdir -p "$work/fixsrc"
    (cd "$work/fixsrc" && unzip -q "$jardir/jena-core.jar" 'org/apache/jena/ext/xerces/*' &&
      mkdir -p xerces && cp -r org/apache/jena/ext/xerces/impl xerces/ && rm -rf org && jar cf "$fix" xerces)
  fi
  local cp=$fix j x
  for j in "$jardir"/jena-*.jar; do case "$(basename "$j")" in *-[0-9]*.jar) ;; *) cp=$cp:$j ;; esac; done
  for x in commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson guava \
           httpclient httpcore jackson-core jackson-databind jackson-annotations jsonld-java jakarta.json-api protobuf \
           thrift titanium-json-ld slf4j-api slf4j-simple; do cp=$cp:$jardir/$x.jar; done
  echo "$cp"
}

run_jena() {
  skipped jena && return 0
  say "Apache Jena (Debian libapache-jena-java)"
  if [ ! -f /usr/share/java/jena-core.jar ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libapache-jena-java > /dev/null
  fi
  local cp work=$PEERS/jena loads=() parses=() i
  cp=$(jena_classpath)
  mkdir -p "$work/classes"
  javac -d "$work/classes" -cp "$cp" "$PEERS_SRC/jena/JenaBench.java"
  # JenaBench: two parse-count runs (cold, warm) then one load into GraphMem; one JVM per load.
  for i in 1 2 3; do
    java -Xmx8g -cp "$work/classes:$cp" JenaBench "$DATA" 1 > "$OUT/jena-$i.txt" 2>&1
    loads+=("$(sed -n 's/^jena load-mem .*ms=\([0-9.]*\).*/\1/p' "$OUT/jena-$i.txt")")
    parses+=("$(sed -n 's/^jena parse-count run=1 .*ms=\([0-9.]*\).*/\1/p' "$OUT/jena-$i.txt")")
  done
  row "parse+count (warm median)" "Jena RIOT" "$(median "${parses[@]}")" ms
  row "load into store (warm median)" "Jena in-memory" "$(median "${loads[@]}")" ms
  row "resident memory after load" "Jena in-memory (heap)" "$(sed -n 's/^jena load-mem .*heapMB=\([0-9]*\).*/\1/p' "$OUT/jena-1.txt")" MB
  local start end
  start=$(date +%s.%N)
  java -Xmx8g -cp "$cp" riotcmd.riot --count "$DATA" > "$OUT/riot-count.txt" 2>&1
  end=$(date +%s.%N)
  row "stats CLI, cold process" "Jena riot --count" "$(python3 -c "print(round(($end-$start)*1000,1))")" ms
}

# The six SPARQL queries of ../shared/peers/queries, warm medians per engine, as "query <name>" rows.
# Every engine gets QRUNS+1 runs per query and reports the median after the first (JITs warm up in the
# first runs); GuidelineGraph also runs each query for a warm-up second first (tiered compilation settles).
run_queries() {
  local qdir=$PEERS_SRC/queries q name
  say "SPARQL queries: GuidelineGraph (bench harness: one load, all queries)"
  dotnet build "$ROOT/bench/GuidelineGraph.Bench/GuidelineGraph.Bench.csproj" -c Release --artifacts-path "$PEERS/gg-bench-build" -nologo -v q > "$OUT/gg-bench-build.log" 2>&1 ||
    { cat "$OUT/gg-bench-build.log" >&2; return 1; }
  dotnet "$PEERS/gg-bench-build/bin/GuidelineGraph.Bench/release/GuidelineGraph.Bench.dll" peer-queries "$QRUNS" "$DATA" "$qdir"/*.rq > "$OUT/gg-queries.jsonl"
  python3 - "$OUT/gg-queries.jsonl" "$RESULTS" <<'PY'
import json, sys
with open(sys.argv[2], "a") as r:
    for line in open(sys.argv[1]):
        q = json.loads(line)
        r.write(f"query {q['query']} (warm median)\tGuidelineGraph\t{q['warmMedianMs']}\tms\n")
        r.write(f"query {q['query']} allocated\tGuidelineGraph\t{q['allocatedMB']}\tMB\n")
        r.write(f"query {q['query']} working set\tGuidelineGraph\t{q['queryWorkingSetMB']}\tMB\n")
PY
  if ! skipped jena; then
    say "SPARQL queries: Jena in-memory (JenaBench, -Xss1g for knows+)"
    local cp work=$PEERS/jena
    cp=$(jena_classpath)
    mkdir -p "$work/classes"
    javac -d "$work/classes" -cp "$cp" "$PEERS_SRC/jena/JenaBench.java"
    java -Xmx8g -Xss1g -cp "$work/classes:$cp" JenaBench "$DATA" "$((QRUNS + 1))" "$qdir"/*.rq > "$OUT/jena-queries.txt" 2>&1 || true
    for q in "$qdir"/*.rq; do
      name=$(basename "$q" .rq)
      row "query $name (warm median)" "Jena in-memory" "$(sed -n "s/^jena query=$name.rq rows=.* warm_median_ms=\([0-9.]*\).*/\1/p" "$OUT/jena-queries.txt")" ms
    done
  fi
  if ! skipped oxigraph; then
    say "SPARQL queries: Oxigraph (npm, WASM)"
    if [ ! -d "$PEERS/node/node_modules/oxigraph" ]; then
      mkdir -p "$PEERS/node"
      (cd "$PEERS/node" && { [ -f package.json ] || npm init -y > /dev/null; } && npm install --no-audit --no-fund oxigraph n3 > /dev/null)
    fi
    REPS=$((QRUNS + 1)) QDIR=$qdir node --max-old-space-size=8192 "$PEERS_SRC/node/bench_node.mjs" oxigraph > "$OUT/oxigraph.txt" 2>&1 || true
    for q in "$qdir"/*.rq; do
      name=$(basename "$q" .rq)
      row "query $name (warm median)" Oxigraph "$(sed -n "s/^oxigraph query=$name.rq rows=.* warm_median_ms=\([0-9.]*\).*/\1/p" "$OUT/oxigraph.txt")" ms
    done
  fi
  if ! skipped virtuoso; then run_virtuoso "$qdir"; fi
}

# Virtuoso over HTTP (curl per run, so its times include a loopback round trip): a private instance on
# free ports, bulk-loaded, queried, stopped. Plain q5 exceeds Virtuoso's transitive memory (an error after
# seconds), so it is not run; Virtuoso's own OPTION (TRANSITIVE) rewrite is reported separately (it misses
# the start node: 42686, not 42687).
run_virtuoso() {
  local qdir=$1 script=$PEERS_SRC/virtuoso/run_virtuoso.sh name
  if ! command -v virtuoso-t > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource > /dev/null 2>&1 || { say "Virtuoso not installable; skipped"; return 0; }
  fi
  say "SPARQL queries: Virtuoso (HTTP /sparql)"
  local ports
  ports=$(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))')
  # Plain q5 runs for seconds before failing (transitive temp memory); leave it to the rewrite.
  local vq=$OUT/virtuoso-queries
  mkdir -p "$vq"
  for q in "$qdir"/*.rq; do [ "$(basename "$q")" = q5_knows_path.rq ] || ln -sf "$q" "$vq/"; done
  export SQLPORT=${ports% *} HTTPPORT=${ports#* } QDIR=$vq REPS=$((QRUNS + 1))
  { bash "$script" start && bash "$script" load && bash "$script" query; } > "$OUT/virtuoso.txt" 2>&1 || true
  bash "$script" stop >> "$OUT/virtuoso.txt" 2>&1 || true
  python3 - "$OUT/virtuoso.txt" "$RESULTS" <<'PY'
import re, statistics, sys
with open(sys.argv[2], "a") as r:
    for line in open(sys.argv[1]):
        m = re.match(r"virtuoso query=(\S+) times_s=(.*?) rows/first=(.*)", line)
        if not m or m.group(3).startswith("ERR"): continue
        name, times = m.group(1), [float(t) * 1000 for t in m.group(2).split()]
        warm = times[1:] or times
        engine = "Virtuoso"
        if name.endswith("_virtuoso"): name, engine = name[: -len("_virtuoso")], "Virtuoso (rewrite)"
        r.write(f"query {name} (warm median)\t{engine}\t{statistics.median(warm):.1f}\tms\n")
PY
}

summarize() {
  python3 - "$RESULTS" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = collections.OrderedDict()
for measure, engine, value, unit in rows:
    by.setdefault(measure, []).append((engine, value, unit))
targets = {
    "parse+count (warm median)": ("N3.js", 2.0),
    "load into store (warm median)": ("Jena in-memory", 2.0),
}
print(f"{'measure':32} {'engine':26} {'value':>12}  {'GuidelineGraph is':>22}")
for measure, entries in by.items():
    gg = next((float(v) for e, v, u in entries if e == "GuidelineGraph" and v), None)
    for engine, value, unit in entries:
        ratio = ""
        if gg and engine != "GuidelineGraph" and value and unit in ("ms", "MB"):
            r = float(value) / gg
            ratio = f"{r:.2f}x {'faster' if unit == 'ms' else 'smaller'}" if r >= 1 else f"{1 / r:.2f}x {'slower' if unit == 'ms' else 'larger'}"
        print(f"{measure:32} {engine:26} {value + ' ' + unit:>12}  {ratio:>22}")
print()
for measure, (peer, want) in targets.items():
    gg = next((float(v) for e, v, u in by.get(measure, []) if e == "GuidelineGraph" and v), None)
    p = next((float(v) for e, v, u in by.get(measure, []) if e == peer and v), None)
    if gg and p:
        print(f"target {measure}: >= {want}x faster than {peer}: {p / gg:.2f}x {'MET' if p / gg >= want else 'NOT MET'}")
import math
queries = [m for m in by if m.startswith("query ") and m.endswith("(warm median)")]
peer_names = ["Jena in-memory", "Oxigraph", "Virtuoso"]
if queries:
    print()
    print(f"{'query (warm median, ms)':24} {'ours':>8} " + " ".join(f"{p.split()[0]:>9} {'ratio':>7}" for p in peer_names))
ratios = {p: [] for p in peer_names}
for measure in queries:
    values = {e: float(v) for e, v, u in by[measure] if v}
    gg = values.get("GuidelineGraph")
    cells = []
    for p in peer_names:
        v = values.get(p)
        if v and gg: ratios[p].append(v / gg)
        cells.append(f"{v if v else '-':>9} {f'{v / gg:.2f}x' if v and gg else '-':>7}")
    name = measure[len("query "):-len(" (warm median)")]
    print(f"{name:24} {gg if gg else '-':>8} " + " ".join(cells))
    if values.get("Virtuoso (rewrite)"):
        print(f"{'':24} {'':>8} Virtuoso's own TRANSITIVE rewrite (42686 rows): {values['Virtuoso (rewrite)']} ms")
if queries:
    print(f"{'geometric mean ratio':24} {'':>8} " + " ".join(
        f"{'':>9} {f'{math.exp(sum(map(math.log, r)) / len(r)):.2f}x' if r else '-':>7}" for r in ratios.values()))
    print("(ratio = peer time / our time: above 1 means GuidelineGraph is faster)")
    print()
for measure in queries:
    values = {e: float(v) for e, v, u in by[measure] if v}
    gg = values.get("GuidelineGraph")
    # Only peers that answer the same query count; Virtuoso's rewrite of q5 answers a different one.
    peers = {e: v for e, v in values.items() if e != "GuidelineGraph" and "rewrite" not in e}
    if gg and peers:
        fastest = min(peers, key=peers.get)
        print(f"target {measure}: as fast as the fastest peer ({fastest} {peers[fastest]} ms): {peers[fastest] / gg:.2f}x {'MET' if gg <= peers[fastest] else 'NOT MET'}")
    if measure.startswith("query q5_") and gg:
        print(f"target {measure}: under 100 ms: {gg} ms {'MET' if gg < 100 else 'NOT MET'}")
jena = ratios["Jena in-memory"]
if jena:
    g = math.exp(sum(math.log(r) for r in jena) / len(jena))
    print(f"target geometric mean >= 3x faster than Jena in-memory over {len(jena)} queries: {g:.2f}x {'MET' if g >= 3 else 'NOT MET'}")
bpt = next((float(v) for e, v, u in by.get("RSS bytes per triple", []) if e == "GuidelineGraph"), None)
if bpt:
    print(f"target resident memory <= 120 B/triple: {bpt:.1f} B/triple {'MET' if bpt <= 120 else 'NOT MET'}")
PY
}

ensure_data
run_guidelinegraph
run_n3
run_jena
run_queries
say "results in $OUT"
summarize | tee "$OUT/summary.txt"
