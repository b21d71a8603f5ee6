using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>The outcome of an update request: the number of quads it removed and added, or the error that stopped it.</summary>
public sealed record UpdateOutcome(long Removed, long Added, QueryError? Error)
{
    public bool Success => Error is null;
}

/// <summary>
/// Runs the operations of a request in order against a transaction. The caller commits the transaction only
/// when the outcome has no error, so a request applies entirely or not at all.
/// </summary>
public static class UpdateEvaluator
{
    public static UpdateOutcome Execute(UpdateRequest request, IUpdatableDataset dataset, QueryOptions? options = null, CancellationToken ct = default)
    {
        options ??= QueryOptions.Default;
        var run = new UpdateRun(dataset, options, ct, request.BaseIri);
        try
        {
            foreach (var op in request.Operations) run.Apply(op);
        }
        catch (EvaluationException e)
        {
            return new UpdateOutcome(run.Removed, run.Added, e.Error);
        }
        return new UpdateOutcome(run.Removed, run.Added, null);
    }

    private sealed class UpdateRun(IUpdatableDataset dataset, QueryOptions options, CancellationToken ct, string? baseIri)
    {
        /// <summary>Graphs created by CREATE and still empty; the dataset itself only knows non-empty graphs.</summary>
        private readonly HashSet<int> _created = [];

        public long Removed, Added;

        public void Apply(UpdateOperation op)
        {
            if (ct.IsCancellationRequested) throw new EvaluationException(new QueryError(QueryErrorKind.Cancelled, "the update was cancelled"));
            switch (op)
            {
                case InsertData insert:
                {
                    var blank = new Dictionary<string, BlankNode>();
                    foreach (var q in insert.Data) Insert(FreshBlankNodes(q, blank));
                    break;
                }
                case DeleteData delete:
                    foreach (var q in delete.Data) Delete(q);
                    break;
                case DeleteInsert modify:
                    Modify(modify);
                    break;
                case Load load:
                    LoadFile(load);
                    break;
                case Clear clear:
                    foreach (int g in Targets(clear.Target, clear.Silent)) ClearGraph(g);
                    break;
                case Drop drop:
                    foreach (int g in Targets(drop.Target, drop.Silent))
                    {
                        ClearGraph(g);
                        _created.Remove(g);
                    }
                    break;
                case Create create:
                {
                    int g = dataset.GetOrAddId(create.Graph);
                    if (GraphExists(g))
                    {
                        if (!create.Silent) throw Error(QueryErrorKind.GraphAlreadyExists, $"graph {create.Graph} already exists");
                    }
                    else _created.Add(g);
                    break;
                }
                case Transfer transfer:
                    Transfer(transfer);
                    break;
            }
        }

        private static Quad FreshBlankNodes(Quad q, Dictionary<string, BlankNode> blank)
        {
            Term Map(Term t) => t is BlankNode b ? (blank.TryGetValue(b.Id, out var n) ? n : blank[b.Id] = BlankNode.Fresh()) : t;
            return new Quad(Map(q.Subject), q.Predicate, Map(q.Object), q.Graph);
        }

        private void Insert(Quad q)
        {
            var ids = new IdQuad(dataset.GetOrAddId(q.Subject), dataset.GetOrAddId(q.Predicate), dataset.GetOrAddId(q.Object),
                q.Graph is null ? DatasetIds.DefaultGraph : dataset.GetOrAddId(q.Graph));
            if (dataset.Contains(ids)) return;
            dataset.Insert(ids);
            Added++;
        }

        private void Delete(Quad q)
        {
            int s = dataset.TryGetId(q.Subject), p = dataset.TryGetId(q.Predicate), o = dataset.TryGetId(q.Object);
            int g = q.Graph is null ? DatasetIds.DefaultGraph : dataset.TryGetId(q.Graph);
            if (s == 0 || p == 0 || o == 0 || (q.Graph is not null && g == 0)) return;
            var ids = new IdQuad(s, p, o, g);
            if (!dataset.Contains(ids)) return;
            dataset.Delete(ids);
            Removed++;
        }

        private bool GraphExists(int g) =>
            g == DatasetIds.DefaultGraph || _created.Contains(g) || dataset.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, g).Any();

        private IEnumerable<int> Targets(GraphTarget target, bool silent)
        {
            switch (target.Kind)
            {
                case GraphTargetKind.Default: return [DatasetIds.DefaultGraph];
                case GraphTargetKind.Named: return dataset.NamedGraphs().Concat(_created).Distinct().ToList();
                case GraphTargetKind.All: return dataset.NamedGraphs().Concat(_created).Append(DatasetIds.DefaultGraph).Distinct().ToList();
                default:
                {
                    int g = dataset.TryGetId(target.Graph!);
                    if (g != 0 && GraphExists(g)) return [g];
                    if (!silent) throw Error(QueryErrorKind.GraphDoesNotExist, $"graph {target.Graph} does not exist");
                    return [];
                }
            }
        }

