using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Presentation;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>
/// Completion in a protocol: profile features in the front matter's features list (offered under their English
/// and Chinese labels, inserting the feature id), and requirement ids after "gg:addresses" in a marker or after
/// "requirement:" in a waiver.
/// </summary>
[LspMethod(LspMethods.TextDocumentCompletion)]
internal sealed class CompletionHandler : ILspHandler<TextDocumentPositionParams, CompletionList>
{
    private static readonly CompletionList None = new(false, []);
    private const string WordBreaks = " \t,[]，、"; // ids contain - and :, so they are not breaks

    public bool MutatesState => false;

    public async Task<CompletionList> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken ct)
    {
        if (await context.ProtocolAsync(request.TextDocument.Uri, ct).ConfigureAwait(false) is not { Model: { } model } analysis) return None;
        PositionEncoding encoding = context.Snapshot.Encoding;
        DocumentText text = analysis.Document.Text;
        int offset = text.Offset(request.Position, encoding);
        int line = Math.Clamp(request.Position.Line, 0, text.LineCount - 1);
        string before = text.Text[text.LineStart(line)..offset];
        int wordStart = offset;
        while (wordStart > text.LineStart(line) && !WordBreaks.Contains(text.Text[wordStart - 1])) wordStart--;
        Protocol.Range replace = text.Range(wordStart, offset, encoding);
        bool inFrontMatter = analysis.Protocol.FrontMatter is { } fm && offset <= fm.Span.End.Offset;

        if (before.Contains("gg:addresses", StringComparison.OrdinalIgnoreCase)
            || (inFrontMatter && before.TrimStart(' ', '-').StartsWith("requirement:", StringComparison.Ordinal)))
            return new CompletionList(false, RequirementItems(model, context.Snapshot.Settings, replace));
        if (inFrontMatter && InFeaturesList(text, line, before))
            return new CompletionList(false, FeatureItems(model, context.Snapshot.Settings, replace));
        return None;
    }

    /// <summary>On a "features:" line, or on a "- item" line whose parent key (the nearest less indented line above) is "features:".</summary>
    private static bool InFeaturesList(DocumentText text, int line, string before)
    {
        string trimmed = before.TrimStart();
        if (trimmed.StartsWith("features:", StringComparison.Ordinal)) return true;
        if (!trimmed.StartsWith('-')) return false;
        int indent = before.Length - trimmed.Length;
        for (int l = line - 1; l >= 0; l--)
        {
            string above = text.LineText(l);
            string aboveTrimmed = above.TrimStart();
            if (aboveTrimmed.Length == 0 || aboveTrimmed.StartsWith('-')) continue;
            if (above.Length - aboveTrimmed.Length <= indent) return aboveTrimmed.StartsWith("features:", StringComparison.Ordinal);
        }
        return false;
    }

    private static List<CompletionItem> FeatureItems(GuidelineModel model, ServerSettings settings, Protocol.Range replace)
    {
        var items = new List<CompletionItem>();
        foreach (Feature feature in model.Vocabulary.Features)
        {
            var documentation = new System.Text.StringBuilder();
            Markdown.Feature(documentation, feature, settings);
            foreach (Label label in feature.Labels.Where(l => l.Preferred))
            {
                items.Add(new CompletionItem(label.Text)
                {
                    Kind = CompletionItemKind.EnumMember,
                    Detail = $"{feature.Id}{(feature.Scheme is null ? "" : " · " + feature.Scheme)}",
                    FilterText = label.Text + " " + feature.Id,
                    SortText = (label.Language == settings.Language ? "0" : "1") + feature.Id,
                    TextEdit = new TextEdit(replace, feature.Id),
                    Documentation = new MarkupContent("markdown", documentation.ToString()),
                });
            }
        }
        return items;
    }

    private static List<CompletionItem> RequirementItems(GuidelineModel model, ServerSettings settings, Protocol.Range replace)
    {
        var items = new List<CompletionItem>();
        int order = 0;
        foreach (var (_, requirement) in model.Requirements)
        {
            order++;
            if (requirement.Modality == Guidance.Requirements.Modality.Informative) continue;
            var documentation = new System.Text.StringBuilder();
            Markdown.Requirement(documentation, requirement, settings);
            items.Add(new CompletionItem(requirement.Id)
            {
                Kind = CompletionItemKind.Reference,
                Detail = $"{Markdown.Modality(requirement.Modality)} · {requirement.Clause?.Number}",
                SortText = order.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                TextEdit = new TextEdit(replace, requirement.Id),
                Documentation = new MarkupContent("markdown", documentation.ToString()),
            });
        }
        return items;
    }
}
