using GuidelineGraph.Sparql.Optimizer;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>How a query or update runs. Immutable; pass one per call.</summary>
public sealed record QueryOptions
{
    public static readonly QueryOptions Default = new();

    /// <summary>Stop with <see cref="QueryErrorKind.Timeout"/> after this long.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Stop with <see cref="QueryErrorKind.TooManyResults"/> past this many solutions or triples.</summary>
    public long? MaxResults { get; init; }

    /// <summary>
    /// SERVICE is off unless the endpoint IRI is listed here, with the dataset that answers for it.
    /// </summary>
    public IReadOnlyDictionary<string, IQueryableDataset> ServiceEndpoints { get; init; } = new Dictionary<string, IQueryableDataset>();

    /// <summary>
    /// Remote SERVICE endpoints, reached through this client for the endpoints it allows; null (the default)
    /// keeps SERVICE to <see cref="ServiceEndpoints"/>.
    /// </summary>
    public IServiceClient? RemoteServices { get; init; }

    /// <summary>Solutions sent per SERVICE request as a VALUES block.</summary>
    public int ServiceBatchSize { get; init; } = 100;

    /// <summary>LOAD reads only file: IRIs under this directory; null forbids LOAD.</summary>
    public string? LoadRoot { get; init; }

    /// <summary>Keep per-operator counters for EXPLAIN.</summary>
    public bool CollectStatistics { get; init; }

    public PlannerOptions Planner { get; init; } = PlannerOptions.Default;

    /// <summary>
    /// Scans, hash joins and groups pass batches of id rows; off, every operator runs a row at a time (the
    /// reference the batched operators are tested against).
    /// </summary>
    public bool Vectorized { get; init; } = true;

    /// <summary>NOW() of the run; the clock when null.</summary>
    public DateTimeOffset? Now { get; init; }
}

/// <summary>The closed set of reasons an evaluation stops.</summary>
public enum QueryErrorKind
{
    Cancelled, Timeout, TooManyResults, ServiceNotAllowed, ServiceFailed, LoadNotAllowed, LoadFailed,
    GraphAlreadyExists, GraphDoesNotExist,
}

public sealed record QueryError(QueryErrorKind Kind, string Message)
{
    public override string ToString() => Message;
}

/// <summary>Carries a <see cref="QueryError"/> out of the iterators to the entry point that returns it.</summary>
internal sealed class EvaluationException(QueryError error) : Exception(error.Message)
{
    public QueryError Error { get; } = error;
}
