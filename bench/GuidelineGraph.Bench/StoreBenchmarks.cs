using BenchmarkDotNet.Attributes;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Store;

namespace GuidelineGraph.Bench;

/// <summary>
/// Bulk load of the 1M-triple file (already parsed, so only encoding and sorting count) and range
/// scans of each pattern shape over the loaded store.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private List<Quad> _quads = [];
    private QuadStore _store = new();
    private IdPattern[] _bySubject = [], _byPredicate = [], _byPredicateObject = [], _byObject = [];

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchData.MillionTripleFile
                   ?? throw new InvalidOperationException("run bench/peers.sh once (or set GG_BENCH_FILE) to generate the 1M-triple file");
        using (var stream = File.OpenRead(file)) _quads = RdfReader.Read(stream, BenchData.Options(RdfFormat.Turtle, file)).ToList();
        _store = new QuadStore();
        _store.Load(_quads);
        var snapshot = _store.Snapshot();
        var rnd = new Random(7);
        var sample = Enumerable.Range(0, 1000).Select(_ => _quads[rnd.Next(_quads.Count)]).ToList();
        IdQuad Ids(Quad q) => snapshot.TryEncode(q, out var ids) ? ids : throw new InvalidOperationException("sampled quad not in store");
        _bySubject = sample.Select(q => Ids(q)).Select(q => new IdPattern(q.S, TermIds.Any, TermIds.Any, TermIds.DefaultGraph)).ToArray();
        _byPredicate = sample.Select(q => Ids(q)).Select(q => new IdPattern(TermIds.Any, q.P, TermIds.Any, TermIds.DefaultGraph)).Distinct().ToArray();
        _byPredicateObject = sample.Select(q => Ids(q)).Select(q => new IdPattern(TermIds.Any, q.P, q.O, TermIds.DefaultGraph)).ToArray();
        _byObject = sample.Select(q => Ids(q)).Select(q => new IdPattern(TermIds.Any, TermIds.Any, q.O, TermIds.Any)).ToArray();
    }

    [Benchmark]
    public long BulkLoad()
    {
        var store = new QuadStore();
        store.Load(_quads);
        return store.Count;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public long ScanBySubject() => Scan(_bySubject);

    [Benchmark]
    public long ScanEachPredicate() => Scan(_byPredicate);

    [Benchmark(OperationsPerInvoke = 1000)]
    public long ScanByPredicateObject() => Scan(_byPredicateObject);

    [Benchmark(OperationsPerInvoke = 1000)]
    public long ScanByObjectAnyGraph() => Scan(_byObject);

    [Benchmark(OperationsPerInvoke = 1000)]
    public long Cardinality()
    {
        var snapshot = _store.Snapshot();
        long n = 0;
        foreach (var p in _byPredicateObject) n += snapshot.Cardinality(p);
        return n;
    }

    private long Scan(IdPattern[] patterns)
    {
        var snapshot = _store.Snapshot();
        long n = 0;
        foreach (var p in patterns)
            foreach (var q in snapshot.Match(p)) n += q.O;
        return n;
    }
}
