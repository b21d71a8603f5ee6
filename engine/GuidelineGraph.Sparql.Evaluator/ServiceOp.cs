using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// SERVICE: evaluates the inner pattern against the dataset registered for the endpoint in
/// <see cref="QueryOptions.ServiceEndpoints"/>; any other endpoint is refused (SILENT: one empty solution).
/// </summary>
internal sealed class ServiceOp(ServiceNode plan, Position endpoint, int[] innerSlots, SlotMap shape) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [];
    public override string Describe(SlotMap slots) => $"Service {plan.Endpoint}{(plan.Silent ? " silent" : "")}";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        int id = endpoint.Value(seed);
        var iri = id == 0 ? null : ex.Decode(id) as Iri;
        if (iri is null || !ex.Options.ServiceEndpoints.TryGetValue(iri.Value, out var remote))
        {
            if (plan.Silent) return [new int[shape.Width]];
            throw new EvaluationException(new QueryError(QueryErrorKind.ServiceNotAllowed,
                iri is null ? "SERVICE needs an IRI endpoint" : $"SERVICE {iri} is not allowed: only endpoints on the allowlist are queried"));
        }
        var outcome = QueryEvaluator.Evaluate(new SelectQuery(plan.Pattern, null, null), remote, ex.Options with { CollectStatistics = false });
        if (outcome.Error is { } error)
        {
            if (plan.Silent) return [new int[shape.Width]];
            throw new EvaluationException(new QueryError(QueryErrorKind.ServiceFailed, $"SERVICE {iri}: {error.Message}"));
        }
        var results = outcome.Results!;
        var slots = new Dictionary<int, int>();
        for (int i = 0; i < results.Variables.Count; i++) slots[i] = shape[new Variable(results.Variables[i])];
        var rows = new List<int[]>();
        foreach (var r in results.Rows)
        {
            var row = new int[shape.Width];
            for (int i = 0; i < r.Length; i++) if (r[i] is { } t) row[slots[i]] = ex.Encode(t);
            rows.Add(row);
        }
        return rows;
    }
}
