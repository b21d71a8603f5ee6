using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

public class TraceabilityTests
{
    private const string Uri = "file:///w/p.md";
    private const string Protocol = "---\nguidelinegraph:\n  features: [children, first-in-human]\n---\n# 1 PROTOCOL SUMMARY\n\nText.\n";

    [Fact]
    public async Task The_matrix_has_a_row_per_applicable_requirement_with_its_status_and_an_html_page()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Protocol);
        await client.DiagnosticsAsync(Uri, 1);
        JToken matrix = (await client.RequestAsync(LspMethods.TraceabilityMatrix, new { textDocument = new { uri = Uri } }))!;
        JToken row = ((JArray)matrix["rows"]!).Single(r => ((string)r["requirementId"]!).EndsWith("r-3.1-p3-s2a", StringComparison.Ordinal));
        Assert.Equal("missing", (string?)row["status"]);
        Assert.Equal("shall", (string?)row["modality"]);
        Assert.StartsWith("申请人如计划首先在儿童受试者中开展首次人体试验", (string)row["quoteZh"]!);
        Assert.Contains("<table", (string)matrix["html"]!);
        Assert.NotEmpty((JArray)matrix["columns"]!);
    }

    [Fact]
    public async Task ExportMatrix_writes_the_file_in_the_format_asked()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gg-lsp-{Guid.NewGuid():N}.csv");
        try
        {
            await using LspTestClient client = await LspTestClient.StartAsync();
            await client.OpenAsync(Uri, Protocol);
            JToken answer = (await client.RequestAsync(LspMethods.ExportMatrix, new { textDocument = new { uri = Uri }, format = "csv", path }))!;
            Assert.Equal(path, (string?)answer["path"]);
            Assert.Contains("r-3.1-p3-s2a", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class RequiredControlsTests
{
    [Fact]
    public async Task Required_controls_group_the_requirements_by_m11_section_with_status_and_target()
    {
        const string uri = "file:///w/p.md";
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(uri, "---\nguidelinegraph:\n  features: [children, first-in-human]\n---\n# 1 PROTOCOL SUMMARY\n\nText.\n");
        JToken tree = (await client.RequestAsync(LspMethods.RequiredControls, new { textDocument = new { uri } }))!;
        Assert.Contains((JArray)tree["profile"]!, f => (string?)f["id"] == "children" && (string?)f["source"] == "declared");
        // r-3.1-p3-s2a belongs in M11 5.1 and 2.2.3; sorted, 2.2.3 comes first and names its group.
        JToken group = ((JArray)tree["groups"]!).Single(g => ((JArray)g["items"]!).Any(i => (string?)i["requirementId"] == "r-3.1-p3-s2a"));
        Assert.Equal("2.2.3", (string?)group["m11Section"]);
        JToken item = ((JArray)group["items"]!).Single(i => (string?)i["requirementId"] == "r-3.1-p3-s2a");
        Assert.Equal("missing", (string?)item["status"]);
        Assert.Equal("3.1 ¶3", (string?)item["clause"]!["number"]);
        Assert.Equal(0, (int)item["target"]!["start"]!["line"]!);
    }
}
