using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

/// <summary>
/// The code actions that write into the front matter: declaring a detected feature in the profile, and waiving a
/// requirement, for every front-matter shape the checker reads, keeping the YAML's own style.
/// </summary>
public class FrontMatterActionTests
{
    // Under protocols/, so that a Markdown file without front matter is read as a protocol.
    private const string Uri = "file:///w/protocols/fm.md";
    private const string Body = "# 1 PROTOCOL SUMMARY\n\n本试验使用 AAV9 载体。\n";
    private const string MissingId = "cde:r-3.1-p3-s2a";
    private const string Justification = "\"(state why this requirement does not apply)\"";

    private static async Task<JArray> ActionsAtAsync(LspTestClient client, string text, int version, string needle, JToken? diagnostic = null)
    {
        string[] lines = text.Split('\n');
        int line = Array.FindIndex(lines, l => l.Contains(needle, StringComparison.Ordinal));
        int character = lines[line].IndexOf(needle, StringComparison.Ordinal);
        return (JArray)(await client.RequestAsync(LspMethods.TextDocumentCodeAction, new
        {
            textDocument = new { uri = Uri },
            range = diagnostic?["range"] ?? JToken.FromObject(new { start = new { line, character }, end = new { line, character } }),
            context = new { diagnostics = diagnostic is null ? [] : new[] { diagnostic } },
        }))!;
    }

    private static bool IsAddFeature(JToken action) => ((string)action["title"]!).EndsWith(" to the profile", StringComparison.Ordinal);

    private static void AssertDeclares(string text, string word)
    {
        ProtocolReadResult read = MarkdownProtocolReader.Read(text);
        Assert.Empty(read.Errors);
        Assert.Contains(read.Document!.FrontMatter!.DeclaredFeatures, d => d.Word == word);
    }

