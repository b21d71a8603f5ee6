namespace GuidelineGraph.Store;

/// <summary>
/// An immutable, sorted, duplicate-free set of quads in several permutations. The graph-leading three
/// (GSPO, GPOS, GOSP) always exist and answer every pattern: one range per graph. The graph-trailing
/// three exist only when the dataset has more than <see cref="TrailingThreshold"/> graphs, so that
/// "any graph" patterns stay one range however many graphs there are, while the common few-graph
/// dataset pays for three permutations, not six.
/// </summary>
internal sealed class QuadIndex
{
    public const int TrailingThreshold = 8;

    public static readonly QuadIndex Empty = new([SortedRuns.Empty, SortedRuns.Empty, SortedRuns.Empty], null);

    private readonly SortedRuns[] _leading;
    private readonly SortedRuns[]? _trailing;
    private readonly Lazy<IReadOnlyDictionary<int, PredicateStatistics>> _predicates;

    private QuadIndex(SortedRuns[] leading, SortedRuns[]? trailing)
    {
        _leading = leading;
        _trailing = trailing;
        _predicates = new Lazy<IReadOnlyDictionary<int, PredicateStatistics>>(ComputePredicateStatistics);
    }

    public int Count => _leading[0].Count;
    public bool HasTrailing => _trailing is not null;
    public SortedRuns Gspo => _leading[0];

    public long ApproximateBytes =>
        _leading.Sum(r => r.ApproximateBytes) + (_trailing?.Sum(r => r.ApproximateBytes) ?? 0);

    public IReadOnlyDictionary<int, PredicateStatistics> Predicates => _predicates.Value;

    /// <summary>
    /// Builds from GSPO keys in any order, duplicates allowed. <paramref name="keys"/> is used as
    /// scratch; permutations are sorted two at a time on separate cores when <paramref name="parallel"/>.
    /// </summary>
    public static QuadIndex Build(Key4[] keys, int length, bool parallel)
    {
        if (length == 0) return Empty;
        var scratch = new Key4[length];
        var sorted = RadixSort.Sort(keys.AsSpan(0, length), scratch);
        int n = Deduplicate(sorted);
        var gspo = sorted[..n].ToArray();
        return FromSortedGspo(gspo, parallel, scratch);
    }

