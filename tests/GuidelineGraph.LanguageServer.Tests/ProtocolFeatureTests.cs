using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

public class ProtocolFeatureTests
{
    private const string Uri = "file:///w/p.md";

    // Line 6: "本试验使用😀载体 AAV9。" — AAV9 is UTF-16 columns 10-14 (five CJK, the emoji as two units, two CJK, a space).
    private const string Protocol =
        "---\n" +
        "guidelinegraph:\n" +
        "  features: [鞘内给药, ]\n" +
        "---\n" +
        "# 1 PROTOCOL SUMMARY\n" +
        "\n" +
        "本试验使用😀载体 AAV9。\n" +
        "<!-- gg:addresses cde:r-3.1-p3-s2a -->\n" +
        "## 1.1 Protocol Synopsis\n" +
        "\n" +
        "Text.\n" +
        "# 2 INTRODUCTION\n";

    private static object At(int line, int character) => new { textDocument = new { uri = Uri }, position = new { line, character } };

    private static async Task<LspTestClient> OpenAsync(JObject? capabilities = null)
    {
        LspTestClient client = await LspTestClient.StartAsync(capabilities);
        await client.OpenAsync(Uri, Protocol);
        await client.DiagnosticsAsync(Uri, 1);
        return client;
    }

    [Fact]
    public async Task Hover_on_a_detected_feature_gives_its_labels_and_exact_range()
    {
        await using LspTestClient client = await OpenAsync();
        JToken hover = (await client.RequestAsync(LspMethods.TextDocumentHover, At(6, 10)))!;
        string text = (string)hover["contents"]!["value"]!;
        Assert.Contains("`aav9`", text);
        Assert.Contains("AAV9载体", text);
        Assert.Contains("Detected in the text", text);
        Assert.Equal(10, (int)hover["range"]!["start"]!["character"]!);
        Assert.Equal(14, (int)hover["range"]!["end"]!["character"]!);
    }

