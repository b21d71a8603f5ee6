using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store;

/// <summary>
/// An immutable view of the store at one moment: a sorted base plus a small delta of added and removed
/// quads. Reads on a snapshot never see later writes; any number of threads may read one.
/// </summary>
public sealed class StoreSnapshot
{
    internal StoreSnapshot(TermDictionary terms, QuadIndex baseIndex, QuadIndex removed, QuadIndex added, long version)
    {
        Terms = terms;
        Base = baseIndex;
        Removed = removed;
        Added = added;
        Version = version;
    }

    public TermDictionary Terms { get; }
    /// <summary>Increases with every change published by the store.</summary>
    public long Version { get; }
    internal QuadIndex Base { get; }
    internal QuadIndex Removed { get; }
    internal QuadIndex Added { get; }

    public long Count => (long)Base.Count - Removed.Count + Added.Count;

    /// <summary>Bytes held by the indexes of this snapshot (not the term dictionary).</summary>
    public long IndexBytes => Base.ApproximateBytes + Removed.ApproximateBytes + Added.ApproximateBytes;

    public QuadScan Match(in IdPattern pattern) => new(Base.Scan(pattern), Removed, Added.Scan(pattern));

    public bool Contains(in IdQuad quad) =>
        Added.Contains(quad) || (Base.Contains(quad) && !Removed.Contains(quad));

    /// <summary>The exact number of quads matching <paramref name="pattern"/>, from range sizes (no scan).</summary>
    public long Cardinality(in IdPattern pattern) =>
        Base.CountMatches(pattern) - Removed.CountMatches(pattern) + Added.CountMatches(pattern);

    /// <summary>
    /// Statistics of predicate <paramref name="predicate"/>: triples exact, distinct subjects and
    /// objects as of the last compaction of the base (bounded by the exact triple count).
    /// </summary>
    public PredicateStatistics GetPredicateStatistics(int predicate)
    {
        long triples = Cardinality(new IdPattern(TermIds.Any, predicate, TermIds.Any, TermIds.Any));
        if (triples == 0) return new PredicateStatistics(predicate, 0, 0, 0);
        if (!Base.Predicates.TryGetValue(predicate, out var s)) return new PredicateStatistics(predicate, triples, triples, triples);
        return new PredicateStatistics(predicate, triples,
            Math.Clamp(s.DistinctSubjects, 1, triples), Math.Clamp(s.DistinctObjects, 1, triples));
    }

    /// <summary>Predicates with statistics, as of the last compaction, plus any added since.</summary>
    public IEnumerable<PredicateStatistics> Predicates()
    {
        var seen = new SortedSet<int>(Base.Predicates.Keys);
        foreach (var q in Added.Quads()) seen.Add(q.P);
        foreach (int p in seen)
        {
            var s = GetPredicateStatistics(p);
            if (s.Triples > 0) yield return s;
        }
    }

    /// <summary>Non-empty graphs with their quad counts; the default graph is <see cref="TermIds.DefaultGraph"/>.</summary>
    public IReadOnlyList<(int Graph, long Quads)> Graphs()
    {
        var ids = new SortedSet<int>(Base.Graphs().Select(g => g.Graph));
        ids.UnionWith(Added.Graphs().Select(g => g.Graph));
        var result = new List<(int, long)>();
        foreach (int g in ids)
        {
            long n = Cardinality(new IdPattern(TermIds.Any, TermIds.Any, TermIds.Any, g));
            if (n > 0) result.Add((g, n));
        }
        return result;
    }

    /// <summary>Quads matching a pattern of terms; null means any. Unknown terms match nothing.</summary>
    public IEnumerable<Quad> Match(Term? subject, Iri? predicate, Term? @object, GraphSelector graph)
    {
        if (!TryResolve(subject, out int s) || !TryResolve(predicate, out int p) || !TryResolve(@object, out int o))
            return [];
        int g;
        if (graph.IsAny) g = TermIds.Any;
        else if (graph.IsAnyNamed) g = TermIds.AnyNamed;
        else if (graph.IsDefault) g = TermIds.DefaultGraph;
        else if (!Terms.TryGetId(graph.Name!, out g)) return [];
        return Decode(new IdPattern(s, p, o, g));
    }

    private bool TryResolve(Term? term, out int id)
    {
        if (term is null) { id = TermIds.Any; return true; }
        return Terms.TryGetId(term, out id);
    }

    private IEnumerable<Quad> Decode(IdPattern pattern)
    {
        var cache = new Dictionary<int, Term>();
        Term TermOf(int id)
        {
            if (!cache.TryGetValue(id, out var t))
            {
                if (cache.Count > 4096) cache.Clear();
                cache[id] = t = Terms.GetTerm(id);
            }
            return t;
        }
        foreach (var q in Match(pattern))
            yield return new Quad(TermOf(q.S), (Iri)TermOf(q.P), TermOf(q.O), q.G == TermIds.DefaultGraph ? null : TermOf(q.G));
    }

    /// <summary>Encodes <paramref name="quad"/> without adding terms; false when a term is unknown.</summary>
    public bool TryEncode(in Quad quad, out IdQuad ids)
    {
        ids = default;
        int g = TermIds.DefaultGraph;
        if (!Terms.TryGetId(quad.Subject, out int s) || !Terms.TryGetId(quad.Predicate, out int p) ||
            !Terms.TryGetId(quad.Object, out int o) || (quad.Graph is not null && !Terms.TryGetId(quad.Graph, out g)))
            return false;
        ids = new IdQuad(s, p, o, g);
        return true;
    }
}
