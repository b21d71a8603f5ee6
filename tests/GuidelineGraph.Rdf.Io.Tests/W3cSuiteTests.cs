using GuidelineGraph.Rdf;
using GuidelineGraph.Testing;
using Xunit.Abstractions;

namespace GuidelineGraph.Rdf.Io.Tests;

/// <summary>Every entry of the W3C RDF 1.1 N-Triples, N-Quads, Turtle and TriG manifests, one case each.</summary>
public sealed class W3cSuiteTests(ITestOutputHelper output)
{
    private const string Rdft = "http://www.w3.org/ns/rdftest#";
    private static readonly string[] Suites = ["rdf-n-triples", "rdf-n-quads", "rdf-turtle", "rdf-trig"];

    /// <summary>Cases that do not pass yet, with the reason. The runner reports them (see <see cref="KnownFailuresAreReported"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownFailures = new Dictionary<string, string>();

    private static readonly Lazy<Dictionary<string, W3cTestEntry>> Entries = new(() =>
    {
        var all = new Dictionary<string, W3cTestEntry>(StringComparer.Ordinal);
        foreach (var suite in Suites)
            foreach (var entry in W3cManifest.Load(Path.Combine(TestPaths.W3c, "rdf", "rdf11", suite, "manifest.ttl")))
                all.Add(suite + "#" + entry.Id[(entry.Id.IndexOf('#') + 1)..], entry);
        return all;
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var id in Entries.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void ManifestsListEveryTest()
    {
        // Counted by hand from the manifests' mf:entries lists.
        Assert.Equal(70, Entries.Value.Keys.Count(k => k.StartsWith("rdf-n-triples#", StringComparison.Ordinal)));
        Assert.Equal(87, Entries.Value.Keys.Count(k => k.StartsWith("rdf-n-quads#", StringComparison.Ordinal)));
        Assert.Equal(313, Entries.Value.Keys.Count(k => k.StartsWith("rdf-turtle#", StringComparison.Ordinal)));
        Assert.Equal(356, Entries.Value.Keys.Count(k => k.StartsWith("rdf-trig#", StringComparison.Ordinal)));
    }

    [Fact]
    public void KnownFailuresAreReported()
    {
        foreach (var (id, reason) in KnownFailures) output.WriteLine($"known failure {id}: {reason}");
        Assert.All(KnownFailures.Keys, id => Assert.True(Entries.Value.ContainsKey(id), $"{id} is not a test"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run(string test)
    {
        var entry = Entries.Value[test];
        if (!KnownFailures.TryGetValue(test, out var reason))
        {
            Check(entry);
            return;
        }
        var failure = Record.Exception(() => Check(entry));
        Assert.True(failure is not null, $"{test} passes now: remove it from KnownFailures");
        output.WriteLine($"known failure: {reason}");
    }

    private static void Check(W3cTestEntry entry)
    {
        var type = entry.Type.StartsWith(Rdft, StringComparison.Ordinal) ? entry.Type[Rdft.Length..] : entry.Type;
        var format = type switch
        {
            _ when type.StartsWith("TestNTriples", StringComparison.Ordinal) => RdfFormat.NTriples,
            _ when type.StartsWith("TestNQuads", StringComparison.Ordinal) => RdfFormat.NQuads,
            _ when type.StartsWith("TestTurtle", StringComparison.Ordinal) => RdfFormat.Turtle,
            _ when type.StartsWith("TestTrig", StringComparison.Ordinal) => RdfFormat.TriG,
            _ => throw new InvalidOperationException($"unknown test type {entry.Type}"),
        };
        Assert.NotNull(entry.Action);
        var options = new RdfReadOptions { Format = format, BaseIri = entry.ActionBaseIri };
        if (type.EndsWith("PositiveSyntax", StringComparison.Ordinal))
        {
            ReadFile(entry.Action, options);
        }
        else if (type.EndsWith("NegativeSyntax", StringComparison.Ordinal) || type.EndsWith("NegativeEval", StringComparison.Ordinal))
        {
            var e = Assert.Throws<RdfSyntaxException>(() => ReadFile(entry.Action, options));
            Assert.True(e.Error.Start.Line >= 1 && e.Error.Start.Column >= 1, "an error has a position");
            Assert.False(string.IsNullOrEmpty(e.Error.Message));
        }
        else if (type.EndsWith("Eval", StringComparison.Ordinal))
        {
            Assert.NotNull(entry.Result);
            var actual = ReadFile(entry.Action, options);
            var expectedFormat = format == RdfFormat.TriG || format == RdfFormat.NQuads ? RdfFormat.NQuads : RdfFormat.NTriples;
            var expected = ReadFile(entry.Result, new RdfReadOptions { Format = expectedFormat });
            Assert.True(Isomorphism.AreIsomorphic(actual, expected),
                $"not isomorphic:\nactual:\n{string.Join("\n", actual)}\nexpected:\n{string.Join("\n", expected)}");
        }
        else throw new InvalidOperationException($"unknown test type {entry.Type}");
    }

    internal static List<Quad> ReadFile(string path, RdfReadOptions options)
    {
        using var stream = File.OpenRead(path);
        return RdfReader.Read(stream, options).ToList();
    }
}