    // AAV9 on line 6 starts after 本试验使用 (5 × 3 bytes), 😀 (4 bytes), 载体 (2 × 3 bytes) and a space: UTF-8 byte column 26.
    [Theory]
    [InlineData("utf-16", 10, 14)]
    [InlineData("utf-8", 26, 30)]
    public async Task Hover_ranges_after_cjk_and_a_surrogate_pair_are_exact_in_the_negotiated_encoding(string encoding, int start, int end)
    {
        await using LspTestClient client = await OpenAsync(new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray(encoding) } });
        JToken hover = (await client.RequestAsync(LspMethods.TextDocumentHover, At(6, start + 1)))!;
        Assert.Contains("`aav9`", (string)hover["contents"]!["value"]!);
        Assert.Equal((6, start, 6, end), ((int)hover["range"]!["start"]!["line"]!, (int)hover["range"]!["start"]!["character"]!,
            (int)hover["range"]!["end"]!["line"]!, (int)hover["range"]!["end"]!["character"]!));
        Assert.Equal(JTokenType.Null, (await client.RequestAsync(LspMethods.TextDocumentHover, At(6, start - 2)))?.Type ?? JTokenType.Null);
    }

    // The heading "## 5.1 受试人群😀描述" is 15 UTF-16 units (7 ASCII, six CJK, the emoji as two) and 29 UTF-8 bytes (7 + 6 × 3 + 4).
    [Theory]
    [InlineData("utf-16", 15)]
    [InlineData("utf-8", 29)]
    public async Task A_missing_requirement_on_a_chinese_heading_covers_the_heading_exactly(string encoding, int end)
    {
        const string uri = "file:///w/zh.md";
        await using LspTestClient client = await LspTestClient.StartAsync(new JObject { ["general"] = new JObject { ["positionEncodings"] = new JArray(encoding) } });
        await client.OpenAsync(uri, "---\nguidelinegraph:\n  features: [children, first-in-human]\n---\n# 5 TRIAL POPULATION\n\n## 5.1 受试人群😀描述\n\n仅成人。\n");
        JObject published = await client.DiagnosticsAsync(uri, 1);
        JToken diagnostic = ((JArray)published["diagnostics"]!).Single(d => (string?)d["code"] == "cde:r-3.1-p3-s2a");
        JToken range = diagnostic["range"]!;
        Assert.Equal((6, 0, 6, end), ((int)range["start"]!["line"]!, (int)range["start"]!["character"]!, (int)range["end"]!["line"]!, (int)range["end"]!["character"]!));
    }

    [Fact]
    public async Task Hover_on_a_declared_feature_in_chinese_names_the_feature()
    {
        await using LspTestClient client = await OpenAsync();
        JToken hover = (await client.RequestAsync(LspMethods.TextDocumentHover, At(2, 14)))!;
        Assert.Contains("`intrathecal`", (string)hover["contents"]!["value"]!);
        Assert.Contains("Declared in the front matter", (string)hover["contents"]!["value"]!);
    }

    [Fact]
    public async Task Hover_on_a_requirement_marker_quotes_the_clause_in_both_languages()
    {
        await using LspTestClient client = await OpenAsync();
        string text = (string)(await client.RequestAsync(LspMethods.TextDocumentHover, At(7, 25)))!["contents"]!["value"]!;
        Assert.Contains("**shall**", text);
        Assert.Contains("clause 3.1 ¶3", text);
        Assert.Contains("申请人如计划首先在儿童受试者中开展首次人体试验", text);
        Assert.Contains("the rationale shall be made clear", text);
        // It needs children and first-in-human; this protocol has neither.
        Assert.Contains("Does not apply to this protocol's profile", text);
    }

    [Fact]
    public async Task Hover_on_a_feature_lists_the_requirements_it_brings()
    {
        await using LspTestClient client = await OpenAsync();
        string text = (string)(await client.RequestAsync(LspMethods.TextDocumentHover, At(2, 14)))!["contents"]!["value"]!;
        Assert.Matches(@"it brings \d+ requirement\(s\)", text);
    }

    [Fact]
    public async Task ExplainRequirement_gives_the_derivation_down_to_the_declared_feature()
    {
        await using LspTestClient client = await OpenAsync();
        // r-3.1-p2-s2 applies when the profile holds invasive-procedure; intrathecal (declared as 鞘内给药) is one.
        string text = (string)(await client.RequestAsync(LspMethods.ExplainRequirement,
            new { textDocument = new { uri = Uri }, requirementId = "cde:r-3.1-p2-s2" }))!["text"]!;
        Assert.StartsWith("r-3.1-p2-s2  [informative]", text);
        Assert.Contains("invasive", text);
        Assert.Contains("intrathecal", text);
        string other = (string)(await client.RequestAsync(LspMethods.ExplainRequirement,
            new { textDocument = new { uri = Uri }, requirementId = "r-3.1-p3-s2a" }))!["text"]!;
        Assert.Equal("r-3.1-p3-s2a does not apply to this protocol's profile.\n", other);
    }

    [Fact]
    public async Task A_feature_word_inside_a_risk_label_is_not_a_detected_feature()
    {
        // 颅内 is a label of intracranial administration, but in 颅内出血 (intracranial haemorrhage, a risk) it is not.
        const string uri = "file:///w/haemorrhage.md";
        await using LspTestClient client = await LspTestClient.StartAsync();
        await client.OpenAsync(uri, "---\nguidelinegraph:\n  features: [AAV9]\n---\n# 1 PROTOCOL SUMMARY\n\n患者出现颅内出血时停药；本品经颅内给药。\n");
        await client.DiagnosticsAsync(uri, 1);
        object At(int character) => new { textDocument = new { uri }, position = new { line = 6, character } };
        Assert.Equal(JTokenType.Null, (await client.RequestAsync(LspMethods.TextDocumentHover, At(5)))?.Type ?? JTokenType.Null);
        // The feature's own label, 颅内给药 at columns 15-19, is still detected.
        Assert.Contains("`intracranial`", (string)(await client.RequestAsync(LspMethods.TextDocumentHover, At(16)))!["contents"]!["value"]!);
    }

    [Fact]
    public async Task Hover_elsewhere_is_empty()
    {
        await using LspTestClient client = await OpenAsync();
        Assert.Equal(JTokenType.Null, (await client.RequestAsync(LspMethods.TextDocumentHover, At(10, 1)))?.Type ?? JTokenType.Null);
    }

    [Fact]
    public async Task Completion_in_the_features_list_offers_features_by_english_and_chinese_labels_inserting_the_id()
    {
        await using LspTestClient client = await OpenAsync();
        JArray items = (JArray)(await client.RequestAsync(LspMethods.TextDocumentCompletion, At(2, 20)))!["items"]!;
        JToken zh = items.Single(i => (string?)i["label"] == "鞘内给药");
        Assert.Equal("intrathecal", (string?)zh["textEdit"]!["newText"]);
        Assert.Equal(20, (int)zh["textEdit"]!["range"]!["start"]!["character"]!);
        Assert.Contains(items, i => (string?)i["label"] == "intrathecal administration");
        Assert.Contains(items, i => (string?)i["label"] == "AAV9 vector" && (string?)i["textEdit"]!["newText"] == "aav9");
    }

    [Fact]
    public async Task Completion_in_a_marker_offers_requirement_ids_replacing_the_typed_prefix()
    {
        await using LspTestClient client = await OpenAsync();
        JArray items = (JArray)(await client.RequestAsync(LspMethods.TextDocumentCompletion, At(7, 26)))!["items"]!;
        JToken item = items.Single(i => (string?)i["label"] == "r-3.1-p3-s2a");
        Assert.Equal(18, (int)item["textEdit"]!["range"]!["start"]!["character"]!);
        Assert.Equal(26, (int)item["textEdit"]!["range"]!["end"]!["character"]!);
        Assert.Contains("shall", (string)item["detail"]!);
        Assert.DoesNotContain(items, i => ((string?)i["detail"])!.StartsWith("informative", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completion_in_the_body_offers_nothing()
    {
        await using LspTestClient client = await OpenAsync();
        Assert.Empty((JArray)(await client.RequestAsync(LspMethods.TextDocumentCompletion, At(10, 2)))!["items"]!);
    }

    [Fact]
    public async Task Document_symbols_are_the_section_tree_with_m11_numbers()
    {
        await using LspTestClient client = await OpenAsync();
        JArray symbols = (JArray)(await client.RequestAsync(LspMethods.TextDocumentDocumentSymbol, new { textDocument = new { uri = Uri } }))!;
        Assert.Equal(["1 PROTOCOL SUMMARY", "2 INTRODUCTION"], symbols.Select(s => (string)s["name"]!));
        JToken synopsis = symbols[0]["children"]!.Single();
        Assert.Equal("1.1 Protocol Synopsis", (string?)synopsis["name"]);
        Assert.Equal("M11 1.1 Protocol Synopsis", (string?)synopsis["detail"]);
        Assert.Equal(8, (int)synopsis["selectionRange"]!["start"]!["line"]!);
        Assert.Equal(4, (int)symbols[0]["range"]!["start"]!["line"]!);
        Assert.True((int)symbols[0]["range"]!["end"]!["line"]! >= 10);
    }

    [Fact]
    public async Task The_configured_language_zh_puts_chinese_first()
    {
        var capabilities = new JObject { ["workspace"] = new JObject { ["configuration"] = true } };
        await using LspTestClient client = LspTestClient.Connect();
        client.Configuration = new JObject { ["language"] = "zh" };
        await client.InitializeAsync(capabilities, new JObject { ["debounceMs"] = 0 });
        await client.NotifyAsync(LspMethods.Initialized, new JObject());
        await client.WaitForAsync(LspMethods.WindowLogMessage, p => ((string?)p["message"])!.Contains("loaded"));
        await client.OpenAsync(Uri, Protocol);
        await client.DiagnosticsAsync(Uri, 1);
        string text = (string)(await client.RequestAsync(LspMethods.TextDocumentHover, At(6, 10)))!["contents"]!["value"]!;
        Assert.StartsWith("**AAV9载体**", text);
        Assert.Contains("在正文中检测到的特征", text);
        Assert.Contains(client.Received, m => m.Method == LspMethods.WorkspaceConfiguration);
    }

    [Fact]
    public async Task Settings_pushed_with_didChangeConfiguration_apply()
    {
        await using LspTestClient client = await OpenAsync();
        await client.NotifyAsync(LspMethods.WorkspaceDidChangeConfiguration, new { settings = new { guidelineGraph = new { language = "zh" } } });
        string text = (string)(await client.RequestAsync(LspMethods.TextDocumentHover, At(6, 10)))!["contents"]!["value"]!;
        Assert.StartsWith("**AAV9载体**", text);
    }
}
