using System.Collections.Immutable;
using System.Diagnostics;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Evaluation;

/// <summary>What an update changed in the closure, and the counters of the rounds it took.</summary>
public sealed record UpdateResult(ImmutableArray<Triple> Added, ImmutableArray<Triple> Removed, ImmutableArray<RoundCounters> Rounds, TimeSpan Elapsed);

/// <summary>
/// A materialised model: asserted facts plus everything a stack of rule programs derives from them, with every
/// derivation recorded, kept up to date by <see cref="Add"/> and <see cref="Remove"/>.
/// Programs are layers: layer k reads the whole closure of layer k-1 as its input and its conclusions do not
/// feed back into lower layers. Use layers to put rules with negation above rules (like RDFS) whose heads
/// have variable predicates and would otherwise make the negation cyclic.
/// </summary>
public sealed class Materialization
{
    private readonly TermDictionary _terms = new();
    private readonly Layer[] _layers;

    public Materialization(IReadOnlyList<RuleProgram> layers, IEnumerable<Triple>? facts = null)
    {
        if (layers.Count == 0) throw new ArgumentException("at least one rule program is needed", nameof(layers));
        _layers = [.. layers.Select((p, i) => new Layer(i, p, _terms))];
        Initial = Apply(Encode(facts ?? []), []);
    }

    public Materialization(RuleProgram program, IEnumerable<Triple>? facts = null) : this([program], facts) { }

    /// <summary>The result of materialising the initial facts.</summary>
    public UpdateResult Initial { get; }

    public IReadOnlyList<RuleProgram> Programs => [.. _layers.Select(l => l.Program)];

    private Layer Top => _layers[^1];

    /// <summary>Facts in the closure (asserted and derived).</summary>
    public int Count => Top.Facts.AliveCount;

    public int DerivationCount => _layers.Sum(l => l.Derivations.AliveCount);

    public UpdateResult Add(IEnumerable<Triple> facts) => Apply(Encode(facts), []);

    /// <summary>Retracts asserted facts; a derived fact that is not asserted cannot be removed and is ignored.</summary>
    public UpdateResult Remove(IEnumerable<Triple> facts)
    {
        var ids = new List<TripleIds>();
        foreach (var t in facts)
        {
            if (_terms.TryGet(t.Subject, out int s) && _terms.TryGet(t.Predicate, out int p) && _terms.TryGet(t.Object, out int o))
                ids.Add(new TripleIds(s, p, o));
        }
        return Apply([], ids);
    }

    private List<TripleIds> Encode(IEnumerable<Triple> facts)
    {
        var ids = new List<TripleIds>();
        foreach (var t in facts) ids.Add(new TripleIds(_terms.GetOrAdd(t.Subject), _terms.GetOrAdd(t.Predicate), _terms.GetOrAdd(t.Object)));
        return ids;
    }

    private UpdateResult Apply(List<TripleIds> add, List<TripleIds> remove)
    {
        var clock = Stopwatch.StartNew();
        var rounds = new List<RoundCounters>();
        IEnumerable<TripleIds> added = add, removed = remove;
        foreach (var layer in _layers) (added, removed) = layer.Update(added, removed, rounds);
        return new UpdateResult([.. added.Select(Decode)], [.. removed.Select(Decode)], [.. rounds], clock.Elapsed);
    }

    private Triple Decode(TripleIds t) => new(_terms[t.S], (Iri)_terms[t.P], _terms[t.O]);

    private bool TryEncode(Triple t, out TripleIds ids)
    {
        ids = default;
        if (!_terms.TryGet(t.Subject, out int s) || !_terms.TryGet(t.Predicate, out int p) || !_terms.TryGet(t.Object, out int o)) return false;
        ids = new TripleIds(s, p, o);
        return true;
    }

    public bool Contains(Triple t) => TryEncode(t, out var ids) && Top.Facts.FindAlive(ids) >= 0;

    /// <summary>Whether the fact was given (rather than only derived).</summary>
    public bool IsAsserted(Triple t)
    {
        if (!TryEncode(t, out var ids)) return false;
        int f = _layers[0].Facts.FindAlive(ids);
        return f >= 0 && _layers[0].Facts.IsInput(f);
    }

