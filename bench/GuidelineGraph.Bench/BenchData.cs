using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Bench;

/// <summary>Where the benchmark inputs are: the W3C suites in the repository and the generated 1M-triple file.</summary>
public static class BenchData
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The generated file of bench/peers.sh ($GG_BENCH_FILE, else $PEERS/data/bench.ttl); null when absent.</summary>
    public static string? MillionTripleFile
    {
        get
        {
            var peers = Environment.GetEnvironmentVariable("PEERS") ??
                        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "gg-peers");
            var path = Environment.GetEnvironmentVariable("GG_BENCH_FILE") ?? Path.Combine(peers, "data", "bench.ttl");
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>
    /// One corpus per format: every file of the format's W3C suite that parses (positive tests and
    /// expected results), concatenated per format as separate documents.
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> ConformanceFiles(RdfFormat format)
    {
        var suite = format switch
        {
            RdfFormat.NTriples => "rdf-n-triples",
            RdfFormat.NQuads => "rdf-n-quads",
            RdfFormat.Turtle => "rdf-turtle",
            _ => "rdf-trig",
        };
        var dir = Path.Combine(RepositoryRoot, "tests", "conformance", "w3c", "rdf", "rdf11", suite);
        var result = new List<(string, byte[])>();
        if (!Directory.Exists(dir)) return result;
        foreach (var file in Directory.EnumerateFiles(dir, "*" + format.Extension(), SearchOption.AllDirectories).Order())
        {
            var bytes = File.ReadAllBytes(file);
            if (Parses(bytes, format, file)) result.Add((Path.GetFileName(file), bytes));
        }
        return result;
    }

    public static RdfReadOptions Options(RdfFormat format, string? file = null) =>
        new() { Format = format, BaseIri = file is null ? "http://example.org/base/" : new Uri(Path.GetFullPath(file)).AbsoluteUri };

    private static bool Parses(byte[] bytes, RdfFormat format, string file)
    {
        try
        {
            foreach (var _ in RdfReader.Read(new MemoryStream(bytes), Options(format, file))) { }
            return true;
        }
        catch (RdfSyntaxException) { return false; }
    }

    /// <summary>Up from the working directory, else up from this source file (builds may live outside the checkout).</summary>
    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), Path.GetDirectoryName(source) ?? "" })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) return dir.FullName;
        throw new DirectoryNotFoundException("run the benchmarks from inside the GuidelineGraph checkout");
    }
}
