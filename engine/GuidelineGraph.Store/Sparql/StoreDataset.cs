using System.Runtime.InteropServices;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using EvalQuad = GuidelineGraph.Sparql.Evaluator.IdQuad;

namespace GuidelineGraph.Store.Sparql;

/// <summary>A snapshot seen by the SPARQL evaluator: ids are the store's, statistics come from range sizes.</summary>
public class StoreDataset(StoreSnapshot snapshot) : IQueryableDataset
{
    protected StoreSnapshot Snapshot { get; } = snapshot;
    protected TermDictionary Terms => Snapshot.Terms;

    public int TryGetId(Term term) => Terms.TryGetId(term, out int id) ? id : DatasetIds.None;

    public Term GetTerm(int id) => Terms.GetTerm(id);

    public virtual IEnumerable<EvalQuad> Match(int s, int p, int o, int g)
    {
        foreach (var q in Snapshot.Match(new IdPattern(s, p, o, g))) yield return new EvalQuad(q.S, q.P, q.O, q.G);
    }

    public virtual bool Contains(in EvalQuad quad) => Snapshot.Contains(new IdQuad(quad.S, quad.P, quad.O, quad.G));

    public virtual IQuadReader Read(int s, int p, int o, int g) => new SnapshotReader(Snapshot.Match(new IdPattern(s, p, o, g)));

    /// <summary>Reads the snapshot's scan directly: no enumerator interface between the index and a batch.</summary>
    private sealed class SnapshotReader(QuadScan scan) : IQuadReader
    {
        private QuadScan _scan = scan;

        // Both quad types are four ints in the same order, so the scan writes the evaluator's quads in place.
        public int Read(Span<EvalQuad> into) => _scan.Read(MemoryMarshal.Cast<EvalQuad, IdQuad>(into));
    }

    public virtual IEnumerable<int> NamedGraphs() =>
        Snapshot.Graphs().Select(g => g.Graph).Where(g => g != TermIds.DefaultGraph);

    public long Matches(Term? subject, Iri? predicate, Term? @object)
    {
        int s = TermIds.Any, p = TermIds.Any, o = TermIds.Any;
        if ((subject is not null && !Terms.TryGetId(subject, out s)) || (predicate is not null && !Terms.TryGetId(predicate, out p))
            || (@object is not null && !Terms.TryGetId(@object, out o)))
            return 0;
        return Snapshot.Cardinality(new IdPattern(s, p, o, TermIds.Any));
    }

    public (long Triples, long Subjects, long Objects)? Predicate(Iri predicate)
    {
        if (!Terms.TryGetId(predicate, out int p)) return (0, 0, 0);
        var stats = Snapshot.GetPredicateStatistics(p);
        return (stats.Triples, stats.DistinctSubjects, stats.DistinctObjects);
    }

    public long TotalQuads => Snapshot.Count;
}

/// <summary>
/// An update's view of the store: the snapshot it started from plus its own changes, published by
/// <see cref="Commit"/> in one step (readers see all of the request or none of it).
/// </summary>
public sealed class StoreTransaction(QuadStore store) : StoreDataset(store.Snapshot()), IUpdatableDataset
{
    private readonly HashSet<IdQuad> _added = [];
    private readonly HashSet<IdQuad> _removed = [];

    public int GetOrAddId(Term term) => store.Terms.GetOrAdd(term);

    public void Insert(in EvalQuad quad)
    {
        var q = new IdQuad(quad.S, quad.P, quad.O, quad.G);
        if (!_removed.Remove(q) && !Snapshot.Contains(q)) _added.Add(q);
    }

    public void Delete(in EvalQuad quad)
    {
        var q = new IdQuad(quad.S, quad.P, quad.O, quad.G);
        if (!_added.Remove(q) && Snapshot.Contains(q)) _removed.Add(q);
    }

    public override bool Contains(in EvalQuad quad)
    {
        var q = new IdQuad(quad.S, quad.P, quad.O, quad.G);
        return _added.Contains(q) || (!_removed.Contains(q) && Snapshot.Contains(q));
    }

    public override IEnumerable<EvalQuad> Match(int s, int p, int o, int g)
    {
        var pattern = new IdPattern(s, p, o, g);
        foreach (var q in Snapshot.Match(pattern))
            if (_removed.Count == 0 || !_removed.Contains(q)) yield return new EvalQuad(q.S, q.P, q.O, q.G);
        foreach (var q in _added.ToList())
            if (pattern.Matches(q)) yield return new EvalQuad(q.S, q.P, q.O, q.G);
    }

    /// <summary>Reads this transaction's own <see cref="Match"/>, which sees its changes.</summary>
    public override IQuadReader Read(int s, int p, int o, int g) => new QuadReader(Match(s, p, o, g));

    public override IEnumerable<int> NamedGraphs()
    {
        var graphs = new HashSet<int>();
        foreach (int g in base.NamedGraphs())
            if (Match(TermIds.Any, TermIds.Any, TermIds.Any, g).Any()) graphs.Add(g);
        foreach (var q in _added) if (q.G != TermIds.DefaultGraph) graphs.Add(q.G);
        return graphs;
    }

    /// <summary>Publishes the changes as one new store version.</summary>
    public void Commit() => store.Apply(_removed, _added);
}

/// <summary>SPARQL over a <see cref="QuadStore"/>: queries read the current snapshot, updates are atomic.</summary>
public static class StoreSparql
{
    public static QueryOutcome Query(this QuadStore store, GuidelineGraph.Sparql.Syntax.Algebra.Query query, QueryOptions? options = null, CancellationToken ct = default) =>
        QueryEvaluator.Evaluate(query, new StoreDataset(store.Snapshot()), options, ct);

    public static UpdateOutcome Update(this QuadStore store, GuidelineGraph.Sparql.Syntax.Algebra.UpdateRequest request, QueryOptions? options = null, CancellationToken ct = default)
    {
        var transaction = new StoreTransaction(store);
        var outcome = UpdateEvaluator.Execute(request, transaction, options, ct);
        if (outcome.Success) transaction.Commit();
        return outcome;
    }
}
