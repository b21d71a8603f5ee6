using GuidelineGraph.Guidance.Coverage;
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
/// at the end of the section where it belongs, or waive it in the front matter with a justification to write.
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
            actions.Add(Action(settings.Chinese ? $"豁免 {name}（需填写理由）" : $"Waive {name} with a justification",
                diagnostic, analysis, Waiver(analysis, name, settings), encoding, preferred: false));
        }
        return actions;
    }

    private static string Control(Requirement requirement, ServerSettings settings) =>
        requirement.Controls.Count > 0 ? settings.Pick(requirement.Controls[0].Label) ?? requirement.Controls[0].Id : requirement.Id;

    private static CodeAction Action(string title, Diagnostic diagnostic, ProtocolAnalysis analysis, (int Offset, string Text) insert,
        PositionEncoding encoding, bool preferred)
    {
        Protocol.Range at = analysis.Document.Text.Range(insert.Offset, insert.Offset, encoding);
        return new CodeAction(title, "quickfix")
        {
            Diagnostics = [diagnostic],
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

    /// <summary>A waivers: entry in the front matter: appended to an existing block list, else a new waivers: key (and front matter when there is none).</summary>
    private static (int, string) Waiver(ProtocolAnalysis analysis, string name, ServerSettings settings)
    {
        string justification = settings.Chinese ? "\"（说明不适用的理由）\"" : "\"(state why this requirement does not apply)\"";
        DocumentText text = analysis.Document.Text;
        if (analysis.Protocol.FrontMatter is not { } frontMatter)
            return (0, $"---\nwaivers:\n  - requirement: {name}\n    justification: {justification}\n---\n");
        if (frontMatter.Values?["waivers"] is FrontMatterList { Items.Count: > 0 } list && text.Text[(int)list.Span.Start.Offset] != '[')
        {
            int dash = Math.Max(0, list.Items[0].Span.Start.Column - 3);
            string indent = new(' ', dash);
            return ((int)list.Items[^1].Span.End.Offset, $"\n{indent}- requirement: {name}\n{indent}  justification: {justification}");
        }
        // Before the closing fence: the first line after the opening one that is "---".
        for (int line = 1; line < text.LineCount; line++)
        {
            if (text.LineText(line).TrimEnd() is "---" or "...")
                return (text.LineStart(line), $"waivers:\n  - requirement: {name}\n    justification: {justification}\n");
        }
        return (0, $"---\nwaivers:\n  - requirement: {name}\n    justification: {justification}\n---\n");
    }
}