    public IEnumerable<Triple> Facts
    {
        get
        {
            var table = Top.Facts;
            for (int f = 0; f < table.Count; f++) if (table.IsAlive(f)) yield return Decode(table[f]);
        }
    }

    /// <summary>Facts matching a pattern; null matches anything.</summary>
    public IEnumerable<Triple> Match(Term? subject, Iri? predicate, Term? obj)
    {
        var table = Top.Facts;
        int s = -1, p = -1, o = -1;
        if ((subject is not null && !_terms.TryGet(subject, out s)) || (predicate is not null && !_terms.TryGet(predicate, out p))
            || (obj is not null && !_terms.TryGet(obj, out o))) yield break;
        bool Fits(TripleIds t) => (s < 0 || t.S == s) && (p < 0 || t.P == p) && (o < 0 || t.O == o);
        if (p >= 0)
        {
            for (int f = table.ChainHead(FactTable.MaskP, p); f >= 0; f = table.NextInChain(FactTable.MaskP, f))
                if (table.IsAlive(f) && Fits(table[f])) yield return Decode(table[f]);
            yield break;
        }
        for (int f = 0; f < table.Count; f++) if (table.IsAlive(f) && Fits(table[f])) yield return Decode(table[f]);
    }

    /// <summary>Every derivation of a fact, in every layer.</summary>
    public IReadOnlyList<Derivation> DerivationsOf(Triple t)
    {
        var result = new List<Derivation>();
        if (!TryEncode(t, out var ids)) return result;
        foreach (var layer in _layers)
        {
            int f = layer.Facts.FindAlive(ids);
            if (f < 0) continue;
            for (int d = layer.Facts.DerivationHead[f]; d >= 0; d = layer.Derivations.NextForConclusion(d))
                if (layer.Derivations.IsAlive(d)) result.Add(Decode(layer, d));
        }
        return result;
    }

    /// <summary>Every recorded derivation of every layer.</summary>
    public IEnumerable<Derivation> AllDerivations()
    {
        foreach (var layer in _layers)
            for (int d = 0; d < layer.Derivations.Count; d++)
                if (layer.Derivations.IsAlive(d)) yield return Decode(layer, d);
    }

    private Derivation Decode(Layer layer, int d)
    {
        var table = layer.Derivations;
        var rule = layer.Rules[table.Rule(d)].Rule;
        var bindings = table.Bindings(d).ToArray().Select(id => _terms[id]).ToImmutableArray();
        var premises = table.Premises(d).ToArray().Select(f => Decode(layer.Facts[f])).ToImmutableArray();
        return new Derivation(rule, bindings, premises, Decode(layer.Facts[table.Conclusion(d)]));
    }