    private static async Task<string> AddAav9Async(string text)
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        await client.DiagnosticsAsync(Uri, 1);
        JToken action = (await ActionsAtAsync(client, text, 1, "AAV9")).Single(IsAddFeature);
        Assert.Equal("Add AAV9 vector to the profile", (string?)action["title"]);
        Assert.Equal("quickfix", (string?)action["kind"]);
        return WorkspaceEdits.Apply(text, action, Uri);
    }

    [Theory]
    [InlineData("guidelinegraph:\n  features:\n    - intrathecal\n", "guidelinegraph:\n  features:\n    - intrathecal\n    - aav9\n")]
    [InlineData("guidelinegraph:\n  features:\n    - 'intrathecal'\n", "guidelinegraph:\n  features:\n    - 'intrathecal'\n    - 'aav9'\n")]
    [InlineData("guidelinegraph:\n  features: [intrathecal]\n", "guidelinegraph:\n  features: [intrathecal, aav9]\n")]
    [InlineData("guidelinegraph:\n  features: [\"intrathecal\"]\n", "guidelinegraph:\n  features: [\"intrathecal\", \"aav9\"]\n")]
    [InlineData("guidelinegraph:\n  features: intrathecal, children\n", "guidelinegraph:\n  features: intrathecal, children, aav9\n")]
    [InlineData("guidelinegraph:\n  features: \"intrathecal\"\n", "guidelinegraph:\n  features: \"intrathecal, aav9\"\n")]
    [InlineData("guidelinegraph:\n  features:\n", "guidelinegraph:\n  features:\n    - aav9\n")]
    [InlineData("guidelinegraph:\n  profile:\n    features: [鞘内给药]\n", "guidelinegraph:\n  profile:\n    features: [鞘内给药, aav9]\n")]
    [InlineData("profile:\n  features:\n  - intrathecal\n", "profile:\n  features:\n  - intrathecal\n  - aav9\n")]
    [InlineData("profile:\n  features: []\n", "profile:\n  features: [aav9]\n")]
    [InlineData("guidelinegraph:\n  waivers: []\n", "guidelinegraph:\n  waivers: []\n  features:\n    - aav9\n")]
    [InlineData("title: 基因治疗方案\n", "title: 基因治疗方案\nguidelinegraph:\n  features:\n    - aav9\n")]
    [InlineData("guidelinegraph: {features: [intrathecal]}\n", "guidelinegraph: {features: [intrathecal, aav9]}\n")]
    [InlineData("guidelinegraph: {title: x}\n", "guidelinegraph: {title: x, features: [aav9]}\n")]
    [InlineData("guidelinegraph: {}\n", "guidelinegraph: {features: [aav9]}\n")]
    public async Task Adding_a_detected_feature_keeps_the_front_matter_style(string yaml, string expected)
    {
        string added = await AddAav9Async($"---\n{yaml}---\n{Body}");
        Assert.Equal($"---\n{expected}---\n{Body}", added);
        AssertDeclares(added, "aav9");
    }

    [Fact]
    public async Task Without_a_front_matter_the_action_creates_one()
    {
        string added = await AddAav9Async(Body);
        Assert.Equal("---\nguidelinegraph:\n  features:\n    - aav9\n---\n" + Body, added);
        AssertDeclares(added, "aav9");
    }

    [Fact]
    public async Task A_crlf_document_gets_crlf_lines()
    {
        string text = "---\r\nguidelinegraph:\r\n  features:\r\n    - intrathecal\r\n---\r\n" + Body.Replace("\n", "\r\n");
        string added = await AddAav9Async(text);
        Assert.Equal(text.Replace("    - intrathecal\r\n", "    - intrathecal\r\n    - aav9\r\n"), added);
        AssertDeclares(added, "aav9");
    }

    [Fact]
    public async Task After_the_edit_the_feature_is_declared_and_no_longer_offered()
    {
        string text = "---\nguidelinegraph:\n  features: [intrathecal]\n---\n" + Body;
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        await client.DiagnosticsAsync(Uri, 1);
        JToken before = (await client.RequestAsync(LspMethods.RequiredControls, new { textDocument = new { uri = Uri } }))!;
        Assert.Contains((JArray)before["profile"]!, f => (string?)f["id"] == "aav9" && (string?)f["source"] == "detected");

        string added = WorkspaceEdits.Apply(text, (await ActionsAtAsync(client, text, 1, "AAV9")).Single(IsAddFeature), Uri);
        await client.ChangeAsync(Uri, 2, new { text = added });
        await client.DiagnosticsAsync(Uri, 2);
        JToken after = (await client.RequestAsync(LspMethods.RequiredControls, new { textDocument = new { uri = Uri } }))!;
        Assert.Contains((JArray)after["profile"]!, f => (string?)f["id"] == "aav9" && (string?)f["source"] == "declared");
        Assert.DoesNotContain(await ActionsAtAsync(client, added, 2, "AAV9"), IsAddFeature);
    }

    [Fact]
    public async Task In_chinese_the_titles_and_the_justification_prompt_are_chinese()
    {
        const string yaml = "guidelinegraph:\n  features: [children, first-in-human]\n  waivers:\n    - requirement: cde:r-4.1-p1-s1a\n      justification: 已在别处说明。\n";
        string text = $"---\n{yaml}---\n{Body}";
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        JToken diagnostic = ((JArray)(await client.DiagnosticsAsync(Uri, 1))["diagnostics"]!).Single(d => (string?)d["code"] == MissingId);
        await client.NotifyAsync(LspMethods.WorkspaceDidChangeConfiguration, new { settings = new { guidelineGraph = new { language = "zh" } } });

        JArray onFeature = await ActionsAtAsync(client, text, 1, "AAV9");
        Assert.Contains(onFeature, a => (string?)a["title"] == "将“AAV9载体”加入特征组合");
        JToken waive = (await ActionsAtAsync(client, text, 1, "AAV9", diagnostic)).Single(a => (string?)a["title"] == "豁免 cde:r-3.1-p3-s2a（需填写理由）");
        Assert.Equal($"---\n{yaml}    - requirement: cde:r-3.1-p3-s2a\n      justification: \"（说明不适用的理由）\"\n---\n{Body}", WorkspaceEdits.Apply(text, waive, Uri));
    }

    [Fact]
    public async Task Only_features_under_the_requested_range_are_offered()
    {
        string text = "---\nguidelinegraph:\n  features: [intrathecal]\n---\n" + Body;
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        await client.DiagnosticsAsync(Uri, 1);
        Assert.DoesNotContain(await ActionsAtAsync(client, text, 1, "PROTOCOL"), IsAddFeature);
    }

    [Theory]
    [InlineData(
        "guidelinegraph:\n  features: [children, first-in-human]\n  waivers:\n    - requirement: cde:r-4.1-p1-s1a\n      justification: Covered elsewhere.\n",
        "guidelinegraph:\n  features: [children, first-in-human]\n  waivers:\n    - requirement: cde:r-4.1-p1-s1a\n      justification: Covered elsewhere.\n" +
        "    - requirement: cde:r-3.1-p3-s2a\n      justification: " + Justification + "\n")]
    [InlineData(
        "guidelinegraph:\n  features:\n    - children\n    - first-in-human\n  waivers:\n  - requirement: cde:r-4.1-p1-s1a\n    justification: \"已在别处说明\"\n",
        "guidelinegraph:\n  features:\n    - children\n    - first-in-human\n  waivers:\n  - requirement: cde:r-4.1-p1-s1a\n    justification: \"已在别处说明\"\n" +
        "  - requirement: cde:r-3.1-p3-s2a\n    justification: " + Justification + "\n")]
    [InlineData(
        "guidelinegraph:\n  features: [children, first-in-human]\n  waivers: []\n",
        "guidelinegraph:\n  features: [children, first-in-human]\n  waivers: [{requirement: cde:r-3.1-p3-s2a, justification: " + Justification + "}]\n")]
    [InlineData(
        "guidelinegraph:\n  waivers:\n  features: [children, first-in-human]\n",
        "guidelinegraph:\n  waivers:\n    - requirement: cde:r-3.1-p3-s2a\n      justification: " + Justification + "\n  features: [children, first-in-human]\n")]
    [InlineData(
        "guidelinegraph:\n  features: [children, first-in-human]\nwaivers: [{requirement: cde:r-4.1-p1-s1a, justification: Covered elsewhere.}]\n",
        "guidelinegraph:\n  features: [children, first-in-human]\nwaivers: [{requirement: cde:r-4.1-p1-s1a, justification: Covered elsewhere.}, " +
        "{requirement: cde:r-3.1-p3-s2a, justification: " + Justification + "}]\n")]
    [InlineData(
        "guidelinegraph:\n  features: [children, first-in-human]\nwaivers:\n- requirement: cde:r-4.1-p1-s1a\n  justification: Covered elsewhere.\n",
        "guidelinegraph:\n  features: [children, first-in-human]\nwaivers:\n- requirement: cde:r-4.1-p1-s1a\n  justification: Covered elsewhere.\n" +
        "- requirement: cde:r-3.1-p3-s2a\n  justification: " + Justification + "\n")]
    [InlineData(
        "guidelinegraph:\n  features: [children, first-in-human]\n",
        "guidelinegraph:\n  features: [children, first-in-human]\nwaivers:\n  - requirement: cde:r-3.1-p3-s2a\n    justification: " + Justification + "\n")]
    public async Task Waiving_goes_into_the_waivers_list_the_front_matter_already_has(string yaml, string expected)
    {
        string text = $"---\n{yaml}---\n{Body}";
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, text);
        JObject published = await client.DiagnosticsAsync(Uri, 1);
        JToken diagnostic = ((JArray)published["diagnostics"]!).Single(d => (string?)d["code"] == MissingId);
        JToken waive = (await ActionsAtAsync(client, text, 1, "AAV9", diagnostic)).Single(a => ((string)a["title"]!).StartsWith("Waive", StringComparison.Ordinal));
        string waived = WorkspaceEdits.Apply(text, waive, Uri);
        Assert.Equal($"---\n{expected}---\n{Body}", waived);

        ProtocolReadResult read = MarkdownProtocolReader.Read(waived);
        Assert.Empty(read.Errors);
        Assert.Contains(read.Document!.FrontMatter!.Waivers, w => w.Token == MissingId);
        await client.ChangeAsync(Uri, 2, new { text = waived });
        JObject after = await client.DiagnosticsAsync(Uri, 2);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == MissingId);
        Assert.DoesNotContain((JArray)after["diagnostics"]!, d => (string?)d["code"] == "protocol");
    }
}