        private void ClearGraph(int g)
        {
            foreach (var q in dataset.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, g).ToList())
            {
                dataset.Delete(q);
                Removed++;
            }
        }

        private void Transfer(Transfer t)
        {
            int source = t.Source is null ? DatasetIds.DefaultGraph : dataset.TryGetId(t.Source);
            if (t.Source is not null && (source == 0 || !GraphExists(source)))
            {
                if (t.Silent) return;
                throw Error(QueryErrorKind.GraphDoesNotExist, $"graph {t.Source} does not exist");
            }
            int destination = t.Destination is null ? DatasetIds.DefaultGraph : dataset.GetOrAddId(t.Destination);
            if (source == destination) return;
            var quads = dataset.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, source).ToList();
            if (t.Kind != TransferKind.Add) ClearGraph(destination);
            foreach (var q in quads)
            {
                var copy = q with { G = destination };
                if (dataset.Contains(copy)) continue;
                dataset.Insert(copy);
                Added++;
            }
            if (destination != DatasetIds.DefaultGraph) _created.Add(destination);
            if (t.Kind == TransferKind.Move)
            {
                ClearGraph(source);
                _created.Remove(source);
            }
        }

        private void Modify(DeleteInsert m)
        {
            var ex = new Execution(dataset, options, ct, baseIri);
            if (m.Using is { } usingDataset) QueryEvaluator.ApplyDataset(ex, usingDataset);
            else if (m.With is { } with) ex.DefaultGraph = GraphScope.Single(ex.Encode(with));
            var plan = Planner.Plan(m.Pattern, dataset, options.Planner);
            var slots = new SlotMap();
            var root = new PlanCompiler(slots, ex).Compile(plan);
            // Every solution first: the pattern sees the data as it was before this operation.
            var solutions = root.Run(new int[slots.Width], ex.DefaultGraph, ex).ToList();
            var deletes = new List<Quad>();
            var inserts = new List<Quad>();
            foreach (var row in solutions)
            {
                Instantiate(m.Delete, row, slots, ex, m.With, deletes, blankAllowed: false);
                Instantiate(m.Insert, row, slots, ex, m.With, inserts, blankAllowed: true);
            }
            foreach (var q in deletes) Delete(q);
            foreach (var q in inserts) Insert(q);
        }

        private static void Instantiate(IEnumerable<QuadPattern> template, int[] row, SlotMap slots, Execution ex, Iri? with, List<Quad> into, bool blankAllowed)
        {
            var blank = new Dictionary<string, BlankNode>();
            foreach (var t in template)
            {
                var s = QueryEvaluator.Instantiate(t.Subject, row, slots, ex, blank);
                var p = QueryEvaluator.Instantiate(t.Predicate, row, slots, ex, blank);
                var o = QueryEvaluator.Instantiate(t.Object, row, slots, ex, blank);
                Term? g = t.Graph is null ? with : QueryEvaluator.Instantiate(t.Graph, row, slots, ex, blank);
                if (s is null or Literal || p is not Iri pi || o is null) continue;
                if (t.Graph is not null && g is not Iri) continue;
                if (!blankAllowed && (t.Subject is TermConstant { Term: BlankNode } || t.Object is TermConstant { Term: BlankNode })) continue;
                into.Add(new Quad(s, pi, o, g));
            }
        }

        private void LoadFile(Load load)
        {
            try
            {
                if (options.LoadRoot is not { } root)
                    throw Error(QueryErrorKind.LoadNotAllowed, $"LOAD {load.Source} is not allowed: no load root is configured");
                if (!Uri.TryCreate(load.Source.Value, UriKind.Absolute, out var uri) || !uri.IsFile)
                    throw Error(QueryErrorKind.LoadNotAllowed, $"LOAD {load.Source}: only file: IRIs under the load root are read");
                var path = Path.GetFullPath(uri.LocalPath);
                var rootPath = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
                if (!path.StartsWith(rootPath, StringComparison.Ordinal))
                    throw Error(QueryErrorKind.LoadNotAllowed, $"LOAD {load.Source}: {path} is outside the load root {rootPath}");
                var format = RdfFormats.FromExtension(path)
                    ?? throw Error(QueryErrorKind.LoadFailed, $"LOAD {load.Source}: cannot tell the RDF format from the extension");
                List<Quad> quads;
                try
                {
                    using var stream = File.OpenRead(path);
                    quads = RdfReader.Read(stream, new RdfReadOptions { Format = format, BaseIri = load.Source.Value }, ct).ToList();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or RdfSyntaxException)
                {
                    throw Error(QueryErrorKind.LoadFailed, $"LOAD {load.Source}: {e.Message}");
                }
                var blank = new Dictionary<string, BlankNode>();
                foreach (var q in quads)
                    Insert(FreshBlankNodes(load.Destination is null ? q : q with { Graph = load.Destination }, blank));
                if (load.Destination is not null) _created.Add(dataset.GetOrAddId(load.Destination));
            }
            catch (EvaluationException) when (load.Silent)
            {
            }
        }

        private static EvaluationException Error(QueryErrorKind kind, string message) => new(new QueryError(kind, message));
    }
}
