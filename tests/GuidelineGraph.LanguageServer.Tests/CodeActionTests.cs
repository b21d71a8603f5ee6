using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

public class CodeActionTests
{
    private const string Uri = "file:///w/p.md";
    private const string MissingId = "cde:r-3.1-p3-s2a";

    private const string Protocol =
        "---\nguidelinegraph:\n  features: [children, first-in-human]\n---\n# 1 PROTOCOL SUMMARY\n\nText.\n";

    private static string Apply(string text, JToken action) => WorkspaceEdits.Apply(text, action, Uri);

    private static async Task<(JObject Diagnostic, JArray Actions)> ActionsAsync(LspTestClient client)
    {
        JObject published = await client.DiagnosticsAsync(Uri, 1);
        var diagnostic = ((JArray)published["diagnostics"]!).OfType<JObject>().Single(d => (string?)d["code"] == MissingId);
        var actions = (JArray)(await client.RequestAsync(LspMethods.TextDocumentCodeAction, new
        {
            textDocument = new { uri = Uri },
            range = diagnostic["range"],
            context = new { diagnostics = new[] { diagnostic } },
        }))!;
        return (diagnostic, actions);
    }

    [Theory]
    [InlineData("Waive")]
    [InlineData("Insert a section skeleton")]
    public async Task Applying_a_fix_clears_the_diagnostic(string titleStart)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Protocol);
        var (_, actions) = await ActionsAsync(client);
        JToken action = actions.Single(a => ((string)a["title"]!).StartsWith(titleStart, StringComparison.Ordinal));
        Assert.Equal("quickfix", (string?)action["kind"]);
        string fixedText = Apply(Protocol, action);
        await client.ChangeAsync(Uri, 2, new { text = fixedText });
        JObject after = await client.DiagnosticsAsync(Uri, 2);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == MissingId);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == "protocol");
    }

    [Fact]
    public async Task The_waiver_goes_into_the_front_matter_and_the_skeleton_carries_a_marker()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Protocol);
        var (_, actions) = await ActionsAsync(client);
        string waived = Apply(Protocol, actions.Single(a => ((string)a["title"]!).StartsWith("Waive", StringComparison.Ordinal)));
        Assert.Contains("waivers:\n  - requirement: cde:r-3.1-p3-s2a\n    justification: ", waived);
        Assert.True(waived.IndexOf("waivers:", StringComparison.Ordinal) < waived.IndexOf("\n---\n# 1", StringComparison.Ordinal));
        string skeleton = Apply(Protocol, actions.Single(a => (bool?)a["isPreferred"] == true));
        Assert.Contains("## ", skeleton);
        Assert.Contains("<!-- gg:addresses cde:r-3.1-p3-s2a -->", skeleton);
    }

    [Fact]
    public async Task Waiving_next_to_existing_waivers_adds_a_whole_list_item()
    {
        const string existing =
            "---\nguidelinegraph:\n  features: [children, first-in-human]\nwaivers:\n  - requirement: cde:r-4.1-p1-s1a\n" +
            "    justification: Covered elsewhere.\n---\n# 1 PROTOCOL SUMMARY\n\nText.\n";
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, existing);
        var (_, actions) = await ActionsAsync(client);
        string waived = Apply(existing, actions.Single(a => ((string)a["title"]!).StartsWith("Waive", StringComparison.Ordinal)));

        Assert.Contains("    justification: Covered elsewhere.\n  - requirement: cde:r-3.1-p3-s2a\n    justification: ", waived);
        var read = GuidelineGraph.Guidance.Documents.MarkdownProtocolReader.Read(waived);
        Assert.Empty(read.Errors);
        var waivers = read.Document!.FrontMatter!.Waivers;
        Assert.Equal(2, waivers.Count);
        Assert.Contains(waivers, w => w.Token.Contains("r-4.1-p1-s1a", StringComparison.Ordinal) && w.Justification == "Covered elsewhere.");
        Assert.Contains(waivers, w => w.Token.Contains("r-3.1-p3-s2a", StringComparison.Ordinal) && w.Justification.Length > 0);

        await client.ChangeAsync(Uri, 2, new { text = waived });
        JObject after = await client.DiagnosticsAsync(Uri, 2);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == MissingId);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == "protocol");
    }

    [Fact]
    public async Task Code_lens_counts_per_section()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        string text = Protocol + "# 5 TRIAL POPULATION\n\n## 5.1 Description of Trial Population and Rationale\n\nAdults only.\n";
        await client.OpenAsync(Uri, text);
        await client.DiagnosticsAsync(Uri, 1);
        var lenses = (JArray)(await client.RequestAsync(LspMethods.TextDocumentCodeLens, new { textDocument = new { uri = Uri } }))!;
        Assert.Equal(3, lenses.Count);
        Assert.All(lenses, l => Assert.Matches(@"^\d+ addressed, \d+ missing here$", (string)l["command"]!["title"]!));
        // r-3.1-p3-s2a belongs in M11 5.1 (and 2.2.3, absent here), so 5.1 has at least that one missing.
        JToken population = lenses.Single(l => (int)l["range"]!["start"]!["line"]! == 9);
        Assert.DoesNotMatch(@", 0 missing", (string)population["command"]!["title"]!);
    }
}
