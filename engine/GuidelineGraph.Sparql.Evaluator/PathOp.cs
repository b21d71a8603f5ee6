using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// Property paths (§18.4): links, inverses, sequences and alternatives keep duplicates; *, + and ? give each
/// node once per start (ALP with a visited set, so cycles end). Zero-length paths match the start itself,
/// even a constant the data lacks; with both ends unbound, every node of the graph.
/// </summary>
internal sealed class PathOp(PathNode plan, Position subject, Position obj) : Op(plan)
{
    private readonly Dictionary<Iri, int> _predicates = [];
    // Adjacency tables read during this query, per (predicate, direction, graphs): later walks reuse them.
    private readonly Dictionary<(int Predicate, bool Forward, GraphScope Graph), Adjacency> _adjacencies = [];
    private bool _zeroLengthNeedsNode;

    public override IReadOnlyList<Op> Children => [];
    public override string Describe(SlotMap slots) => $"Path {plan.Subject} {Sse.Write(plan.Path)} {plan.Object}";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        int s = subject.IsVariable ? seed[subject.Slot] : subject.Constant;
        int o = obj.IsVariable ? seed[obj.Slot] : obj.Constant;
        // A variable's value reaches itself by a zero-length path only if it is a node of the graph (§18.4:
        // both ends unbound range over the graph's nodes); a constant of the pattern always does.
        if (s != 0 && o != 0)
        {
            _zeroLengthNeedsNode = subject.IsVariable;
            foreach (int end in Step(plan.Path, s, forward: true, graph, ex))
                if (end == o) yield return seed;
        }
        else if (s != 0)
        {
            _zeroLengthNeedsNode = subject.IsVariable;
            foreach (int end in Step(plan.Path, s, forward: true, graph, ex)) yield return With(seed, obj.Slot, end);
        }
        else if (o != 0)
        {
            _zeroLengthNeedsNode = obj.IsVariable;
            foreach (int start in Step(plan.Path, o, forward: false, graph, ex)) yield return With(seed, subject.Slot, start);
        }
        else
        {
            _zeroLengthNeedsNode = false;
            bool same = subject.Slot == obj.Slot;
            foreach (var (a, b) in Pairs(plan.Path, graph, ex))
            {
                if (same && a != b) continue;
                var row = Copy(seed);
                row[subject.Slot] = a;
                row[obj.Slot] = b;
                yield return row;
            }
        }
    }

    private static int[] With(int[] seed, int slot, int value)
    {
        var row = Copy(seed);
        row[slot] = value;
        return row;
    }

    private int PredicateId(Iri iri, Execution ex)
    {
        if (!_predicates.TryGetValue(iri, out int id)) _predicates[iri] = id = ex.Dataset.TryGetId(iri);
        return id;
    }

    /// <summary>The nodes one path walk reaches from <paramref name="node"/>, forwards or backwards.</summary>
    private IEnumerable<int> Step(PropertyPath path, int node, bool forward, GraphScope graph, Execution ex)
    {
        switch (path)
        {
            case LinkPath link:
            {
                int p = PredicateId(link.Iri, ex);
                if (p == 0) return [];
                return forward
                    ? ex.Match(node, p, DatasetIds.Any, graph).Select(q => q.O)
                    : ex.Match(DatasetIds.Any, p, node, graph).Select(q => q.S);
            }
            case InversePath inverse:
                return Step(inverse.Path, node, !forward, graph, ex);
            case SequencePath seq:
            {
                var (first, second) = forward ? (seq.First, seq.Second) : (seq.Second, seq.First);
                return Step(first, node, forward, graph, ex).SelectMany(m => Step(second, m, forward, graph, ex));
            }
            case AlternativePath alt:
                return Step(alt.First, node, forward, graph, ex).Concat(Step(alt.Second, node, forward, graph, ex));
            case ZeroOrMorePath star:
                return Closure(star.Path, node, forward, includeStart: true, graph, ex);
            case OneOrMorePath plus:
                return Closure(plus.Path, node, forward, includeStart: false, graph, ex);
            case ZeroOrOnePath opt:
                return ZeroOrOne(opt.Path, node, forward, graph, ex);
            case NegatedPropertySet nps:
                return Negated(nps, node, forward, graph, ex);
            default:
                throw new ArgumentException($"unknown path {path.GetType().Name}", nameof(path));
        }
    }

    private IEnumerable<int> Closure(PropertyPath path, int start, bool forward, bool includeStart, GraphScope graph, Execution ex)
    {
        var visited = new HashSet<int>();
        var frontier = new Queue<int>();
        if (includeStart && ZeroLengthReaches(start, graph, ex)) { visited.Add(start); yield return start; }
        frontier.Enqueue(start);
        // Over a plain link, a walk that keeps going reads the predicate's edges once into an adjacency table
        // after about as many lookups as that read costs; a short walk never pays for it.
        var (link, linkForward) = path switch
        {
            LinkPath l => (l, forward),
            InversePath { Path: LinkPath l } => (l, !forward),
            _ => (null, forward),
        };
        int predicate = link is null ? 0 : PredicateId(link.Iri, ex);
        long lookupBudget = predicate > 0 && ex.Dataset.Predicate(link!.Iri) is var (edges, _, _) ? edges / EdgesPerLookup : long.MaxValue;
        _adjacencies.TryGetValue((predicate, linkForward, graph), out var adjacency);
        long lookups = 0;
        while (frontier.Count > 0)
        {
            int n = frontier.Dequeue();
            if (adjacency is null && ++lookups > lookupBudget)
            {
                adjacency = Adjacency.Read(ex.Match(DatasetIds.Any, predicate, DatasetIds.Any, graph), linkForward);
                _adjacencies[(predicate, linkForward, graph)] = adjacency;
            }
            if (adjacency is not null)
            {
                var (targets, first, end) = adjacency.From(n);
                for (int i = first; i < end; i++)
                {
                    ex.Tick();
                    int next = targets[i];
                    if (!visited.Add(next)) continue;
                    yield return next;
                    frontier.Enqueue(next);
                }
                continue;
            }
            foreach (int next in Step(path, n, forward, graph, ex))
            {
                ex.Tick();
                if (!visited.Add(next)) continue;
                yield return next;
                frontier.Enqueue(next);
            }
        }
    }

    /// <summary>Reading this many edges sequentially costs about one index lookup.</summary>
    private const long EdgesPerLookup = 16;

    /// <summary>
    /// A predicate's edges grouped by their start node: by a counting sort into offsets per id when the ids are
    /// dense enough (the table is then 4 bytes an id), else by sorting the edges and indexing the start nodes.
    /// </summary>
    private sealed class Adjacency
    {
        private readonly int[] _targets;
        private readonly int[]? _offsets;
        private readonly Dictionary<int, (int First, int End)>? _ranges;

        private Adjacency(int[] targets, int[]? offsets, Dictionary<int, (int, int)>? ranges)
        {
            _targets = targets;
            _offsets = offsets;
            _ranges = ranges;
        }

        public static Adjacency Read(IEnumerable<IdQuad> quads, bool forward)
        {
            var from = new List<int>();
            var to = new List<int>();
            int max = 0;
            foreach (var q in quads)
            {
                int a = forward ? q.S : q.O, b = forward ? q.O : q.S;
                from.Add(a);
                to.Add(b);
                max = Math.Max(max, a);
            }
            if (max <= 8L * from.Count + 1024)
            {
                var offsets = new int[max + 2];
                foreach (int a in from) offsets[a + 1]++;
                for (int i = 1; i < offsets.Length; i++) offsets[i] += offsets[i - 1];
                var targets = new int[to.Count];
                var fill = (int[])offsets.Clone();
                for (int i = 0; i < from.Count; i++) targets[fill[from[i]]++] = to[i];
                return new Adjacency(targets, offsets, null);
            }
            var starts = from.ToArray();
            var ends = to.ToArray();
            Array.Sort(starts, ends);
            var ranges = new Dictionary<int, (int, int)>();
            for (int i = 0, j; i < starts.Length; i = j)
            {
                for (j = i + 1; j < starts.Length && starts[j] == starts[i]; j++) { }
                ranges[starts[i]] = (i, j);
            }
            return new Adjacency(ends, null, ranges);
        }

        public (int[] Targets, int First, int End) From(int node)
        {
            if (_offsets is not null)
                return (uint)node < (uint)(_offsets.Length - 1) ? (_targets, _offsets[node], _offsets[node + 1]) : (_targets, 0, 0);
            return _ranges!.TryGetValue(node, out var range) ? (_targets, range.First, range.End) : (_targets, 0, 0);
        }
    }

    private IEnumerable<int> ZeroOrOne(PropertyPath path, int start, bool forward, GraphScope graph, Execution ex)
    {
        var seen = new HashSet<int> { start };
        if (ZeroLengthReaches(start, graph, ex)) yield return start;
        foreach (int next in Step(path, start, forward, graph, ex))
            if (seen.Add(next)) yield return next;
    }

    private bool ZeroLengthReaches(int node, GraphScope graph, Execution ex) => !_zeroLengthNeedsNode || ex.InGraph(node, graph);

    private IEnumerable<int> Negated(NegatedPropertySet nps, int node, bool forward, GraphScope graph, Execution ex)
    {
        bool hasForward = !nps.Forward.IsEmpty || nps.Inverse.IsEmpty;
        if (hasForward)
        {
            var excluded = nps.Forward.Select(i => PredicateId(i, ex)).ToHashSet();
            var quads = forward ? ex.Match(node, DatasetIds.Any, DatasetIds.Any, graph) : ex.Match(DatasetIds.Any, DatasetIds.Any, node, graph);
            foreach (var q in quads)
                if (!excluded.Contains(q.P)) yield return forward ? q.O : q.S;
        }
        if (!nps.Inverse.IsEmpty)
        {
            var excluded = nps.Inverse.Select(i => PredicateId(i, ex)).ToHashSet();
            var quads = forward ? ex.Match(DatasetIds.Any, DatasetIds.Any, node, graph) : ex.Match(node, DatasetIds.Any, DatasetIds.Any, graph);
            foreach (var q in quads)
                if (!excluded.Contains(q.P)) yield return forward ? q.S : q.O;
        }
    }

    /// <summary>Every (start, end) pair of the path in the graph.</summary>
    private IEnumerable<(int, int)> Pairs(PropertyPath path, GraphScope graph, Execution ex)
    {
        switch (path)
        {
            case LinkPath link:
            {
                int p = PredicateId(link.Iri, ex);
                return p == 0 ? [] : ex.Match(DatasetIds.Any, p, DatasetIds.Any, graph).Select(q => (q.S, q.O));
            }
            case InversePath inverse:
                return Pairs(inverse.Path, graph, ex).Select(pair => (pair.Item2, pair.Item1));
            case SequencePath seq:
                return Pairs(seq.First, graph, ex).SelectMany(pair => Step(seq.Second, pair.Item2, true, graph, ex).Select(end => (pair.Item1, end)));
            case AlternativePath alt:
                return Pairs(alt.First, graph, ex).Concat(Pairs(alt.Second, graph, ex));
            case NegatedPropertySet nps:
                return Nodes(graph, ex, subjectsOnly: nps.Inverse.IsEmpty).SelectMany(n => Negated(nps, n, true, graph, ex).Select(end => (n, end)));
            default:
                // *, + and ?: from every node of the graph.
                return Nodes(graph, ex, subjectsOnly: false).SelectMany(n => Step(path, n, true, graph, ex).Select(end => (n, end)));
        }
    }

    /// <summary>The distinct subjects (and objects) of the graph.</summary>
    private static IEnumerable<int> Nodes(GraphScope graph, Execution ex, bool subjectsOnly)
    {
        var seen = new HashSet<int>();
        foreach (var q in ex.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, graph))
        {
            if (seen.Add(q.S)) yield return q.S;
            if (!subjectsOnly && seen.Add(q.O)) yield return q.O;
        }
    }
}
