using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>Document symbols of a protocol: its sections as a tree, each with the ICH M11 section it maps to.</summary>
[LspMethod(LspMethods.TextDocumentDocumentSymbol)]
internal sealed class DocumentSymbolHandler : ILspHandler<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>
{
    public bool MutatesState => false;

    public async Task<IReadOnlyList<DocumentSymbol>> HandleAsync(DocumentSymbolParams request, RequestContext context, CancellationToken ct)
    {
        if (await context.AnalysisAsync(request.TextDocument.Uri, ct).ConfigureAwait(false) is not ProtocolAnalysis analysis) return [];
        PositionEncoding encoding = context.Snapshot.Encoding;
        return analysis.Protocol.RootSections.Select(s => Symbol(analysis, s, context.Snapshot.Settings, encoding)).ToList();
    }

    private static DocumentSymbol Symbol(ProtocolAnalysis analysis, ProtocolSection section, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        var m11 = analysis.Mapping?.For(section)?.M11;
        string? detail = m11 is null ? null : $"M11 {m11.Notation} {settings.Pick(m11.Title)}".TrimEnd();
        // The whole section: its heading to the end of its last descendant's body.
        ProtocolSection last = section;
        while (last.Children.Count > 0) last = last.Children[^1];
        var range = text.Range(section.HeadingSpan.Start, Max(last.BodySpan.End, section.HeadingSpan.End), encoding);
        return new DocumentSymbol(section.Heading.Length > 0 ? section.Heading : "(untitled)", detail, SymbolKind.Namespace, range,
            text.Range(section.HeadingSpan.Start, section.HeadingSpan.End, encoding),
            section.Children.Select(c => Symbol(analysis, c, settings, encoding)).ToList());
    }

    private static Rdf.TextPosition Max(Rdf.TextPosition a, Rdf.TextPosition b) => a.Offset >= b.Offset ? a : b;
}
