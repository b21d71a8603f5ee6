using System.Diagnostics;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Functions;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>The graphs a pattern matches in: one graph, or the merge of several (FROM with many graphs).</summary>
internal sealed class GraphScope(int[] graphs)
{
    public int[] Graphs { get; } = graphs;
    public static GraphScope Single(int graph) => new([graph]);
}

/// <summary>
/// One run of a query or update: the dataset, the terms computed during the run (negative ids, so they
/// never match a stored quad), the checks for cancellation, timeout and result limits.
/// </summary>
internal sealed class Execution
{
    /// <summary>Computed terms get ids from here downwards; -1 and -2 are wildcards.</summary>
    private const int FirstLocalId = -16;

    private readonly Dictionary<Term, int> _localIds = [];
    private readonly List<Term> _localTerms = [];
    // Recently decoded terms, direct-mapped by id: repeats (join keys, sort keys, projected IRIs) decode once,
    // and a scan decoding every row costs one array slot, not a growing dictionary.
    private const int DecodedSlots = 1 << 12; // 64 KB: under the large-object threshold
    private readonly (int Id, Term? Term)[] _decoded = new (int, Term?)[DecodedSlots];
    private readonly CancellationToken _ct;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan? _timeout;
    private int _ticks;

    public Execution(IQueryableDataset dataset, QueryOptions options, CancellationToken ct, string? baseIri)
    {
        Dataset = dataset;
        Options = options;
        _ct = ct;
        _timeout = options.Timeout;
        Functions = new FunctionContext(options.Now ?? DateTimeOffset.Now, baseIri, regexes: RegexCache.Shared);
    }

    public IQueryableDataset Dataset { get; }
    /// <summary>The caller's cancellation, for work that waits outside the evaluator (a SERVICE call).</summary>
    public CancellationToken Cancellation => _ct;
    /// <summary>What is left of the timeout, or null without one.</summary>
    public TimeSpan? Remaining => _timeout is TimeSpan limit ? limit - _clock.Elapsed : null;
    public QueryOptions Options { get; }
    public FunctionContext Functions { get; }
    public BlankNodeScope BlankNodes { get; } = new();

    /// <summary>The default graph(s) of the query's dataset and its named graphs (null = all of the store's).</summary>
    public GraphScope DefaultGraph { get; set; } = GraphScope.Single(DatasetIds.DefaultGraph);
    public int[]? NamedGraphs { get; set; }

    public static bool IsLocal(int id) => id <= FirstLocalId;

    public int Encode(Term term)
    {
        int id = Dataset.TryGetId(term);
        if (id != DatasetIds.None) return id;
        if (_localIds.TryGetValue(term, out id)) return id;
        id = FirstLocalId - _localTerms.Count;
        _localTerms.Add(term);
        _localIds[term] = id;
        return id;
    }

    /// <summary>The id of a term if it exists anywhere (dataset or computed), else None.</summary>
    public int Lookup(Term term)
    {
        int id = Dataset.TryGetId(term);
        if (id != DatasetIds.None) return id;
        return _localIds.TryGetValue(term, out id) ? id : DatasetIds.None;
    }

    public Term Decode(int id)
    {
        if (id < 0) return _localTerms[FirstLocalId - id];
        ref var slot = ref _decoded[id & (DecodedSlots - 1)];
        if (slot.Id == id && slot.Term is { } t) return t;
        var term = Dataset.GetTerm(id);
        slot = (id, term);
        return term;
    }

    public Term? DecodeOrNull(int id) => id == DatasetIds.None ? null : Decode(id);

    /// <summary>Whether a node occurs in the scope's graphs, as a subject or an object.</summary>
    public bool InGraph(int node, GraphScope scope) =>
        Match(node, DatasetIds.Any, DatasetIds.Any, scope).Any() || Match(DatasetIds.Any, DatasetIds.Any, node, scope).Any();

    public int[] NamedGraphIds() => NamedGraphs ?? Dataset.NamedGraphs().ToArray();

    public bool IsNamedGraph(int id) => id > 0 && (NamedGraphs is null ? Dataset.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, id).Any() : Array.IndexOf(NamedGraphs, id) >= 0);

    /// <summary>Quads matching in the scope's graphs; over several graphs each triple once (RDF merge).</summary>
    public IEnumerable<IdQuad> Match(int s, int p, int o, GraphScope scope)
    {
        if (IsLocal(s) || IsLocal(p) || IsLocal(o)) return [];
        var graphs = scope.Graphs;
        if (graphs.Length == 1) return IsLocal(graphs[0]) ? [] : Dataset.Match(s, p, o, graphs[0]);
        return MatchMerged(s, p, o, graphs);
    }

    /// <summary><see cref="Match"/> a chunk at a time.</summary>
    public IQuadReader Read(int s, int p, int o, GraphScope scope)
    {
        var graphs = scope.Graphs;
        if (graphs.Length == 1 && !IsLocal(s) && !IsLocal(p) && !IsLocal(o) && !IsLocal(graphs[0])) return Dataset.Read(s, p, o, graphs[0]);
        return new QuadReader(Match(s, p, o, scope));
    }

    private IEnumerable<IdQuad> MatchMerged(int s, int p, int o, int[] graphs)
    {
        for (int i = 0; i < graphs.Length; i++)
        {
            if (IsLocal(graphs[i])) continue;
            foreach (var q in Dataset.Match(s, p, o, graphs[i]))
            {
                bool seen = false;
                for (int j = 0; j < i && !seen; j++) seen = Dataset.Contains(q with { G = graphs[j] });
                if (!seen) yield return q;
            }
        }
    }

    /// <summary>Called in every loop that may run long; cheap except every 1024th call.</summary>
    public void Tick()
    {
        if ((++_ticks & 1023) != 0) return;
        Check();
    }

    /// <summary>Stops the run if it was cancelled or ran past its timeout.</summary>
    public void Check()
    {
        if (_ct.IsCancellationRequested) throw new EvaluationException(new QueryError(QueryErrorKind.Cancelled, "the query was cancelled"));
        if (_timeout is TimeSpan limit && _clock.Elapsed > limit)
            throw new EvaluationException(new QueryError(QueryErrorKind.Timeout, $"the query ran past its timeout of {limit.TotalMilliseconds:0} ms"));
    }

    public void CheckResultCount(long count)
    {
        if (Options.MaxResults is long max && count > max)
            throw new EvaluationException(new QueryError(QueryErrorKind.TooManyResults, $"the query has more than {max} results"));
    }
}
