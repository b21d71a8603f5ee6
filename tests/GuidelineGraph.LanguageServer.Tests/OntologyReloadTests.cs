using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

public sealed class OntologyReloadTests : IDisposable
{
    private readonly string _ontology = Path.Combine(Path.GetTempPath(), "gg-lsp-" + Guid.NewGuid().ToString("N"), "ontology");

    public OntologyReloadTests()
    {
        string source = LspTestClient.RepositoryOntology();
        foreach (string file in Directory.EnumerateFiles(source, "*.ttl", SearchOption.AllDirectories))
        {
            string target = Path.Combine(_ontology, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => f.Contains("rules")))
        {
            string target = Path.Combine(_ontology, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_ontology)!, recursive: true);

    [Fact]
    public async Task An_edit_to_an_ontology_file_reloads_the_graph_and_reanalyses_open_protocols()
    {
        var capabilities = new JObject { ["workspace"] = new JObject { ["didChangeWatchedFiles"] = new JObject { ["dynamicRegistration"] = true } } };
        await using LspTestClient client = await LspTestClient.StartAsync(capabilities, ontologyDirectory: _ontology);
        JObject registration = await client.WaitForAsync(LspMethods.ClientRegisterCapability, _ => true);
        Assert.Equal(LspMethods.WorkspaceDidChangeWatchedFiles, (string?)registration["registrations"]![0]!["method"]);

        await client.OpenAsync("file:///w/p.md", DiagnosticsTests.Protocol);
        Assert.Single(DiagnosticsTests.DocumentProblems(await client.DiagnosticsAsync("file:///w/p.md", 1)));

        string added = Path.Combine(_ontology, "zz-feature.ttl");
        await File.WriteAllTextAsync(added,
            "@prefix gg: <https://w3id.org/guidelinegraph/ns#> .\n@prefix ggf: <https://w3id.org/guidelinegraph/feature/> .\n" +
            "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n" +
            "ggf:zzqqxx a gg:ProfileFeature, skos:Concept ; skos:prefLabel \"zzqqxx\"@en .\n");
        int before = client.Received.Count(m => m.Method == LspMethods.TextDocumentPublishDiagnostics);
        await client.NotifyAsync(LspMethods.WorkspaceDidChangeWatchedFiles, new { changes = new[] { new { uri = new Uri(added).AbsoluteUri, type = 1 } } });
        JObject republished = await client.WaitForAsync(LspMethods.TextDocumentPublishDiagnostics,
            p => (string?)p["uri"] == "file:///w/p.md" && DiagnosticsTests.DocumentProblems(p).Count == 0);
        Assert.Equal(1, (int)republished["version"]!);
        Assert.Contains(client.Received, m => m.Method == LspMethods.WindowLogMessage && ((string)m.Params["message"]!).Contains("zz-feature.ttl changed"));
    }

    [Fact]
    public async Task A_change_outside_the_ontology_directory_does_not_reload()
    {
        await using LspTestClient client = await LspTestClient.StartAsync(ontologyDirectory: _ontology);
        await client.WaitForAsync(LspMethods.WindowLogMessage, p => ((string?)p["message"])!.Contains("loaded"));
        await client.NotifyAsync(LspMethods.WorkspaceDidChangeWatchedFiles, new { changes = new[] { new { uri = "file:///elsewhere/x.ttl", type = 2 } } });
        await client.OpenAsync("file:///w/q.rq", "ASK {}", languageId: "sparql");
        await client.DiagnosticsAsync("file:///w/q.rq", 1);
        Assert.Single(client.Received, m => m.Method == LspMethods.WindowLogMessage && ((string)m.Params["message"]!).Contains("loaded"));
    }
}
