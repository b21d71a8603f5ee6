using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Tests.Documents;

namespace GuidelineGraph.Guidance.Tests.Detection;

/// <summary>
/// examples/protocols/*.md against their hand-checked *.expected.json: section → M11 mapping, declared and
/// detected features, evidence per control, markers and waivers. The .docx variant of one example must
/// give the same findings as its Markdown source.
/// </summary>
public sealed class ExampleProtocolTests
{
    public static TheoryData<string> Examples() =>
        new(Directory.EnumerateFiles(Graph.ExamplesDirectory, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Markdown_example_gives_its_expected_findings(string file)
    {
        string path = Path.Combine(Graph.ExamplesDirectory, file);
        ProtocolReadResult read = ProtocolReader.ReadFile(path);
        Assert.Empty(read.Errors);
        AssertFindings(file, read.Document!);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Word_rendering_of_an_example_gives_the_same_findings(string file)
    {
        string markdown = File.ReadAllText(Path.Combine(Graph.ExamplesDirectory, file));
        byte[] docx = DocxWriter.FromMarkdown(markdown);
        ProtocolReadResult read = ProtocolReader.Read(docx, Path.ChangeExtension(file, ".docx"));
        Assert.Empty(read.Errors);
        Assert.Equal(ProtocolFormat.Word, read.Document!.Format);
        AssertFindings(file, read.Document);
    }

    private static void AssertFindings(string file, ProtocolDocument document)
    {
        JsonObject expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Graph.ExamplesDirectory, Path.ChangeExtension(file, ".expected.json"))))!.AsObject();
        JsonObject actual = Findings(document, expected);
        if (Environment.GetEnvironmentVariable("GG_DUMP_FINDINGS") is string dump)
            File.WriteAllText(Path.Combine(dump, file + "." + document.Format + ".json"), actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        foreach (string key in new[] { "sections", "declaredFeatures", "detectedFeatures", "evidence", "markers", "waivers" })
            Assert.True(JsonNode.DeepEquals(expected[key], actual[key]), $"{file} ({document.Format}) {key}:\nexpected {expected[key]?.ToJsonString()}\nactual   {actual[key]?.ToJsonString()}");
    }

    /// <summary>The findings in the sidecar's shape; evidence is computed for the controls the sidecar lists.</summary>
    internal static JsonObject Findings(ProtocolDocument document, JsonObject expected)
    {
        DocumentMapping mapping = Graph.Mapper.Map(document);
        var sections = new JsonArray();
        foreach (ProtocolSection section in document.Sections)
        {
            SectionMapping? m = mapping.For(section);
            sections.Add(new JsonObject
            {
                ["heading"] = section.Heading,
                ["m11"] = m?.M11.Notation,
                ["method"] = m?.Method.ToString().ToLowerInvariant(),
            });
        }
        var (declared, errors) = Graph.Resolver.ResolveDeclared(document);
        Assert.Empty(errors);
        var detected = Graph.Features.Detect(document).Where(f => f.Detected).Select(f => f.Feature.Id).Order(StringComparer.Ordinal);
        var evidence = new JsonArray();
        foreach (JsonNode? item in expected["evidence"]!.AsArray())
        {
            string control = item!["control"]!.GetValue<string>();
            string[] m11 = item["m11"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
            ControlEvidence found = Graph.Evidence.Find(Graph.Scanner.Index(document), Graph.Vocabulary.Controls[control], m11);
            evidence.Add(new JsonObject
            {
                ["control"] = control,
                ["m11"] = new JsonArray(m11.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                ["found"] = found.IsEvidenced,
                ["foundIn"] = Headings(found.Found),
                ["negatedIn"] = Headings(found.Negated),
            });
        }
        return new JsonObject
        {
            ["sections"] = sections,
            ["declaredFeatures"] = Strings(declared.Select(d => d.Feature.Id).Order(StringComparer.Ordinal)),
            ["detectedFeatures"] = Strings(detected),
            ["evidence"] = evidence,
            ["markers"] = Strings(document.Markers.Select(m => m.Id + " @ " + m.Section?.Heading)),
            ["waivers"] = Strings(document.FrontMatter?.Waivers.Select(w => w.Id) ?? []),
        };
    }

    private static JsonArray Headings(IEnumerable<EvidenceHit> hits) => Strings(hits.Select(h => h.Section.Heading).Distinct());

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
