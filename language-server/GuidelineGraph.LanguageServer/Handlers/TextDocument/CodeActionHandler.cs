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

    /// <summary>
    /// A waivers: entry in the front matter, always inserted as whole lines: after the last line of an existing block
    /// list (at the list's indentation), into a one-line flow list, else as a new waivers: key before the closing fence
    /// (and a new front matter when there is none).
    /// </summary>
    private static (int, string) Waiver(ProtocolAnalysis analysis, string name, ServerSettings settings)
    {
        string justification = settings.Chinese ? "\"（说明不适用的理由）\"" : "\"(state why this requirement does not apply)\"";
        DocumentText text = analysis.Document.Text;
        string fresh = $"---\nwaivers:\n  - requirement: {name}\n    justification: {justification}\n---\n";
        if (analysis.Protocol.FrontMatter is null || text.LineCount < 2 || text.LineText(0).TrimEnd() != "---") return (0, fresh);
        int fence = -1;
        for (int line = 1; line < text.LineCount && fence < 0; line++)
            if (text.LineText(line).TrimEnd() is "---" or "...") fence = line;
        if (fence < 0) return (0, fresh);

        for (int line = 1; line < fence; line++)
        {
            string key = text.LineText(line);
            if (!key.StartsWith("waivers", StringComparison.Ordinal) || key[7..].TrimStart() is not [':', ..] rest) continue;
            string value = rest[1..].Trim();
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                // A one-line flow list: a flow mapping before its closing bracket.
                int close = text.LineStart(line) + key.LastIndexOf(']');
                string separator = value[1..^1].Trim().Length > 0 ? ", " : "";
                return (close, $"{separator}{{requirement: {name}, justification: {justification}}}");
            }
            if (value.Length > 0 && !value.StartsWith('#')) break; // some other value: left alone, a new key would duplicate it
            // A block list: its lines are the indented (or "- ") lines that follow; insert after the last non-blank one.
            int last = line;
            string? indent = null;
            for (int next = line + 1; next < fence; next++)
            {
                string body = text.LineText(next);
                if (body.Trim().Length == 0) continue;
                if (body[0] is not (' ' or '\t' or '-')) break;
                last = next;
                string trimmed = body.TrimStart();
                if (indent is null && trimmed.StartsWith('-')) indent = body[..(body.Length - trimmed.Length)];
            }
            indent ??= "  ";
            return (text.LineStart(last + 1), $"{indent}- requirement: {name}\n{indent}  justification: {justification}\n");
        }
        return (text.LineStart(fence), $"waivers:\n  - requirement: {name}\n    justification: {justification}\n");
    }
}
