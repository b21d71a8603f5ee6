#!/usr/bin/env bash
# RDFS + OWL RL (+ SKOS) materialisation of a LUBM-style dataset with GuidelineGraph's reasoner and with
# Apache Jena's GenericRuleReasoner (forward RETE) on the same rules (ontology/rules/{rdfs,owl2rl,skos}.rules,
# translated by JenaRuleWriter), in one run: checks the two closures are equal and prints times and the ratio.
# Then one profile's inference and a one-feature re-inference over the seed guideline.
# Needs: dotnet, apt-get install -y default-jdk-headless libapache-jena-java
# Env: TRIPLES (default 100000), OURS_REPS (5), JENA_REPS (2), PROFILE_REPS (200), OUT (scratch dir).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRIPLES=${TRIPLES:-100000}
OURS_REPS=${OURS_REPS:-5}
JENA_REPS=${JENA_REPS:-2}
PROFILE_REPS=${PROFILE_REPS:-200}
OUT=${OUT:-$(mktemp -d)}
JARDIR=${JARDIR:-/usr/share/java}
ART=${ART:-$ROOT/.gg-build/reasoning-bench}
mkdir -p "$OUT"

dotnet build "$ROOT/bench/GuidelineGraph.Reasoning.Bench/GuidelineGraph.Reasoning.Bench.csproj" -c Release \
  --artifacts-path "$ART" -nologo -clp:ErrorsOnly >/dev/null
BENCH="$ART/bin/GuidelineGraph.Reasoning.Bench/release/GuidelineGraph.Reasoning.Bench.dll"

echo "== GuidelineGraph ($OURS_REPS runs; materialisation from triples in memory, every derivation recorded)"
dotnet "$BENCH" lubm "$ROOT/ontology/rules" "$OUT" "$TRIPLES" "$OURS_REPS" | tee "$OUT/ours.log"

# Jena classpath: Debian's jar set plus a jar with the Xerces message bundles Debian misplaces
# (same fix as /work/shared/peers/jena/run_jena.sh).
[ -f "$JARDIR/jena-core.jar" ] || { echo "Jena missing: apt-get install -y libapache-jena-java" >&2; exit 1; }
mkdir -p "$OUT/fix" "$OUT/classes"
( cd "$OUT/fix" && unzip -qo "$JARDIR/jena-core.jar" 'org/apache/jena/ext/xerces/*' && mkdir -p xerces \
  && cp -r org/apache/jena/ext/xerces/impl xerces/ && jar cf "$OUT/jena-xerces-resfix.jar" xerces )
CP=$OUT/jena-xerces-resfix.jar
for j in "$JARDIR"/jena-*.jar; do case "$(basename "$j")" in *-[0-9]*.jar) ;; *) CP=$CP:$j ;; esac; done
for x in commons-cli commons-codec commons-compress commons-csv commons-io commons-lang3 dexx.collection gson guava \
         httpclient httpcore jackson-core jackson-databind jackson-annotations jsonld-java jakarta.json-api protobuf \
         thrift titanium-json-ld slf4j-api slf4j-simple; do CP=$CP:$JARDIR/$x.jar; done
javac -d "$OUT/classes" -cp "$CP" "$ROOT/tests/GuidelineGraph.Reasoning.Tests/Jena/JenaClosure.java"

echo "== Jena GenericRuleReasoner FORWARD_RETE ($JENA_REPS runs; load excluded)"
java -Xmx8g -cp "$OUT/classes:$CP" JenaClosure "$OUT/rules.jena" "$OUT/lubm.nt" "$OUT/jena.nt" "$JENA_REPS" | tee "$OUT/jena.log"

sort -u "$OUT/ours.nt" > "$OUT/ours.sorted"
sort -u "$OUT/jena.nt" > "$OUT/jena.sorted"
if cmp -s "$OUT/ours.sorted" "$OUT/jena.sorted"; then
  echo "closures equal: $(wc -l < "$OUT/ours.sorted") triples"
else
  echo "closures DIFFER: ours $(wc -l < "$OUT/ours.sorted"), Jena $(wc -l < "$OUT/jena.sorted")"
  diff "$OUT/ours.sorted" "$OUT/jena.sorted" | head -20
  exit 1
fi
best() { grep -o 'inferred_ms=[0-9.]*' "$1" | cut -d= -f2 | sort -g | head -1; }
OURS=$(best "$OUT/ours.log"); JENA=$(best "$OUT/jena.log")
awk -v o="$OURS" -v j="$JENA" 'BEGIN { printf "best of runs: ours %.0f ms, Jena %.0f ms, ratio %.1fx (target >= 5x)\n", o, j, j / o }'

echo "== profile inference on the seed guideline ($PROFILE_REPS runs)"
dotnet "$BENCH" profile "$ROOT/ontology" "$PROFILE_REPS"
