using BenchmarkDotNet.Attributes;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Bench;

/// <summary>
/// Parse-and-count throughput per format. Each case reads a whole corpus from memory; the
/// "MB/s" column divides its bytes by the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParserBenchmarks
{
    private (string Name, byte[] Bytes)[] _files = [];
    private RdfFormat _format;

    [ParamsSource(nameof(Corpora))]
    public string Corpus { get; set; } = "";

    public static IEnumerable<string> Corpora()
    {
        yield return "w3c-ntriples";
        yield return "w3c-nquads";
        yield return "w3c-turtle";
        yield return "w3c-trig";
        if (BenchData.MillionTripleFile is not null) yield return "bench-1M.ttl";
    }

    [GlobalSetup]
    public void Setup()
    {
        if (Corpus == "bench-1M.ttl")
        {
            _format = RdfFormat.Turtle;
            _files = [(Corpus, File.ReadAllBytes(BenchData.MillionTripleFile!))];
        }
        else
        {
            _format = RdfFormats.FromName(Corpus["w3c-".Length..])!.Value;
            _files = BenchData.ConformanceFiles(_format).ToArray();
        }
        ThroughputConfig.Bytes[$"{nameof(ParseAndCount)}|{Corpus}"] = _files.Sum(f => (long)f.Bytes.Length);
    }

    [Benchmark]
    public long ParseAndCount()
    {
        long n = 0;
        foreach (var (_, bytes) in _files)
            foreach (var _ in RdfReader.Read(new MemoryStream(bytes, writable: false), BenchData.Options(_format))) n++;
        return n;
    }
}
