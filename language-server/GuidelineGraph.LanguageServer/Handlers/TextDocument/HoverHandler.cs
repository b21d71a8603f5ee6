using System.Text;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Presentation;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>
/// Hover in a protocol: on a requirement marker, the requirement with its clause (zh/en) and its derivation for
/// this protocol's profile; on a feature the text mentions or the front matter declares, its labels, scheme and
/// the requirements it brings.
/// </summary>
[LspMethod(LspMethods.TextDocumentHover)]
internal sealed class HoverHandler : ILspHandler<TextDocumentPositionParams, Hover?>
{
    private const int MaxListed = 8;

    public bool MutatesState => false;

    public async Task<Hover?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken ct)
    {
        if (await context.ProtocolAsync(request.TextDocument.Uri, ct).ConfigureAwait(false) is not { Model: { } model } analysis) return null;
        PositionEncoding encoding = context.Snapshot.Encoding;
        DocumentText text = analysis.Document.Text;
        int offset = text.Offset(request.Position, encoding);
        var settings = context.Snapshot.Settings;
        var markdown = new StringBuilder();

        if (analysis.Protocol.Markers.FirstOrDefault(m => Contains(m.Span, offset)) is { } marker)
        {
            if (model.FindRequirement(marker.Token) is not { } requirement)
                markdown.Append(settings.Chinese ? "未知的要求 " : "Unknown requirement ").Append('`').Append(marker.Token).Append('`');
            else
            {
                Markdown.Requirement(markdown, requirement, settings);
                if (analysis.Applicable(requirement.Id) is { } applicable) Markdown.Derivation(markdown, applicable, settings);
                else markdown.Append(settings.Chinese ? "不适用于本方案的特征组合。" : "Does not apply to this protocol's profile.");
            }
            return new Hover(new MarkupContent("markdown", markdown.ToString().TrimEnd()), text.Range(marker.Span.Start, marker.Span.End, encoding));
        }
        if (FeatureAt(analysis, offset) is { } found)
        {
            Markdown.Feature(markdown, found.Feature, settings);
            markdown.Append(found.Declared
                ? settings.Chinese ? "在前置信息中声明的特征" : "Declared in the front matter"
                : settings.Chinese ? "在正文中检测到的特征" : "Detected in the text");
            IReadOnlyList<ApplicableRequirement> triggered = model.TriggeredBy(found.Feature.Id);
            if (triggered.Count > 0)
            {
                markdown.Append(settings.Chinese ? $"，带来 {triggered.Count} 条要求：\n\n" : $"; it brings {triggered.Count} requirement(s):\n\n");
                Markdown.RequirementList(markdown, triggered, settings, MaxListed);
            }
            return new Hover(new MarkupContent("markdown", markdown.ToString()), text.Range(found.Span.Start, found.Span.End, encoding));
        }
        return null;
    }

    private static (Feature Feature, SourceSpan Span, bool Declared)? FeatureAt(ProtocolAnalysis analysis, int offset)
    {
        foreach (var (feature, word) in analysis.Declared)
            if (Contains(word.Span, offset)) return (feature, word.Span, true);
        foreach (DetectedFeature detected in analysis.Detected)
        foreach (FeatureOccurrence occurrence in detected.Occurrences)
            if (!occurrence.Negated && Contains(occurrence.Span, offset)) return (detected.Feature, occurrence.Span, false);
        return null;
    }

    private static bool Contains(SourceSpan span, int offset) => span.Start.Offset <= offset && offset <= span.End.Offset;
}
