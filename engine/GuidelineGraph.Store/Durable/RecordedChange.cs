using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Store.Sparql;
using EvalQuad = GuidelineGraph.Sparql.Evaluator.IdQuad;

namespace GuidelineGraph.Store.Durable;

/// <summary>
/// One request inside a group commit's transaction: it keeps its own net effect (quads that left and entered the
/// dataset), so the change can be logged before it is published, and it can be undone alone when the request fails
/// while the requests before it in the group stay. Blank nodes new to the store get a label unique to this process
/// (<paramref name="blankNodePrefix"/> + the fresh label), because fresh labels restart at b1 in every process and
/// would otherwise meet the replayed ones after a restart.
/// </summary>
internal sealed class RecordedChange(StoreTransaction transaction, string blankNodePrefix) : IUpdatableDataset
{
    private readonly StoreTransaction _transaction = transaction;
    private readonly HashSet<EvalQuad> _added = [];
    private readonly HashSet<EvalQuad> _removed = [];

    public bool IsEmpty => _added.Count == 0 && _removed.Count == 0;

    public int GetOrAddId(Term term)
    {
        if (term is BlankNode b && _transaction.TryGetId(term) == DatasetIds.None) term = new BlankNode(blankNodePrefix + b.Id);
        return _transaction.GetOrAddId(term);
    }

    public void Insert(in EvalQuad quad)
    {
        if (_transaction.Contains(quad)) return;
        _transaction.Insert(quad);
        if (!_removed.Remove(quad)) _added.Add(quad);
    }

    public void Delete(in EvalQuad quad)
    {
        if (!_transaction.Contains(quad)) return;
        _transaction.Delete(quad);
        if (!_added.Remove(quad)) _removed.Add(quad);
    }

    public ChangeSet ToChangeSet() => new(_removed.Select(Decode).ToList(), _added.Select(Decode).ToList());

    /// <summary>Takes this request's changes back out of the shared transaction.</summary>
    public void Rollback()
    {
        foreach (var q in _added) _transaction.Delete(q);
        foreach (var q in _removed) _transaction.Insert(q);
        _added.Clear();
        _removed.Clear();
    }

    private Quad Decode(EvalQuad q) => new(GetTerm(q.S), (Iri)GetTerm(q.P), GetTerm(q.O), q.G == DatasetIds.DefaultGraph ? null : GetTerm(q.G));

    public int TryGetId(Term term) => _transaction.TryGetId(term);
    public Term GetTerm(int id) => _transaction.GetTerm(id);
    public IEnumerable<EvalQuad> Match(int s, int p, int o, int g) => _transaction.Match(s, p, o, g);
    public bool Contains(in EvalQuad quad) => _transaction.Contains(quad);
    public IEnumerable<int> NamedGraphs() => _transaction.NamedGraphs();
    public long Matches(Term? subject, Iri? predicate, Term? @object) => _transaction.Matches(subject, predicate, @object);
    public (long Triples, long Subjects, long Objects)? Predicate(Iri predicate) => _transaction.Predicate(predicate);
    public long TotalQuads => _transaction.TotalQuads;
}
