using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>A quad of term ids; <see cref="G"/> is <see cref="DatasetIds.DefaultGraph"/> in the default graph.</summary>
public readonly record struct IdQuad(int S, int P, int O, int G);

/// <summary>Reserved ids of the dataset interface (the same as the store's).</summary>
public static class DatasetIds
{
    /// <summary>"No term": an id no term has, and the result of looking up an unknown term.</summary>
    public const int None = 0;
    public const int DefaultGraph = 0;
    /// <summary>Any subject, predicate or object; as a graph, any graph.</summary>
    public const int Any = -1;
    /// <summary>As a graph: any named graph.</summary>
    public const int AnyNamed = -2;
}

/// <summary>
/// What the evaluator needs of a dataset: terms as positive ids, and the quads matching a pattern of ids.
/// Implementations must give equal terms equal ids, so joins compare ids and decode only for output and functions.
/// </summary>
public interface IQueryableDataset : IStatistics
{
    /// <summary>The id of a term, or <see cref="DatasetIds.None"/> when the dataset lacks it.</summary>
    int TryGetId(Term term);

    Term GetTerm(int id);

    /// <summary>Quads matching; s, p, o are ids or <see cref="DatasetIds.Any"/>; g is an id, default, any or any named.</summary>
    IEnumerable<IdQuad> Match(int s, int p, int o, int g);

    bool Contains(in IdQuad quad);

    /// <summary>The named graphs holding at least one quad.</summary>
    IEnumerable<int> NamedGraphs();

    /// <summary>The quads of <see cref="Match"/>, a chunk at a time, for batched scans; by default read from <see cref="Match"/>.</summary>
    IQuadReader Read(int s, int p, int o, int g) => new QuadReader(Match(s, p, o, g));
}

/// <summary>Matching quads handed out a chunk at a time.</summary>
public interface IQuadReader
{
    /// <summary>Fills <paramref name="into"/> from its start; returns how many quads it wrote, 0 once none are left.</summary>
    int Read(Span<IdQuad> into);
}

/// <summary>A reader over any sequence of quads.</summary>
public sealed class QuadReader(IEnumerable<IdQuad> quads) : IQuadReader
{
    private readonly IEnumerator<IdQuad> _quads = quads.GetEnumerator();

    public int Read(Span<IdQuad> into)
    {
        int n = 0;
        while (n < into.Length && _quads.MoveNext()) into[n++] = _quads.Current;
        return n;
    }
}

/// <summary>A dataset an update writes to: a transaction that the caller commits or drops as a whole.</summary>
public interface IUpdatableDataset : IQueryableDataset
{
    int GetOrAddId(Term term);

    void Insert(in IdQuad quad);

    void Delete(in IdQuad quad);
}