    /// <summary>
    /// Proofs of a fact: one per derivation of it (and a leaf when it is asserted). Premises are proved by their
    /// shortest well-founded derivation, across layers. A derivation using the fact itself is left out.
    /// Empty when the fact is not in the closure.
    /// </summary>
    public ImmutableArray<ProofNode> Explain(Triple t)
    {
        if (!TryEncode(t, out var ids) || Top.Facts.FindAlive(ids) < 0) return [];
        var ranks = new ProofRanks(this);
        var roots = ImmutableArray.CreateBuilder<ProofNode>();
        if (IsAsserted(t)) roots.Add(new ProofNode(t, null, []));
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            int f = layer.Facts.FindAlive(ids);
            if (f < 0) continue;
            for (int d = layer.Facts.DerivationHead[f]; d >= 0; d = layer.Derivations.NextForConclusion(d))
            {
                // A derivation with the fact among its own premises explains nothing.
                if (!layer.Derivations.IsAlive(d) || layer.Derivations.Premises(d).Contains(f)) continue;
                var premises = layer.Derivations.Premises(d).ToArray().Select(p => ranks.Prove(l, p)).ToImmutableArray();
                roots.Add(new ProofNode(t, Decode(layer, d), premises));
            }
        }
        return roots.ToImmutable();
    }

    /// <summary>
    /// Shortest well-founded proof heights over the derivation graph: an asserted fact has height 0, a fact
    /// handed up from the layer below has that layer's height, a derivation has 1 + its highest premise.
    /// </summary>
    private sealed class ProofRanks(Materialization model)
    {
        private readonly Dictionary<(int Layer, int Fact), int> _rank = [];

        public ProofNode Prove(int layer, int fact)
        {
            var node = (layer, fact);
            Compute(node);
            return Build(node);
        }

        private ProofNode Build((int Layer, int Fact) node)
        {
            var (best, below) = Best(node);
            var layer = model._layers[node.Layer];
            var triple = model.Decode(layer.Facts[node.Fact]);
            if (below) return Build((node.Layer - 1, model._layers[node.Layer - 1].Facts.FindAlive(layer.Facts[node.Fact])));
            if (best < 0) return new ProofNode(triple, null, []);
            var premises = layer.Derivations.Premises(best).ToArray().Select(p => Build((node.Layer, p))).ToImmutableArray();
            return new ProofNode(triple, model.Decode(layer, best), premises);
        }

        /// <summary>The option of least rank: a derivation id, or "from below", or -1 for asserted.</summary>
        private (int Derivation, bool Below) Best((int Layer, int Fact) node)
        {
            var layer = model._layers[node.Layer];
            if (layer.Facts.IsInput(node.Fact))
            {
                if (node.Layer == 0) return (-1, false);
                var lowerNode = (node.Layer - 1, model._layers[node.Layer - 1].Facts.FindAlive(layer.Facts[node.Fact]));
                if (_rank.GetValueOrDefault(lowerNode, int.MaxValue) <= _rank[node]) return (-1, true);
            }
            int best = -1, bestRank = int.MaxValue;
            for (int d = layer.Facts.DerivationHead[node.Fact]; d >= 0; d = layer.Derivations.NextForConclusion(d))
            {
                if (!layer.Derivations.IsAlive(d)) continue;
                int r = DerivationRank(node.Layer, d);
                if (r < bestRank) { best = d; bestRank = r; }
            }
            return (best, false);
        }

        private int DerivationRank(int layer, int d)
        {
            int max = 0;
            foreach (int p in model._layers[layer].Derivations.Premises(d))
                max = Math.Max(max, _rank.GetValueOrDefault((layer, p), int.MaxValue));
            return max == int.MaxValue ? int.MaxValue : max + 1;
        }

        private void Compute((int Layer, int Fact) start)
        {
            if (_rank.ContainsKey(start)) return;
            // Collect the cone of facts the start depends on, then relax heights to a fixpoint.
            var cone = new List<(int Layer, int Fact)>();
            var seen = new HashSet<(int, int)> { start };
            var stack = new Stack<(int Layer, int Fact)>();
            stack.Push(start);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                cone.Add(node);
                var layer = model._layers[node.Layer];
                if (layer.Facts.IsInput(node.Fact) && node.Layer > 0)
                {
                    var lower = (node.Layer - 1, model._layers[node.Layer - 1].Facts.FindAlive(layer.Facts[node.Fact]));
                    if (!_rank.ContainsKey(lower) && seen.Add(lower)) stack.Push(lower);
                }
                for (int d = layer.Facts.DerivationHead[node.Fact]; d >= 0; d = layer.Derivations.NextForConclusion(d))
                {
                    if (!layer.Derivations.IsAlive(d)) continue;
                    foreach (int p in layer.Derivations.Premises(d))
                        if (!_rank.ContainsKey((node.Layer, p)) && seen.Add((node.Layer, p))) stack.Push((node.Layer, p));
                }
            }
            foreach (var node in cone) _rank[node] = int.MaxValue;
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (var node in cone)
                {
                    var layer = model._layers[node.Layer];
                    int r = int.MaxValue;
                    if (layer.Facts.IsInput(node.Fact))
                    {
                        r = node.Layer == 0 ? 0 : _rank[(node.Layer - 1, model._layers[node.Layer - 1].Facts.FindAlive(layer.Facts[node.Fact]))];
                    }
                    for (int d = layer.Facts.DerivationHead[node.Fact]; d >= 0; d = layer.Derivations.NextForConclusion(d))
                        if (layer.Derivations.IsAlive(d)) r = Math.Min(r, DerivationRank(node.Layer, d));
                    if (r < _rank[node]) { _rank[node] = r; changed = true; }
                }
            }
        }
    }
}
