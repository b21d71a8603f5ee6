using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>The answer to a query: solutions or a boolean (<see cref="Results"/>), or a graph (CONSTRUCT, DESCRIBE), or an error.</summary>
public sealed class QueryOutcome
{
    internal QueryOutcome(PlanNode plan, QueryResults? results, IReadOnlyList<Triple>? graph, QueryError? error, string explain)
    {
        Plan = plan;
        Results = results;
        Graph = graph;
        Error = error;
        Explain = explain;
    }

    public PlanNode Plan { get; }
    public QueryResults? Results { get; }
    public IReadOnlyList<Triple>? Graph { get; }
    public QueryError? Error { get; }

    /// <summary>The plan with estimated and, when statistics were collected, actual rows per operator.</summary>
    public string Explain { get; }

    /// <summary>Solutions or triples produced.</summary>
    public long Count => Graph?.Count ?? Results?.Rows.Count ?? 0;
}

/// <summary>Entry point: plan a query against a dataset, run it to completion, return the outcome.</summary>
public static class QueryEvaluator
{
    public static QueryOutcome Evaluate(Query query, IQueryableDataset dataset, QueryOptions? options = null, CancellationToken ct = default)
    {
        options ??= QueryOptions.Default;
        var plan = Planner.Plan(query.Pattern, dataset, options.Planner);
        var ex = new Execution(dataset, options, ct, query.BaseIri);
        ApplyDataset(ex, query.Dataset);
        var slots = new SlotMap();
        var compiler = new PlanCompiler(slots, ex);
        var root = compiler.Compile(plan);
        QueryResults? results = null;
        IReadOnlyList<Triple>? graph = null;
        QueryError? error = null;
        try
        {
            var solutions = root.Run(new int[slots.Width], ex.DefaultGraph, ex);
            switch (query)
            {
                case AskQuery:
                    results = QueryResults.FromBoolean(solutions.Any());
                    break;
                case ConstructQuery c:
                    graph = Construct(c.Template, solutions, slots, ex);
                    break;
                case DescribeQuery d:
                    graph = Describe(d.Targets, solutions, slots, ex);
                    break;
                default:
                    results = Select(plan, query.Pattern, solutions, slots, ex);
                    break;
            }
        }
        catch (EvaluationException e)
        {
            error = e.Error;
        }
        return new QueryOutcome(plan, results, graph, error, ExplainText(root, compiler.ExistsOps, slots));
    }

    internal static void ApplyDataset(Execution ex, Dataset? dataset)
    {
        if (dataset is null) return;
        ex.DefaultGraph = new GraphScope(dataset.DefaultGraphs.Select(g => ex.Encode(g)).Distinct().ToArray() is { Length: > 0 } ids
            ? ids : [ex.Encode(new Iri("urn:x-guidelinegraph:empty-default-graph"))]);
        ex.NamedGraphs = dataset.NamedGraphs.Select(g => ex.Lookup(g)).Where(id => id > 0).Distinct().ToArray();
    }

    private static QueryResults Select(PlanNode plan, GraphPattern pattern, IEnumerable<int[]> solutions, SlotMap slots, Execution ex)
    {
        var projected = ProjectedVariables(plan) ?? AlgebraBuilder.InScope(pattern).ToList();
        var indexes = projected.Select(v => slots[v]).ToArray();
        var rows = new List<Term?[]>();
        foreach (var s in solutions)
        {
            var row = new Term?[indexes.Length];
            for (int i = 0; i < indexes.Length; i++) row[i] = ex.DecodeOrNull(s[indexes[i]]);
            rows.Add(row);
            ex.CheckResultCount(rows.Count);
        }
        return QueryResults.FromSolutions(projected.Select(v => v.Name).ToArray(), rows);
    }

    private static IReadOnlyList<Variable>? ProjectedVariables(PlanNode plan) => plan switch
    {
        ProjectNode p => p.Variables,
        SliceNode s => ProjectedVariables(s.Inner),
        DistinctNode d => ProjectedVariables(d.Inner),
        ReducedNode r => ProjectedVariables(r.Inner),
        _ => null,
    };

    /// <summary>Template instances per solution; blank nodes fresh per solution; unbound or ill-placed terms drop the triple.</summary>
    internal static List<Triple> Construct(IEnumerable<TriplePattern> template, IEnumerable<int[]> solutions, SlotMap slots, Execution ex)
    {
        var seen = new HashSet<Triple>();
        var triples = new List<Triple>();
        foreach (var row in solutions)
        {
            var blank = new Dictionary<string, BlankNode>();
            foreach (var t in template)
            {
                var s = Instantiate(t.Subject, row, slots, ex, blank);
                var p = Instantiate(t.Predicate, row, slots, ex, blank);
                var o = Instantiate(t.Object, row, slots, ex, blank);
                if (s is null or Literal || p is not Iri pi || o is null) continue;
                var triple = new Triple(s, pi, o);
                if (seen.Add(triple))
                {
                    triples.Add(triple);
                    ex.CheckResultCount(triples.Count);
                }
            }
        }
        return triples;
    }

    internal static Term? Instantiate(TermPattern t, int[] row, SlotMap slots, Execution ex, Dictionary<string, BlankNode> blank) => t switch
    {
        Variable v => slots.TryGetSlot(v, out int slot) && slot < row.Length ? ex.DecodeOrNull(row[slot]) : null,
        TermConstant { Term: BlankNode b } => blank.TryGetValue(b.Id, out var fresh) ? fresh : blank[b.Id] = BlankNode.Fresh(),
        TermConstant c => c.Term,
        _ => null,
    };

    /// <summary>DESCRIBE: each resource's triples as subject, following blank-node objects (a concise bounded description).</summary>
    private static List<Triple> Describe(IEnumerable<TermPattern> targets, IEnumerable<int[]> solutions, SlotMap slots, Execution ex)
    {
        var resources = new List<int>();
        var targetList = targets.ToList();
        foreach (var t in targetList.OfType<TermConstant>())
            if (ex.Lookup(t.Term) is var id && id > 0) resources.Add(id);
        var variables = targetList.OfType<Variable>().Select(v => slots[v]).ToArray();
        if (variables.Length > 0)
            foreach (var row in solutions)
                foreach (int slot in variables)
                    if (row[slot] > 0) resources.Add(row[slot]);
        var triples = new List<Triple>();
        var visited = new HashSet<int>();
        var queue = new Queue<int>(resources);
        while (queue.Count > 0)
        {
            int r = queue.Dequeue();
            if (!visited.Add(r)) continue;
            foreach (var q in ex.Match(r, DatasetIds.Any, DatasetIds.Any, ex.DefaultGraph))
            {
                ex.Tick();
                triples.Add(new Triple(ex.Decode(q.S), (Iri)ex.Decode(q.P), ex.Decode(q.O)));
                if (ex.Decode(q.O) is BlankNode) queue.Enqueue(q.O);
            }
        }
        return triples;
    }

    private static string ExplainText(Op root, IReadOnlyList<Op> existsOps, SlotMap slots)
    {
        var sb = new StringBuilder();
        void Write(Op op, int depth)
        {
            sb.Append(' ', depth * 2).Append(op.Describe(slots))
                .Append(FormattableString.Invariant($"  [est {op.Plan.Estimate:0.#}, actual {op.Rows} rows in {op.Calls} calls]")).Append('\n');
            foreach (var c in op.Children) Write(c, depth + 1);
        }
        Write(root, 0);
        foreach (var e in existsOps)
        {
            sb.Append("EXISTS:\n");
            Write(e, 1);
        }
        return sb.ToString();
    }
}
