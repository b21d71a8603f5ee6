using System.Text;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Presentation;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>
/// Hover in a protocol: on a requirement marker, the requirement with its clause (zh/en); on a feature the
/// text mentions or the front matter declares, its labels and scheme.
/// </summary>
[LspMethod(LspMethods.TextDocumentHover)]
internal sealed class HoverHandler : ILspHandler<TextDocumentPositionParams, Hover?>
{
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
            else Markdown.Requirement(markdown, requirement, settings);
            return new Hover(new MarkupContent("markdown", markdown.ToString().TrimEnd()), text.Range(marker.Span.Start, marker.Span.End, encoding));
        }
        if (FeatureAt(analysis, offset) is { } found)
        {
            Markdown.Feature(markdown, found.Feature, settings);
            markdown.Append(found.Declared
                ? settings.Chinese ? "在前置信息中声明的特征" : "Declared in the front matter"
                : settings.Chinese ? "在正文中检测到的特征" : "Detected in the text");
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
