using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

public class DiagnosticsTests
{
    // Line 1: ex:a ex:b "中😀" , % .   — the % is at UTF-16 column 18, UTF-8 byte column 22.
    private const string BadTurtle = "@prefix ex: <http://example.org/> .\nex:a ex:b \"中😀\" , % .\n";

    internal const string Protocol = "---\nguidelinegraph:\n  features: [AAV9, zzqqxx]\n---\n# 1 Summary\n\nText.\n";

    /// <summary>The diagnostics about the document itself (syntax, front matter), leaving out missing requirements.</summary>
    internal static JArray DocumentProblems(JObject published) =>
        new(((JArray)published["diagnostics"]!).Where(d => (string?)d["code"] is "syntax" or "protocol"));

    private static JObject Only(JObject published)
    {
        var diagnostics = DocumentProblems(published);
        Assert.Single(diagnostics);
        return (JObject)diagnostics[0];
    }

    private static (int, int, int, int) Range(JObject diagnostic)
    {
        JToken r = diagnostic["range"]!;
        return ((int)r["start"]!["line"]!, (int)r["start"]!["character"]!, (int)r["end"]!["line"]!, (int)r["end"]!["character"]!);
    }

    [Theory]
    [InlineData("utf-16", 18)]
    [InlineData("utf-8", 22)]
    public async Task A_turtle_syntax_error_has_its_exact_position_in_the_negotiated_encoding(string encoding, int column)
    {
        var capabilities = new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray(encoding) } };
        await using LspTestClient client = await LspTestClient.StartAsync(capabilities);
        await client.OpenAsync("file:///w/bad.ttl", BadTurtle, languageId: "turtle");
        JObject diagnostic = Only(await client.DiagnosticsAsync("file:///w/bad.ttl", 1));
        Assert.Equal((1, column), (Range(diagnostic).Item1, Range(diagnostic).Item2));
        Assert.Equal(DiagnosticSeverity.Error, (int)diagnostic["severity"]!);
        Assert.Equal("GuidelineGraph", (string?)diagnostic["source"]);
    }

    [Fact]
    public async Task An_incremental_edit_that_fixes_the_error_clears_the_diagnostic()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/bad.ttl", BadTurtle, languageId: "turtle");
        Only(await client.DiagnosticsAsync("file:///w/bad.ttl", 1));
        await client.ChangeAsync("file:///w/bad.ttl", 2, LspTestClient.Edit(1, 18, 1, 19, "ex:c"));
        JObject fixedUp = await client.DiagnosticsAsync("file:///w/bad.ttl", 2);
        Assert.Empty((JArray)fixedUp["diagnostics"]!);
    }

    [Fact]
    public async Task Every_rdf_error_is_reported_not_only_the_first()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/two.nt", "<http://a> <http://b> % .\n<http://a> <http://b> <http://c> .\n<http://a> % <http://c> .\n", languageId: "ntriples");
        var lines = ((JArray)(await client.DiagnosticsAsync("file:///w/two.nt", 1))["diagnostics"]!)
            .Select(d => (int)d["range"]!["start"]!["line"]!).ToList();
        Assert.Equal([0, 2], lines);
    }

    [Fact]
    public async Task A_sparql_syntax_error_is_positioned()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/q.rq", "SELECT ?x WHERE { ?x ?p }", languageId: "sparql");
        JObject diagnostic = Only(await client.DiagnosticsAsync("file:///w/q.rq", 1));
        Assert.Equal((0, 24), (Range(diagnostic).Item1, Range(diagnostic).Item2));
        Assert.Contains("found '}'", (string)diagnostic["message"]!);
    }

    // Line 2: `  ?s ?p "中😀" ?z .` — ?z is at UTF-16 column 14 (中 one unit, 😀 two), UTF-8 byte column 18 (3 + 4 bytes).
    [Theory]
    [InlineData("utf-16", 14)]
    [InlineData("utf-8", 18)]
    public async Task Every_independent_sparql_syntax_error_is_published_in_the_negotiated_encoding(string encoding, int column)
    {
        var capabilities = new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray(encoding) } };
        await using LspTestClient client = await LspTestClient.StartAsync(capabilities);
        await client.OpenAsync("file:///w/many.rq", "SELECT * {\n  ?s ?p .\n  ?s ?p \"中😀\" ?z .\n}", languageId: "sparql");
        var diagnostics = DocumentProblems(await client.DiagnosticsAsync("file:///w/many.rq", 1)).Cast<JObject>().ToList();
        Assert.Equal([(1, 8), (2, column)], diagnostics.Select(d => (Range(d).Item1, Range(d).Item2)));
        Assert.Contains("found '.'", (string)diagnostics[0]["message"]!);
        Assert.Contains("found '?z'", (string)diagnostics[1]["message"]!);

        await client.OpenAsync("file:///w/many.ru", "CLEAR GRAFF <http://e/g> ;\nDROP SILENT ALL ;\nLOAD <http://e/x> INTO GRAF <http://e/g>", languageId: "sparql");
        var lines = DocumentProblems(await client.DiagnosticsAsync("file:///w/many.ru", 1)).Select(d => (int)d["range"]!["start"]!["line"]!);
        Assert.Equal([0, 2], lines);
    }

    [Fact]
    public async Task An_unknown_feature_in_the_front_matter_is_reported_at_the_word_with_suggestions()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/p.md", Protocol);
        JObject diagnostic = Only(await client.DiagnosticsAsync("file:///w/p.md", 1));
        Assert.Equal((2, 19, 2, 25), Range(diagnostic));
        Assert.Contains("unknown feature 'zzqqxx'", (string)diagnostic["message"]!);
    }

    private const string Paediatric =
        "---\nguidelinegraph:\n  features: [children, first-in-human]\n---\n# 1 PROTOCOL SUMMARY\n\nText.\n";

    private const string MissingId = "cde:r-3.1-p3-s2a";

    private static JObject? Diagnostic(JObject published, string code) =>
        ((JArray)published["diagnostics"]!).OfType<JObject>().SingleOrDefault(d => (string?)d["code"] == code);

    [Fact]
    public async Task A_missing_requirement_is_reported_with_its_id_severity_and_clause()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/p.md", Paediatric);
        JObject diagnostic = Diagnostic(await client.DiagnosticsAsync("file:///w/p.md", 1), MissingId)!;
        Assert.Equal(DiagnosticSeverity.Error, (int)diagnostic["severity"]!); // shall
        Assert.Equal("https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/c-3.1-p3", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.Contains("the rationale shall be made clear", (string)diagnostic["message"]!);
        Assert.Contains(diagnostic["relatedInformation"]!, r => ((string)r["message"]!).Contains("申请人如计划首先在儿童受试者中开展首次人体试验"));
    }

    [Fact]
    public async Task A_marker_addressing_the_requirement_clears_its_diagnostic()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/p.md", Paediatric);
        Assert.NotNull(Diagnostic(await client.DiagnosticsAsync("file:///w/p.md", 1), MissingId));
        await client.ChangeAsync("file:///w/p.md", 2, LspTestClient.Edit(6, 5, 6, 5, "\n<!-- gg:addresses cde:r-3.1-p3-s2a -->"));
        Assert.Null(Diagnostic(await client.DiagnosticsAsync("file:///w/p.md", 2), MissingId));
    }

    [Fact]
    public async Task The_configured_language_and_severity_apply_to_missing_requirements()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(initializationOptions: new JObject
        {
            ["debounceMs"] = 0, ["language"] = "zh", ["severity"] = new JObject { ["shall"] = "hint", ["should"] = "off" },
        });
        await client.OpenAsync("file:///w/p.md", Paediatric);
        JObject published = await client.DiagnosticsAsync("file:///w/p.md", 1);
        JObject diagnostic = Diagnostic(published, MissingId)!;
        Assert.Equal(DiagnosticSeverity.Hint, (int)diagnostic["severity"]!);
        Assert.Contains("应明确立题依据", (string)diagnostic["message"]!);
        Assert.DoesNotContain(((JArray)published["diagnostics"]!), d => ((string)d["message"]!).Contains("建议要求"));
    }

    [Fact]
    public async Task Markdown_that_is_not_a_protocol_gets_no_diagnostics()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/notes.md", "---\ntitle: notes\nfeatures: [zzqqxx]\n---\n# Notes\n");
        Assert.Empty((JArray)(await client.DiagnosticsAsync("file:///w/notes.md", 1))["diagnostics"]!);
    }

    [Fact]
    public async Task Any_markdown_under_a_protocols_folder_is_a_protocol()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/protocols/x.md", "---\ntitle: x\n: [\n---\n# 1 Summary\n");
        Assert.Contains("front matter", (string)Only(await client.DiagnosticsAsync("file:///w/protocols/x.md", 1))["message"]!);
    }

    [Fact]
    public async Task Rapid_edits_within_the_debounce_publish_only_the_last_version()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(initializationOptions: new JObject { ["debounceMs"] = 1000 });
        await client.OpenAsync("file:///w/q.rq", "ASK {", languageId: "sparql");
        for (int version = 2; version <= 5; version++)
            await client.ChangeAsync("file:///w/q.rq", version, LspTestClient.Edit(0, 5, 0, 5, " "));
        await client.ChangeAsync("file:///w/q.rq", 6, LspTestClient.Edit(0, 9, 0, 9, "}"));
        JObject last = await client.DiagnosticsAsync("file:///w/q.rq");
        Assert.Equal(6, (int)last["version"]!);
        Assert.Empty((JArray)last["diagnostics"]!);
        Assert.Single(client.Received, m => m.Method == LspMethods.TextDocumentPublishDiagnostics);
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/q.rq", "ASK {", languageId: "sparql");
        Only(await client.DiagnosticsAsync("file:///w/q.rq", 1));
        await client.NotifyAsync(LspMethods.TextDocumentDidClose, new { textDocument = new { uri = "file:///w/q.rq" } });
        JObject cleared = await client.WaitForAsync(LspMethods.TextDocumentPublishDiagnostics, p => p["version"] is null);
        Assert.Empty((JArray)cleared["diagnostics"]!);
    }

    [Fact]
    public async Task A_malformed_notification_fails_alone_and_the_server_carries_on()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.NotifyAsync(LspMethods.TextDocumentDidOpen, new { textDocument = 42 });
        await client.NotifyAsync(LspMethods.TextDocumentDidChange, new { textDocument = new { uri = "file:///never-opened.rq", version = 2 }, contentChanges = new object[0] });
        await client.OpenAsync("file:///w/q.rq", "ASK {}", languageId: "sparql");
        Assert.Empty((JArray)(await client.DiagnosticsAsync("file:///w/q.rq", 1))["diagnostics"]!);
    }
}
