using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>
/// Quick fixes for a missing requirement's diagnostic: insert a section skeleton (heading, marker, a line to fill in)
/// at the end of the section where it belongs, or waive it in the front matter with a justification to write; and,
/// on a feature the text mentions, declaring it in the front-matter profile.
/// </summary>
[LspMethod(LspMethods.TextDocumentCodeAction)]
internal sealed class CodeActionHandler : ILspHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    public bool MutatesState => false;

    public async Task<IReadOnlyList<CodeAction>> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken ct)
    {
        if (await context.ProtocolAsync(request.TextDocument.Uri, ct).ConfigureAwait(false) is not { Model: { } model, Report: { } report } analysis) return [];
        var actions = new List<CodeAction>();
        ServerSettings settings = context.Snapshot.Settings;
        PositionEncoding encoding = context.Snapshot.Encoding;
        foreach (Diagnostic diagnostic in request.Context?.Diagnostics ?? [])
        {
            string? id = diagnostic.Data?["requirementId"]?.ToString() ?? (diagnostic.Code is { } code ? RequirementIds.LocalId(code) : null);
            RequirementCoverage? coverage = report.Requirements.FirstOrDefault(r => r.Applicable.Requirement.Id == id && r.Status == CoverageStatus.Missing);
            if (coverage is null) continue;
            Requirement requirement = coverage.Applicable.Requirement;
            string name = model.CompactName(requirement);
            actions.Add(Action(settings.Chinese ? $"插入章节框架：{Control(requirement, settings)}" : $"Insert a section skeleton for {Control(requirement, settings)}",
                diagnostic, analysis, Skeleton(analysis, coverage, name, settings), encoding, preferred: true));
            if (Waiver(analysis, name, settings) is { } waiver)
                actions.Add(Action(settings.Chinese ? $"豁免 {name}（需填写理由）" : $"Waive {name} with a justification", diagnostic, analysis, waiver, encoding, preferred: false));
        }
        actions.AddRange(DeclareFeatures(analysis, request.Range, settings, encoding));
        return actions;
    }

    private static string Control(Requirement requirement, ServerSettings settings) =>
        requirement.Controls.Count > 0 ? settings.Pick(requirement.Controls[0].Label) ?? requirement.Controls[0].Id : requirement.Id;

    private static CodeAction Action(string title, Diagnostic? diagnostic, ProtocolAnalysis analysis, (int Offset, string Text) insert,
        PositionEncoding encoding, bool preferred)
    {
        Protocol.Range at = analysis.Document.Text.Range(insert.Offset, insert.Offset, encoding);
        return new CodeAction(title, "quickfix")
        {
            Diagnostics = diagnostic is null ? null : [diagnostic],
            IsPreferred = preferred,
            Edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [analysis.Document.Uri] = [new TextEdit(at, insert.Text)] }),
        };
    }

    /// <summary>A subsection at the end of the first section where the requirement belongs (the document's end when none maps).</summary>
    private static (int, string) Skeleton(ProtocolAnalysis analysis, RequirementCoverage coverage, string name, ServerSettings settings)
    {
        DocumentText text = analysis.Document.Text;
        ProtocolSection? section = coverage.ExpectedSections.Count > 0 ? coverage.ExpectedSections[0] : null;
        ProtocolSection? lastInside = section;
        while (lastInside is { Children.Count: > 0 }) lastInside = lastInside.Children[^1];
        int offset = lastInside is null ? text.Text.Length : (int)lastInside.BodySpan.End.Offset;
        int level = Math.Min(6, (section?.Level ?? 1) + 1);
        string title = Control(coverage.Applicable.Requirement, settings);
        string prompt = settings.Chinese ? "说明本方案如何满足该要求。" : "Describe how this protocol meets the requirement.";
        string lead = offset > 0 && text.Text[offset - 1] != '\n' ? "\n\n" : "\n";
        return (offset, $"{lead}{new string('#', level)} {title}\n\n<!-- gg:addresses {name} -->\n{prompt}\n");
    }

    private static readonly string[][] WaiverLists = [["waivers"], ["guidelinegraph", "waivers"]];
    private static readonly string[][] NewWaiverList = [["waivers"]];
    private static readonly string[][] FeatureLists = [["guidelinegraph", "features"], ["guidelinegraph", "profile", "features"], ["profile", "features"]];
    private static readonly string[][] NewFeatureList = [["guidelinegraph", "features"], ["profile", "features"]];

    /// <summary>A whole waivers: list item, in whichever waivers list the front matter already has (a new top-level one otherwise).</summary>
    private static (int, string)? Waiver(ProtocolAnalysis analysis, string name, ServerSettings settings)
    {
        string justification = settings.Chinese ? "\"（说明不适用的理由）\"" : "\"(state why this requirement does not apply)\"";
        return FrontMatterListEdit.Add(analysis.Document.Text, analysis.Protocol.FrontMatter, WaiverLists, NewWaiverList,
            FrontMatterItem.Of(("requirement", name), ("justification", justification)));
    }

    /// <summary>
    /// "Add AAV9 to the profile" for each feature the text mentions (not negated) within the requested range and the
    /// front matter does not declare: its id goes into the declared features list, so the profile no longer depends on detection.
    /// </summary>
    private static IEnumerable<CodeAction> DeclareFeatures(ProtocolAnalysis analysis, Protocol.Range range, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        int start = text.Offset(range.Start, encoding), end = text.Offset(range.End, encoding);
        var declared = analysis.Declared.Select(d => d.Feature.Id).ToHashSet(StringComparer.Ordinal);
        foreach (DetectedFeature detected in analysis.Detected)
        {
            if (declared.Contains(detected.Feature.Id)
                || !detected.Occurrences.Any(o => !o.Negated && o.Span.Start.Offset <= end && start <= o.Span.End.Offset)) continue;
            if (FrontMatterListEdit.Add(text, analysis.Protocol.FrontMatter, FeatureLists, NewFeatureList, FrontMatterItem.Of(detected.Feature.Id)) is not { } insert)
                continue;
            string label = settings.Pick(detected.Feature.Title) ?? detected.Feature.Id;
            yield return Action(settings.Chinese ? $"将“{label}”加入特征组合" : $"Add {label} to the profile", null, analysis, insert, encoding, preferred: false);
        }
    }
}
