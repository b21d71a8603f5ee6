using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// SERVICE: evaluates the inner pattern against the dataset registered for the endpoint in
/// <see cref="QueryOptions.ServiceEndpoints"/>, or sends it to a remote endpoint that
/// <see cref="QueryOptions.RemoteServices"/> allows, written as SPARQL with the solutions it must join as a VALUES
/// block. Any other endpoint is refused; SILENT turns a refusal or a failure into one empty solution.
/// </summary>
internal sealed class ServiceOp : Op
{
    private readonly ServiceNode _plan;
    private readonly Position _endpoint;
    private readonly SlotMap _shape;
    // The pattern's own variables (not generated ones), which a remote answer binds, and their slots.
    private readonly ImmutableArray<Variable> _variables;
    private readonly int[] _slots;
    // Answers already fetched in this run, by endpoint and query text: a nested-loop join asks again per row.
    private readonly Dictionary<(string Endpoint, string Query), List<int[]>> _answers = [];

    /// <param name="innerSlots">The slots the pattern may bind (what a join with it merges).</param>
    public ServiceOp(ServiceNode plan, Position endpoint, int[] innerSlots, SlotMap shape) : base(plan)
    {
        _plan = plan;
        _endpoint = endpoint;
        InnerSlots = innerSlots;
        _shape = shape;
        _variables = [.. AlgebraBuilder.InScope(plan.Pattern).Where(v => !v.IsGenerated)];
        _slots = [.. _variables.Select(v => shape[v])];
    }

    public int[] InnerSlots { get; }

    public override IReadOnlyList<Op> Children => [];
    public override string Describe(SlotMap slots) => $"Service {_plan.Endpoint}{(_plan.Silent ? " silent" : "")}";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex) => Answer([seed], ex);

    /// <summary>
    /// The service's solutions compatible with some of <paramref name="solutions"/> (all of them when these bind
    /// nothing the pattern uses), not yet merged with them. One remote request per call.
    /// </summary>
    public List<int[]> Answer(IReadOnlyList<int[]> solutions, Execution ex)
    {
        int id = _endpoint.Value(solutions[0]);
        var iri = id == 0 ? null : ex.Decode(id) as Iri;
        if (iri is not null && ex.Options.ServiceEndpoints.TryGetValue(iri.Value, out var local)) return Local(iri, local, ex);
        if (iri is not null && ex.Options.RemoteServices is { } remote && remote.Allows(iri)) return Remote(iri, remote, solutions, ex);
        if (_plan.Silent) return [new int[_shape.Width]];
        throw new EvaluationException(new QueryError(QueryErrorKind.ServiceNotAllowed,
            iri is null ? "SERVICE needs an IRI endpoint" : $"SERVICE {iri} is not allowed: only endpoints on the allowlist are queried"));
    }

    private List<int[]> Local(Iri iri, IQueryableDataset dataset, Execution ex)
    {
        if (_answers.TryGetValue((iri.Value, ""), out var known)) return known;
        var outcome = QueryEvaluator.Evaluate(new SelectQuery(_plan.Pattern, null, null), dataset, ex.Options with { CollectStatistics = false }, ex.Cancellation);
        var rows = outcome.Error is { } error ? Failed(iri, error.Message) : Rows(outcome.Results!, ex);
        _answers[(iri.Value, "")] = rows;
        return rows;
    }

    private List<int[]> Remote(Iri iri, IServiceClient remote, IReadOnlyList<int[]> solutions, Execution ex)
    {
        string query = SparqlWriter.Write(new SelectQuery(new Project(WithValues(solutions, ex), _variables), null, null));
        if (_answers.TryGetValue((iri.Value, query), out var known)) return known;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ex.Cancellation);
        if (ex.Remaining is TimeSpan left) timeout.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        List<int[]> rows;
        try
        {
            rows = Rows(remote.Select(iri, query, timeout.Token), ex);
        }
        catch (ServiceCallException e)
        {
            rows = Failed(iri, e.Message);
        }
        catch (OperationCanceledException)
        {
            // The caller's cancellation or the query's timeout, whichever it was; else the wait was cut short anyway.
            ex.Check();
            throw new EvaluationException(new QueryError(QueryErrorKind.Cancelled, $"SERVICE {iri} was cancelled"));
        }
        _answers[(iri.Value, query)] = rows;
        return rows;
    }

    /// <summary>The pattern joined with the distinct bindings the solutions give its variables (UNDEF where unbound).</summary>
    private GraphPattern WithValues(IReadOnlyList<int[]> solutions, Execution ex)
    {
        var bound = Enumerable.Range(0, _variables.Length).Where(i => solutions.Any(s => s[_slots[i]] != 0)).ToArray();
        if (bound.Length == 0) return _plan.Pattern;
        var rows = new List<ImmutableArray<Term?>>();
        var seen = new HashSet<string>();
        foreach (var s in solutions)
        {
            var row = bound.Select(i => Sendable(s[_slots[i]], ex)).ToImmutableArray();
            if (seen.Add(string.Join('\n', row.Select(t => t?.ToString())))) rows.Add(row);
        }
        return new Join(_plan.Pattern, new Table([.. bound.Select(i => _variables[i])], [.. rows]));
    }

    /// <summary>A bound value as VALUES can carry it; a blank node stands for itself in this dataset only, so it goes as UNDEF.</summary>
    private static Term? Sendable(int id, Execution ex) => id == 0 ? null : ex.Decode(id) is var t && t is BlankNode ? null : t;

    private List<int[]> Failed(Iri iri, string message)
    {
        if (_plan.Silent) return [new int[_shape.Width]];
        throw new EvaluationException(new QueryError(QueryErrorKind.ServiceFailed, $"SERVICE {iri}: {message}"));
    }

    private List<int[]> Rows(QueryResults results, Execution ex)
    {
        var slots = results.Variables.Select(name => _variables.IndexOf(new Variable(name)) is int i and >= 0 ? _slots[i] : -1).ToArray();
        var rows = new List<int[]>(results.Rows.Count);
        foreach (var r in results.Rows)
        {
            ex.Tick();
            var row = new int[_shape.Width];
            for (int i = 0; i < r.Length; i++) if (slots[i] >= 0 && r[i] is { } t) row[slots[i]] = ex.Encode(t);
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>
/// A join whose right side is a SERVICE at a constant endpoint: the left solutions go in batches of
/// <see cref="QueryOptions.ServiceBatchSize"/>, each batch one request that carries their bindings as VALUES, so the
/// remote side answers only what can join.
/// </summary>
internal sealed class ServiceJoinOp(JoinNode plan, Op left, ServiceOp service) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, service];
    public override string Describe(SlotMap slots) => "ServiceJoin";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        int size = Math.Max(1, ex.Options.ServiceBatchSize);
        var batch = new List<int[]>(size);
        foreach (var l in left.Run(seed, graph, ex))
        {
            batch.Add(l);
            if (batch.Count < size) continue;
            foreach (var row in Joined(batch, ex)) yield return row;
            batch = new List<int[]>(size);
        }
        if (batch.Count > 0) foreach (var row in Joined(batch, ex)) yield return row;
    }

    private IEnumerable<int[]> Joined(List<int[]> batch, Execution ex)
    {
        var answers = service.Answer(batch, ex);
        foreach (var l in batch)
            foreach (var a in answers)
                if (Merge(l, a, service.InnerSlots) is { } merged) yield return merged;
    }
}
