using GuidelineGraph.Rdf;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Rdf.Io.Tests;

/// <summary>parse(write(g)) is isomorphic to g, for the expected output of every W3C evaluation test, in every format that can hold it.</summary>
public sealed class RoundTripTests
{
    private static readonly Lazy<Dictionary<string, (string Result, RdfFormat ResultFormat, string Action, RdfFormat ActionFormat, string? Base)>> Cases = new(() =>
    {
        var cases = new Dictionary<string, (string, RdfFormat, string, RdfFormat, string?)>(StringComparer.Ordinal);
        foreach (var (suite, format) in new[] { ("rdf-turtle", RdfFormat.Turtle), ("rdf-trig", RdfFormat.TriG) })
            foreach (var e in W3cManifest.Load(Path.Combine(TestPaths.W3c, "rdf", "rdf11", suite, "manifest.ttl")))
                if (e.Type.EndsWith("Eval", StringComparison.Ordinal) && !e.Type.EndsWith("NegativeEval", StringComparison.Ordinal))
                    cases.Add(suite + "#" + e.Id[(e.Id.IndexOf('#') + 1)..],
                        (e.Result!, format == RdfFormat.TriG ? RdfFormat.NQuads : RdfFormat.NTriples, e.Action!, format, e.ActionBaseIri));
        return cases;
    });

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void EveryEvaluationTestIsCovered() => Assert.Equal(145 + 143, Cases.Value.Count);

    [Theory]
    [MemberData(nameof(Ids))]
    public void WrittenOutputReadsBackIsomorphic(string id)
    {
        var (result, resultFormat, action, actionFormat, baseIri) = Cases.Value[id];
        var expected = W3cSuiteTests.ReadFile(result, new RdfReadOptions { Format = resultFormat });
        // The action's own prefixes exercise prefixed names, including their corner cases.
        var prefixes = RdfReader.ReadDocument(File.ReadAllText(action), new RdfReadOptions { Format = actionFormat, BaseIri = baseIri }).Prefixes;
        bool hasGraphs = expected.Any(q => q.Graph is not null);
        var formats = hasGraphs ? new[] { RdfFormat.NQuads, RdfFormat.TriG } : new[] { RdfFormat.NTriples, RdfFormat.NQuads, RdfFormat.Turtle, RdfFormat.TriG };
        foreach (var format in formats)
        {
            foreach (var withPrefixes in new[] { false, true })
            {
                var text = new StringWriter();
                RdfWriter.Write(text, expected, new RdfWriteOptions { Format = format, Prefixes = withPrefixes ? prefixes : null });
                var doc = RdfReader.ReadDocument(text.ToString(), new RdfReadOptions { Format = format });
                Assert.True(doc.Errors.Count == 0, $"{format}: {string.Join("; ", doc.Errors)}\n{text}");
                Assert.True(Isomorphism.AreIsomorphic(expected, doc.Quads), $"{format} output is not isomorphic:\n{text}");
            }
        }
    }
}
