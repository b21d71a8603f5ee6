using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Functions;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;
using GuidelineGraph.Testing;
using Xunit.Abstractions;

namespace GuidelineGraph.Sparql.Tests;

/// <summary>
/// Every query and update evaluation entry of the W3C SPARQL 1.0 (data-r2) and 1.1 manifests as one case,
/// named by its test id. Known failures (known-failures.txt) run too and must still fail.
/// </summary>
public sealed class W3cEvaluationTests(ITestOutputHelper output)
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private const string Rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";

    /// <summary>The manifests evaluated, and those excluded with the reason (they need an endpoint or a network).</summary>
    private static readonly string[] Manifests =
    [
        "sparql10/manifest-evaluation.ttl", "sparql11/manifest-sparql11-query.ttl", "sparql11/manifest-sparql11-update.ttl",
        "sparql11/manifest-sparql11-results.ttl",
    ];

    public static readonly IReadOnlyDictionary<string, string> ExcludedSuites = new Dictionary<string, string>
    {
        ["sparql11/entailment"] = "entailment regimes (RDFS, OWL, D) are not part of this engine",
        ["sparql11/protocol"] = "SPARQL protocol tests need an HTTP endpoint",
        ["sparql11/http-rdf-update"] = "graph store protocol tests need an HTTP endpoint",
        ["sparql11/graph-store-protocol"] = "graph store protocol tests need an HTTP endpoint",
        ["sparql11/service"] = "SERVICE tests need remote endpoints on the network",
        ["sparql11/service-description"] = "service description tests need an HTTP endpoint",
    };

    private static readonly Lazy<Dictionary<string, W3cTestEntry>> Entries = new(() =>
    {
        var sparql = Path.Combine(TestPaths.W3c, "sparql");
        var entries = new Dictionary<string, W3cTestEntry>(StringComparer.Ordinal);
        foreach (var manifest in Manifests)
        {
            foreach (var entry in W3cManifest.Load(Path.Combine(sparql, manifest)))
            {
                if (!entry.Type.EndsWith("QueryEvaluationTest", StringComparison.Ordinal)
                    && !entry.Type.EndsWith("UpdateEvaluationTest", StringComparison.Ordinal)
                    && !entry.Type.EndsWith("CSVResultFormatTest", StringComparison.Ordinal))
                    continue;
                entries.TryAdd(IdOf(sparql, entry), entry);
            }
        }
        return entries;
    });

    private static string IdOf(string root, W3cTestEntry entry)
    {
        string dir = Path.GetRelativePath(root, Path.GetDirectoryName(entry.ManifestPath)!).Replace('\\', '/');
        return dir + "#" + entry.Id[(entry.Id.IndexOf('#') + 1)..];
    }

    public static readonly Lazy<IReadOnlyDictionary<string, string>> KnownFailures = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = Path.Combine(AppContext.BaseDirectory, "known-failures.txt");
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int dash = line.IndexOf(" — ", StringComparison.Ordinal);
            map[dash < 0 ? line : line[..dash]] = dash < 0 ? "" : line[(dash + 3)..];
        }
        return map;
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var id in Entries.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void KnownFailuresAreTestsAndAreReported()
    {
        foreach (var (id, reason) in KnownFailures.Value) output.WriteLine($"known failure {id}: {reason}");
        Assert.All(KnownFailures.Value.Keys, id => Assert.True(Entries.Value.ContainsKey(id), $"{id} is not an evaluation test"));
    }

    [Fact]
    public void ManifestsListTheEvaluationTests()
    {
        // Counted from the manifests: data-r2 has 240 evaluation entries (incl. 10 with RDF/XML results);
        // the 1.1 query, update and result-format manifests add the rest.
        var bySuite = Entries.Value.Keys.GroupBy(k => k[..k.IndexOf('/')]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(bySuite["sparql10"] > 200, $"sparql10: {bySuite["sparql10"]}");
        Assert.True(bySuite["sparql11"] > 250, $"sparql11: {bySuite["sparql11"]}");
        Assert.DoesNotContain(Entries.Value.Keys, k => ExcludedSuites.Keys.Any(s => k.StartsWith(s + "#", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluation(string test)
    {
        var entry = Entries.Value[test];
        if (!KnownFailures.Value.TryGetValue(test, out var reason))
        {
            Run(entry);
            return;
        }
        var failure = Record.Exception(() => Run(entry));
        Assert.True(failure is not null, $"{test} passes now: remove it from known-failures.txt");
        output.WriteLine($"known failure ({reason}): {failure.Message}");
    }

    private void Run(W3cTestEntry entry)
    {
        if (entry.Type.EndsWith("UpdateEvaluationTest", StringComparison.Ordinal)) RunUpdate(entry);
        else RunQuery(entry);
    }

    private static readonly QueryOptions Options = new() { Timeout = TimeSpan.FromSeconds(20), Now = DateTimeOffset.UtcNow };

    private void RunQuery(W3cTestEntry entry)
    {
        var queryPath = entry.Query ?? entry.Action ?? throw new InvalidOperationException("no query");
        var baseIri = new Uri(queryPath).AbsoluteUri;
        var parsed = SparqlParser.ParseQuery(File.ReadAllText(queryPath), new SparqlParseOptions { BaseIri = baseIri });
        Assert.True(parsed.Success, $"parse error: {parsed.Error}");
        var query = parsed.Value!;

        var store = new QuadStore();
        var quads = new List<Quad>();
        foreach (var data in entry.Data) quads.AddRange(ReadFile(data, null));
        foreach (var (name, path) in entry.GraphData) quads.AddRange(ReadFile(path, new Iri(name)));
        if (query.Dataset is { } dataset)
        {
            foreach (var g in dataset.DefaultGraphs.Concat(dataset.NamedGraphs).Distinct())
                if (new Uri(g.Value) is { IsFile: true } uri && File.Exists(uri.LocalPath)) quads.AddRange(ReadFile(uri.LocalPath, g));
        }
        store.Load(quads);

        var outcome = store.Query(query, Options with { CollectStatistics = true });
        Assert.True(outcome.Error is null, $"evaluation error: {outcome.Error}");
        output.WriteLine(outcome.Explain);
        var resultPath = entry.Result ?? throw new InvalidOperationException("no result");

        if (query is ConstructQuery or DescribeQuery)
        {
            var expected = ReadFile(resultPath, null);
            var actual = outcome.Graph!.Select(t => t.InGraph(null)).ToList();
            Assert.True(Isomorphism.AreIsomorphic(expected, actual),
                $"graphs differ\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
            return;
        }
        var (expectedResults, ordered) = ReadResults(resultPath);
        bool orderMatters = ordered && HasOrderBy(outcome.Plan);
        var actualResults = outcome.Results!;
        // CSV keeps no datatypes or languages: compare with what our own CSV writer keeps of the answer.
        if (QueryResultsFormats.FromExtension(resultPath) == QueryResultsFormat.Csv)
            actualResults = QueryResultsReader.Read(QueryResultsWriter.WriteToString(actualResults, QueryResultsFormat.Csv), QueryResultsFormat.Csv).Results!;
        var comparison = ResultComparer.Compare(expectedResults, actualResults,
            new ResultComparerOptions { Ordered = orderMatters, LiteralEquality = LiteralValue.SameValue });
        Assert.True(comparison.Equal, $"{comparison.Difference}\nexpected:\n{expectedResults}\nactual:\n{actualResults}");
    }

    private static bool HasOrderBy(PlanNode plan) => plan switch
    {
        OrderByNode => true,
        SliceNode s => HasOrderBy(s.Inner),
        DistinctNode d => HasOrderBy(d.Inner),
        ReducedNode r => HasOrderBy(r.Inner),
        ProjectNode p => HasOrderBy(p.Inner),
        _ => false,
    };

    private void RunUpdate(W3cTestEntry entry)
    {
        var requestPath = entry.Query ?? throw new InvalidOperationException("no request");
        var parsed = SparqlParser.ParseUpdate(File.ReadAllText(requestPath), new SparqlParseOptions { BaseIri = new Uri(requestPath).AbsoluteUri });
        Assert.True(parsed.Success, $"parse error: {parsed.Error}");
        var store = new QuadStore();
        var quads = new List<Quad>();
        foreach (var data in entry.Data) quads.AddRange(ReadFile(data, null));
        foreach (var (name, path) in entry.GraphData) quads.AddRange(ReadFile(path, new Iri(name)));
        store.Load(quads);
        var outcome = store.Update(parsed.Value!, Options with { LoadRoot = TestPaths.W3c });
        output.WriteLine(outcome.Error?.Message ?? $"removed {outcome.Removed}, added {outcome.Added}");

        var expected = new List<Quad>();
        foreach (var data in entry.ResultData) expected.AddRange(ReadFile(data, null));
        foreach (var (name, path) in entry.ResultGraphData) expected.AddRange(ReadFile(path, new Iri(name)));
        var actual = store.Match(null, null, null, GraphSelector.Any).ToList();
        Assert.True(Isomorphism.AreIsomorphic(expected, actual),
            $"datasets differ\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
    }

    /// <summary>Reads a data file; blank node labels are made unique per file, as loading separate documents does.</summary>
    private static List<Quad> ReadFile(string path, Iri? graph)
    {
        var baseIri = new Uri(path).AbsoluteUri;
        List<Quad> quads;
        if (Path.GetExtension(path) == ".rdf") quads = RdfXmlGraph.Read(path, baseIri);
        else
        {
            var format = RdfFormats.FromExtension(path) ?? RdfFormat.Turtle;
            using var stream = File.OpenRead(path);
            quads = RdfReader.Read(stream, new RdfReadOptions { Format = format, BaseIri = baseIri }).ToList();
        }
        string prefix = "f" + Interlocked.Increment(ref _files) + "_";
        Term Own(Term t) => t is BlankNode b ? new BlankNode(prefix + b.Id) : t;
        return quads.Select(q => new Quad(Own(q.Subject), q.Predicate, Own(q.Object), graph ?? (q.Graph is null ? null : Own(q.Graph)))).ToList();
    }

    private static int _files;

    private static (QueryResults Results, bool Ordered) ReadResults(string path)
    {
        var ext = Path.GetExtension(path);
        if (ext == ".rdf") return RdfXmlResultSet.Read(path);
        if (ext == ".ttl") return ReadTurtleResultSet(path);
        var format = QueryResultsFormats.FromExtension(path) ?? throw new InvalidOperationException($"unknown result format {path}");
        using var stream = File.OpenRead(path);
        var parsed = QueryResultsReader.Read(stream, format);
        Assert.True(parsed.Success, $"cannot read {path}: {parsed.Error}");
        return (parsed.Results!, true);
    }

    /// <summary>An rs:ResultSet graph (data-r2 writes some expected results this way).</summary>
    private static (QueryResults, bool) ReadTurtleResultSet(string path)
    {
        var quads = ReadFile(path, null);
        Term? Object(Term s, string p) => quads.FirstOrDefault(q => q.Subject.Equals(s) && q.Predicate.Value == p).Object;
        IEnumerable<Term> Objects(Term s, string p) => quads.Where(q => q.Subject.Equals(s) && q.Predicate.Value == p).Select(q => q.Object);
        var set = quads.First(q => q.Predicate.Equals(Vocab.Rdf.Type) && q.Object is Iri { Value: Rs + "ResultSet" }).Subject;
        if (Object(set, Rs + "boolean") is Literal b) return (QueryResults.FromBoolean(b.Lexical == "true"), false);
        var variables = Objects(set, Rs + "resultVariable").Select(v => ((Literal)v).Lexical).ToList();
        var rows = new List<(int, Term?[])>();
        bool ordered = false;
        foreach (var solution in Objects(set, Rs + "solution"))
        {
            var row = new Term?[variables.Count];
            foreach (var binding in Objects(solution, Rs + "binding"))
            {
                var name = ((Literal)Object(binding, Rs + "variable")!).Lexical;
                row[variables.IndexOf(name)] = Object(binding, Rs + "value");
            }
            var index = Object(solution, Rs + "index") as Literal;
            ordered |= index is not null;
            rows.Add((index is null ? rows.Count : int.Parse(index.Lexical), row));
        }
        return (QueryResults.FromSolutions(variables, rows.OrderBy(r => r.Item1).Select(r => r.Item2).ToList()), ordered);
    }
}
