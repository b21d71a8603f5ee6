using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Tests;

public class RunQueryTests
{
    private const string Labels =
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" +
        "SELECT ?label WHERE { <https://w3id.org/guidelinegraph/feature/aav9> skos:prefLabel ?label } ORDER BY ?label";

    [Fact]
    public async Task A_select_in_an_open_query_file_answers_with_sparql_json_bindings()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync("file:///w/labels.rq", Labels, languageId: "sparql");
        JToken answer = (await client.RequestAsync(LspMethods.RunQuery, new { textDocument = new { uri = "file:///w/labels.rq" } }))!;
        Assert.Equal("select", (string?)answer["kind"]);
        Assert.Equal(["label"], answer["variables"]!.Select(v => (string)v!));
        var rows = (JArray)answer["rows"]!;
        Assert.Equal(2, rows.Count);
        Assert.Equal("AAV9 vector", (string?)rows[0]["label"]!["value"]);
        Assert.Equal("en", (string?)rows[0]["label"]!["xml:lang"]);
        Assert.Equal("literal", (string?)rows[0]["label"]!["type"]);
        Assert.Equal("AAV9载体", (string?)rows[1]["label"]!["value"]);
        Assert.False((bool)answer["truncated"]!);
    }

    [Fact]
    public async Task Ask_and_construct_from_query_text()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        JToken ask = (await client.RequestAsync(LspMethods.RunQuery, new { query = "ASK { ?g a <https://w3id.org/guidelinegraph/ns#Guideline> }" }))!;
        Assert.Equal("ask", (string?)ask["kind"]);
        Assert.True((bool)ask["boolean"]!);
        JToken graph = (await client.RequestAsync(LspMethods.RunQuery, new
        {
            query = "CONSTRUCT { ?f <urn:label> ?l } WHERE { ?f <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(?f = <https://w3id.org/guidelinegraph/feature/aav9>) }",
        }))!;
        Assert.Equal("graph", (string?)graph["kind"]);
        Assert.Contains("\"AAV9载体\"@zh", (string)graph["turtle"]!);
    }

    [Fact]
    public async Task A_syntax_error_is_an_invalid_params_error_with_its_position()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        // StreamJsonRpc's client surfaces -32602 (invalid params) as RemoteMethodNotFoundException.
        var error = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync(LspMethods.RunQuery, new { query = "SELECT ?x WHERE { ?x ?p }" }));
        Assert.Equal(LspErrorCodes.InvalidParams, (int?)error.ErrorCode);
        Assert.StartsWith("1:25:", error.Message);
    }

    [Fact]
    public async Task A_query_file_that_is_not_open_is_read_from_disk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gg-lsp-{Guid.NewGuid():N}.rq");
        await File.WriteAllTextAsync(path, Labels);
        try
        {
            await using LspTestClient client = await LspTestClient.StartAsync();
            JToken answer = (await client.RequestAsync(LspMethods.RunQuery, new { textDocument = new { uri = new Uri(path).AbsoluteUri } }))!;
            Assert.Equal(2, ((JArray)answer["rows"]!).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
