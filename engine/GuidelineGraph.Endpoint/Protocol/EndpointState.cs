using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Remote;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Store.Durable;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>What every operation shares: the store, its writer, the options and the limits they imply.</summary>
internal sealed class EndpointState(DurableStore store, EndpointOptions options) : IDisposable
{
    private readonly SemaphoreSlim _evaluations = new(Math.Max(1, options.MaxConcurrentEvaluations));

    public DurableStore Store { get; } = store;
    public EndpointOptions Options { get; } = options;
    public WriteAuthorization Writes { get; } = new(options.UpdateToken);
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public QueryOptions EvaluationOptions { get; } = new()
    {
        Timeout = options.QueryTimeout,
        MaxResults = options.MaxResultRows,
        LoadRoot = options.LoadRoot is null ? null : Path.GetFullPath(options.LoadRoot),
        RemoteServices = options.ServiceAllowlist.Count == 0 ? null : new RemoteServices(options.ServiceAllowlist, options.ServiceTimeout),
    };

    /// <summary>Runs an evaluation on the thread pool once one of <see cref="EndpointOptions.MaxConcurrentEvaluations"/> turns is free.</summary>
    public async Task<T> EvaluateAsync<T>(Func<T> evaluate, CancellationToken ct)
    {
        await _evaluations.WaitAsync(ct);
        try
        {
            return await Task.Run(evaluate, ct);
        }
        finally
        {
            _evaluations.Release();
        }
    }

    public void Dispose()
    {
        _evaluations.Dispose();
        (EvaluationOptions.RemoteServices as IDisposable)?.Dispose();
    }

    /// <summary>The client-facing form of an evaluation error.</summary>
    public Problem ProblemFor(QueryError error) => error.Kind switch
    {
        QueryErrorKind.Timeout => new(StatusCodes.Status503ServiceUnavailable, "Query timeout",
            $"{error.Message} (this server stops queries after {Options.QueryTimeout.TotalSeconds:0.###} s)"),
        QueryErrorKind.TooManyResults => new(StatusCodes.Status422UnprocessableEntity, "Too many results",
            $"{error.Message} (this server returns at most {Options.MaxResultRows} rows; add LIMIT or narrow the query)"),
        QueryErrorKind.ServiceNotAllowed or QueryErrorKind.LoadNotAllowed => new(StatusCodes.Status403Forbidden, "Not allowed", error.Message),
        QueryErrorKind.ServiceFailed => new(StatusCodes.Status502BadGateway, "Remote service failed", error.Message),
        QueryErrorKind.LoadFailed => Problem.BadRequest(error.Message),
        QueryErrorKind.GraphAlreadyExists => new(StatusCodes.Status409Conflict, "Graph exists", error.Message),
        QueryErrorKind.GraphDoesNotExist => new(StatusCodes.Status404NotFound, "No such graph", error.Message),
        _ => new(StatusCodes.Status503ServiceUnavailable, "Cancelled", error.Message),
    };
}