    private static QuadIndex FromSortedGspo(Key4[] gspo, bool parallel, Key4[]? scratch = null)
    {
        int n = gspo.Length;
        if (n == 0) return Empty;
        var leading = new SortedRuns[3];
        leading[0] = SortedRuns.FromSorted(Permutation.Gspo, gspo);
        bool trailing = leading[0].Heads.Length > TrailingThreshold;
        var todo = new List<Permutation> { Permutation.Gpos, Permutation.Gosp };
        if (trailing) todo.AddRange(Permutations.GraphTrailing);
        var built = new SortedRuns[todo.Count];
        int workers = parallel && n > 50_000 ? 2 : 1;
        // Each worker needs two buffers: the reordered keys and the radix sort's other half.
        var buffers = new Key4[workers * 2][];
        for (int i = 0; i < buffers.Length; i++) buffers[i] = i == 0 && scratch is not null && scratch.Length >= n ? scratch : new Key4[n];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            for (int i = worker; i < todo.Count; i += workers)
                built[i] = Reorder(todo[i], gspo, buffers[2 * worker], buffers[2 * worker + 1]);
        });
        leading[1] = built[0];
        leading[2] = built[1];
        return new QuadIndex(leading, trailing ? built[2..] : null);
    }

    private static SortedRuns Reorder(Permutation target, ReadOnlySpan<Key4> gspo, Key4[] keys, Key4[] scratch)
    {
        var span = keys.AsSpan(0, gspo.Length);
        for (int i = 0; i < gspo.Length; i++)
        {
            var k = gspo[i];
            span[i] = target.ToKey(new IdQuad(k.B, k.C, k.D, k.A));
        }
        return SortedRuns.FromSorted(target, RadixSort.Sort(span, scratch));
    }

    private static int Deduplicate(Span<Key4> sorted)
    {
        if (sorted.Length == 0) return 0;
        int w = 1;
        for (int r = 1; r < sorted.Length; r++)
            if (sorted[r] != sorted[w - 1]) sorted[w++] = sorted[r];
        return w;
    }

    /// <summary>
    /// This index minus <paramref name="removed"/> (a subset of it) plus <paramref name="added"/>
    /// (disjoint from it), by a linear merge of each permutation that both sides have.
    /// </summary>
    public QuadIndex Merge(QuadIndex removed, QuadIndex added)
    {
        var leading = new SortedRuns[3];
        for (int i = 0; i < 3; i++) leading[i] = MergeRuns(Permutations.GraphLeading[i], _leading[i], removed._leading[i], added._leading[i]);
        if (leading[0].Count == 0) return Empty;
        bool trailing = leading[0].Heads.Length > TrailingThreshold;
        if (!trailing) return new QuadIndex(leading, null);
        if (_trailing is null || !removed.HasTrailing || !added.HasTrailing)
        {
            var gspo = new Key4[leading[0].Count];
            leading[0].CopyKeysTo(gspo);
            return FromSortedGspo(gspo, parallel: true);
        }
        var merged = new SortedRuns[3];
        for (int i = 0; i < 3; i++) merged[i] = MergeRuns(Permutations.GraphTrailing[i], _trailing[i], removed._trailing![i], added._trailing![i]);
        return new QuadIndex(leading, merged);
    }

    /// <summary>Builds a small index (a delta) with the same permutations as <paramref name="shape"/>.</summary>
    public static QuadIndex BuildLike(QuadIndex shape, IReadOnlyCollection<IdQuad> quads)
    {
        if (quads.Count == 0 && !shape.HasTrailing) return Empty;
        var leading = new SortedRuns[3];
        for (int i = 0; i < 3; i++) leading[i] = Sorted(Permutations.GraphLeading[i], quads);
        SortedRuns[]? trailing = null;
        if (shape.HasTrailing)
        {
            trailing = new SortedRuns[3];
            for (int i = 0; i < 3; i++) trailing[i] = Sorted(Permutations.GraphTrailing[i], quads);
        }
        return new QuadIndex(leading, trailing);
    }

    private static SortedRuns Sorted(Permutation p, IReadOnlyCollection<IdQuad> quads)
    {
        var keys = new Key4[quads.Count];
        int i = 0;
        foreach (var q in quads) keys[i++] = p.ToKey(q);
        keys.AsSpan().Sort();
        return SortedRuns.FromSorted(p, keys.AsSpan(0, Deduplicate(keys)));
    }

    private static SortedRuns MergeRuns(Permutation permutation, SortedRuns baseRuns, SortedRuns removed, SortedRuns added)
    {
        var result = new Key4[baseRuns.Count - removed.Count + added.Count];
        int w = 0;
        using var b = baseRuns.Keys().GetEnumerator();
        using var r = removed.Keys().GetEnumerator();
        using var a = added.Keys().GetEnumerator();
        bool hasB = b.MoveNext(), hasR = r.MoveNext(), hasA = a.MoveNext();
        while (hasB || hasA)
        {
            if (hasB && (!hasA || b.Current.CompareTo(a.Current) < 0))
            {
                while (hasR && r.Current.CompareTo(b.Current) < 0) hasR = r.MoveNext();
                if (!hasR || r.Current != b.Current) result[w++] = b.Current;
                hasB = b.MoveNext();
            }
            else
            {
                result[w++] = a.Current;
                hasA = a.MoveNext();
            }
        }
        if (w != result.Length) throw new InvalidOperationException("delta out of step with its base");
        return SortedRuns.FromSorted(permutation, result);
    }

    /// <summary>Every quad, in GSPO order.</summary>
    public IEnumerable<IdQuad> Quads() => _leading[0].Keys().Select(k => new IdQuad(k.B, k.C, k.D, k.A));

    public bool Contains(in IdQuad q) => _leading[0].Contains(Permutation.Gspo.ToKey(q));

    /// <summary>Exact number of matches, from range sizes alone.</summary>
    public long CountMatches(in IdPattern pattern)
    {
        var (runs, k, b, c, d) = Leading(pattern);
        var (first, end) = GraphRuns(runs, pattern.G);
        long n = 0;
        for (int run = first; run < end; run++)
        {
            var (s, e) = runs.Range(run, k, b, c, d);
            n += e - s;
        }
        return n;
    }

    public IndexScan Scan(in IdPattern pattern)
    {
        bool anyGraph = pattern.G is TermIds.Any or TermIds.AnyNamed;
        if (anyGraph && _trailing is not null && (pattern.S >= 0 || pattern.P >= 0 || pattern.O >= 0))
        {
            var (p, k, x1, x2, x3) = Order(pattern);
            var runs = _trailing[(int)p];
            int run = runs.FindRun(x1);
            return run < 0
                ? default
                : new IndexScan(runs, run, run + 1, k - 1, x2, x3, 0, namedOnly: pattern.G == TermIds.AnyNamed);
        }
        var (leading, lk, b, c, d) = Leading(pattern);
        var (first, end) = GraphRuns(leading, pattern.G);
        return new IndexScan(leading, first, end, lk, b, c, d, namedOnly: false);
    }

    private (SortedRuns Runs, int Length, int B, int C, int D) Leading(in IdPattern pattern)
    {
        var (p, k, x1, x2, x3) = Order(pattern);
        return (_leading[(int)p], k, x1, x2, x3);
    }

    /// <summary>
    /// Picks the order whose prefix is exactly the bound ones among S, P, O: index 0 = SPO, 1 = POS,
    /// 2 = OSP (into either the leading or the trailing permutations), then the bound values in order.
    /// </summary>
    private static (int Order, int Length, int X1, int X2, int X3) Order(in IdPattern q)
    {
        bool s = q.S >= 0, p = q.P >= 0, o = q.O >= 0;
        if (s && p) return (0, o ? 3 : 2, q.S, q.P, q.O);
        if (s && o) return (2, 2, q.O, q.S, 0);
        if (s) return (0, 1, q.S, 0, 0);
        if (p) return (1, o ? 2 : 1, q.P, q.O, 0);
        if (o) return (2, 1, q.O, 0, 0);
        return (0, 0, 0, 0, 0);
    }

    /// <summary>The runs (graphs) of a graph-leading permutation that a graph selector covers.</summary>
    private static (int First, int End) GraphRuns(SortedRuns runs, int graph)
    {
        switch (graph)
        {
            case TermIds.Any: return (0, runs.Heads.Length);
            case TermIds.AnyNamed:
                return (runs.Heads.Length > 0 && runs.Heads[0] == TermIds.DefaultGraph ? 1 : 0, runs.Heads.Length);
            default:
                int run = runs.FindRun(graph);
                return run < 0 ? (0, 0) : (run, run + 1);
        }
    }

    /// <summary>Quads per graph id.</summary>
    public IEnumerable<(int Graph, int Count)> Graphs()
    {
        var g = _leading[0];
        for (int i = 0; i < g.Heads.Length; i++) yield return (g.Heads[i], g.Starts[i + 1] - g.Starts[i]);
    }

    private IReadOnlyDictionary<int, PredicateStatistics> ComputePredicateStatistics()
    {
        // Per graph: GPOS runs give triples and distinct objects per predicate, GSPO distinct subjects.
        // Summed over graphs, so a subject in two graphs counts twice; the planner wants magnitudes.
        var triples = new Dictionary<int, (long Triples, long Subjects, long Objects)>();
        var gpos = _leading[1];
        for (int run = 0; run < gpos.Heads.Length; run++)
        {
            for (int i = gpos.Starts[run]; i < gpos.Starts[run + 1]; i++)
            {
                var t = gpos.Tails[i];
                bool newPredicate = i == gpos.Starts[run] || gpos.Tails[i - 1].B != t.B;
                bool newObject = newPredicate || gpos.Tails[i - 1].C != t.C;
                triples.TryGetValue(t.B, out var s);
                triples[t.B] = (s.Triples + 1, s.Subjects, s.Objects + (newObject ? 1 : 0));
            }
        }
        var gspo = _leading[0];
        for (int run = 0; run < gspo.Heads.Length; run++)
        {
            for (int i = gspo.Starts[run]; i < gspo.Starts[run + 1]; i++)
            {
                var t = gspo.Tails[i];
                bool first = i == gspo.Starts[run] || gspo.Tails[i - 1].B != t.B || gspo.Tails[i - 1].C != t.C;
                if (!first) continue;
                var s = triples[t.C];
                triples[t.C] = (s.Triples, s.Subjects + 1, s.Objects);
            }
        }
        return triples.ToDictionary(kv => kv.Key, kv => new PredicateStatistics(kv.Key, kv.Value.Triples, kv.Value.Subjects, kv.Value.Objects));
    }
}
