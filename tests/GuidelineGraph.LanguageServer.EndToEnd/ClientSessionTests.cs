using System.Text.Json.Nodes;
using GuidelineGraph.LanguageServer.EndToEnd.Clients;

namespace GuidelineGraph.LanguageServer.EndToEnd;

/// <summary>
/// A writer's session through two third-party LSP clients against the real <c>gg lsp</c>: open a protocol, get its
/// gaps as diagnostics, type the missing text and see the gap close, hover a feature, apply a quick fix, (Node) add a
/// mentioned feature to the profile, shut down.
/// The expected requirement ids are worked out by hand from ontology/guidelines/cde-2024-rare-disease-gt/guideline.ttl
/// and the example protocols (see each test).
/// </summary>
[Collection(ServerProcesses.Name)]
public sealed class ClientSessionTests : IDisposable
{
    /// <summary>The waiver quick fix, titled in either language (r-4.1-p5-s1's gap stays open after the typed fix).</summary>
    private const string WaiveTitles = "waive|豁免";

    private readonly string _scratch = Directory.CreateTempSubdirectory("gg-lsp-e2e-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string CopyExample(string name)
    {
        string target = Path.Combine(_scratch, name);
        File.Copy(Path.Combine(E2ePaths.Examples, name), target);
        return target;
    }

    /// <summary>
    /// sma-aav9-infants.md (English): an AAV9 product is a gene-therapy product, so r-3.5-p3-s2 ("subjects need to
    /// be observed over the long term", shall, control long-term-follow-up, M11 8.4) applies; the protocol never
    /// mentions long-term follow-up, so it is an error until a sentence in 8.4 says so. r-4.1-p5-s1 (viral vector ->
    /// explore shedding, should, M11 8.5) stays open because 8.5 says shedding "will not be assessed".
    /// </summary>
    [Fact]
    public async Task Node_client_on_vscode_languageserver_protocol()
    {
        var scenario = new ClientScenario(
            CopyExample("sma-aav9-infants.md"), "markdown", ServerProcesses.Settings,
            FixAfter: "2 weeks until month 3. Platelet counts",
            FixInsert: "All participants enter long-term follow-up for 15 years after dosing, with yearly safety visits.\n",
            FixClears: "cde:r-3.5-p3-s2",
            HoverAt: "AAV9 vector carrying",
            ActionCode: "cde:r-4.1-p5-s1", ActionTitle: WaiveTitles,
            DeclareAt: "Prophylactic corticosteroids");
        ClientTranscript session = await NodeClient.RunAsync(scenario, _scratch);
        AssertSession(session, scenario);
        Assert.Contains("AAV9 vector", session.Hover);
        // "Prophylactic corticosteroids" (8.3) is a label of immunosuppression, which the front matter does not declare.
        Assert.Equal("Add immunosuppressive regimen to the profile", session.Declared!.Title);
        Assert.Contains("  features: [AAV9, intravenous, infants, rare-disease, first-in-human, single-arm, immunosuppression]\n", session.TextAfterDeclare);
        Assert.Contains(session.ProfileAfterDeclare!, f => f is { Id: "immunosuppression", Source: "declared" });
    }

    /// <summary>
    /// rpe65-subretinal-aav2.zh.md (Chinese, UTF-16 positions through Neovim's own conversion): r-4.3-p2-s1
    /// ("应设计合理的试验中止/暂停标准", shall, control stopping-rules, M11 4.3) applies to every gene-therapy product and
    /// the protocol has no stopping rules; a section titled as M11 4.3 (试验终止规则) with a 暂停标准 sentence closes it.
    /// Both gaps and both fixes agree with `gg check` on the same texts.
    /// </summary>
    [Fact]
    public async Task Headless_neovim_client()
    {
        var settings = new JsonObject { ["language"] = "zh" };
        var scenario = new ClientScenario(
            CopyExample("rpe65-subretinal-aav2.zh.md"), "markdown", settings,
            FixAfter: "比较两眼的全视野光敏感度阈值变化",
            FixInsert: "\n## 3.2 试验终止规则\n\n暂停标准：出现 2 例及以上与治疗相关的严重不良事件时，立即暂停入组与给药，直到安全性问题被解决。",
            FixClears: "cde:r-4.3-p2-s1",
            HoverAt: "视网膜下注射的安全性",
            ActionCode: "cde:r-4.1-p5-s1", ActionTitle: WaiveTitles);
        ClientTranscript session = await NeovimClient.RunAsync(scenario, _scratch);
        AssertSession(session, scenario);
        Assert.Contains("视网膜下腔注射", session.Hover);
    }

    private static void AssertSession(ClientTranscript session, ClientScenario scenario)
    {
        Assert.Equal(["initialize", "open", "fix", "hover", "codeAction", .. scenario.DeclareAt is null ? Array.Empty<string>() : ["declare"], "exit"],
            session.Steps);
        Assert.All(session.Opened!, d => Assert.Equal("GuidelineGraph", d.Source));
        DiagnosticSeen gap = Assert.Single(session.Opened!, d => d.Code == scenario.FixClears);
        Assert.Equal(1, gap.Severity);
        Assert.Contains(session.Opened!, d => d.Code == scenario.ActionCode);
        Assert.DoesNotContain(session.Fixed!, d => d.Code == scenario.FixClears);
        Assert.Contains(session.Fixed!, d => d.Code == scenario.ActionCode);
        Assert.True(session.AfterAction!.All(d => d.Code != scenario.ActionCode),
            $"{scenario.ActionCode} is still reported after \"{session.Action!.Title}\"; the text then began:\n{string.Join('\n', session.TextAfterAction!.Split('\n').Take(12))}");
        Assert.Contains(scenario.ActionCode, session.TextAfterAction);
        Assert.Equal(0, session.ExitCode);
    }
}
