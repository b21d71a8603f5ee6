using BenchmarkDotNet.Attributes;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Bench;

/// <summary>
/// The six peer queries of ../shared/peers/queries over the 1M-triple file, one case each, with allocations
/// (for profiling one query: <c>--filter '*QueryBenchmarks*' --inProcess</c>; bench/peers.sh uses the
/// <see cref="PeerQueries"/> harness, which compares with the peers in the same run).
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private QuadStore _store = new();
    private Query _query = null!;

    public static IEnumerable<string> Queries =>
        Directory.Exists(QueryDirectory) ? Directory.EnumerateFiles(QueryDirectory, "*.rq").Select(Path.GetFileNameWithoutExtension).Order()! : [];

    private static string QueryDirectory =>
        Environment.GetEnvironmentVariable("PEERS_SRC") is { } peers ? Path.Combine(peers, "queries") : Path.Combine(BenchData.RepositoryRoot, "..", "shared", "peers", "queries");

    [ParamsSource(nameof(Queries))]
    public string Name { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchData.MillionTripleFile
                   ?? throw new InvalidOperationException("run bench/peers.sh once (or set GG_BENCH_FILE) to generate the 1M-triple file");
        _store = new QuadStore();
        using (var stream = File.OpenRead(file)) _store.Load(RdfReader.Read(stream, BenchData.Options(RdfFormat.Turtle, file)));
        var parsed = SparqlParser.ParseQuery(File.ReadAllText(Path.Combine(QueryDirectory, Name + ".rq")));
        _query = parsed.Value ?? throw new InvalidOperationException($"{Name}.rq: {parsed.Error}");
    }

    [Benchmark]
    public long Run() => _store.Query(_query).Count;
}
