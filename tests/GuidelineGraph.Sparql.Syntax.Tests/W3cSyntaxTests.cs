using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Testing;
using Xunit.Abstractions;

namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>
/// Every syntax entry of the W3C SPARQL 1.0 (data-r2) and 1.1 manifests as one case, plus every query
/// and update file that an evaluation entry uses, which must parse and translate to algebra.
/// </summary>
public sealed class W3cSyntaxTests(ITestOutputHelper output)
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private static readonly string[] Manifests = ["sparql10/manifest.ttl", "sparql11/manifest-all.ttl"];

    /// <summary>Cases that do not pass yet, with the reason. The runner reports them (see <see cref="KnownFailuresAreReported"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownFailures = new Dictionary<string, string>();

    private static readonly Lazy<(Dictionary<string, W3cTestEntry> Syntax, Dictionary<string, (string Path, bool Update)> Evaluation)> Entries = new(() =>
    {
        var sparql = Path.Combine(TestPaths.W3c, "sparql");
        var syntax = new Dictionary<string, W3cTestEntry>(StringComparer.Ordinal);
        var evaluation = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var manifest in Manifests)
        {
            foreach (var entry in W3cManifest.Load(Path.Combine(sparql, manifest)))
            {
                string dir = Path.GetRelativePath(sparql, Path.GetDirectoryName(entry.ManifestPath)!).Replace('\\', '/');
                string id = dir + "#" + entry.Id[(entry.Id.IndexOf('#') + 1)..];
                if (IsSyntaxTest(entry.Type)) syntax.TryAdd(id, entry);
                else if (entry.Query is { } query)
                    evaluation.TryAdd(Path.GetRelativePath(sparql, query).Replace('\\', '/'), (query, entry.Type.EndsWith("UpdateEvaluationTest", StringComparison.Ordinal)));
            }
        }
        return (syntax, evaluation);
    });

    private static bool IsSyntaxTest(string type) =>
        type.StartsWith(Mf, StringComparison.Ordinal) && type.Contains("SyntaxTest", StringComparison.Ordinal);

    public static TheoryData<string> SyntaxCases()
    {
        var data = new TheoryData<string>();
        foreach (var id in Entries.Value.Syntax.Keys) data.Add(id);
        return data;
    }

    public static TheoryData<string> EvaluationQueries()
    {
        var data = new TheoryData<string>();
        foreach (var path in Entries.Value.Evaluation.Keys) data.Add(path);
        return data;
    }

    [Fact]
    public void ManifestsListEverySyntaxTest()
    {
        // Counted by hand from the manifests (rdf:type mf:…SyntaxTest… entries listed in mf:entries).
        var types = Entries.Value.Syntax.Values.GroupBy(e => e.Type[Mf.Length..]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(149, types.GetValueOrDefault("PositiveSyntaxTest"));
        Assert.Equal(50, types.GetValueOrDefault("NegativeSyntaxTest"));
        Assert.Equal(66, types.GetValueOrDefault("PositiveSyntaxTest11"));
        Assert.Equal(48, types.GetValueOrDefault("NegativeSyntaxTest11"));
        Assert.Equal(42, types.GetValueOrDefault("PositiveUpdateSyntaxTest11"));
        Assert.Equal(13, types.GetValueOrDefault("NegativeUpdateSyntaxTest11"));
    }

    [Fact]
    public void KnownFailuresAreReported()
    {
        foreach (var (id, reason) in KnownFailures) output.WriteLine($"known failure {id}: {reason}");
        Assert.All(KnownFailures.Keys, id => Assert.True(Entries.Value.Syntax.ContainsKey(id), $"{id} is not a test"));
    }

    [Theory]
    [MemberData(nameof(SyntaxCases))]
    public void Syntax(string test)
    {
        var entry = Entries.Value.Syntax[test];
        if (!KnownFailures.TryGetValue(test, out var reason))
        {
            Check(entry);
            return;
        }
        var failure = Record.Exception(() => Check(entry));
        Assert.True(failure is not null, $"{test} passes now: remove it from KnownFailures");
        output.WriteLine($"known failure: {reason}");
    }

    [Theory]
    [MemberData(nameof(EvaluationQueries))]
    public void EvaluationQueryParsesAndTranslates(string query)
    {
        var (path, update) = Entries.Value.Evaluation[query];
        var error = Parse(path, update, new Uri(path).AbsoluteUri);
        Assert.True(error is null, $"{query}: {error}");
    }

    private void Check(W3cTestEntry entry)
    {
        Assert.NotNull(entry.Action);
        string type = entry.Type[Mf.Length..];
        bool update = type.Contains("Update", StringComparison.Ordinal) || entry.Action.EndsWith(".ru", StringComparison.Ordinal);
        var error = Parse(entry.Action, update, entry.ActionBaseIri);
        if (type.StartsWith("Positive", StringComparison.Ordinal))
        {
            Assert.True(error is null, $"rejected a valid {(update ? "update" : "query")}: {error}");
        }
        else
        {
            Assert.NotNull(error);
            output.WriteLine($"rejected as expected: {error}");
            Assert.True(error.Start.Line >= 1 && error.Start.Column >= 1, "an error has a position");
        }
    }

    private static Rdf.SyntaxError? Parse(string path, bool update, string? baseIri)
    {
        var text = File.ReadAllText(path);
        var options = new SparqlParseOptions { BaseIri = baseIri };
        return update ? SparqlParser.ParseUpdate(text, options).Error : SparqlParser.ParseQuery(text, options).Error;
    }
}
