using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>Turns an analysis into LSP diagnostics under the current settings (language, severities).</summary>
public static class DiagnosticBuilder
{
    public static IReadOnlyList<Diagnostic> Build(DocumentAnalysis analysis, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        return analysis switch
        {
            SyntaxAnalysis syntax => syntax.Errors.Select(e => Syntax(text, e, encoding)).ToList(),
            ProtocolAnalysis protocol => ForProtocol(protocol, settings, encoding),
            _ => [],
        };
    }

    private static Diagnostic Syntax(DocumentText text, SyntaxError error, PositionEncoding encoding) =>
        new(text.Range(error.Start, error.End, encoding), DiagnosticSeverity.Error, error.Message) { Code = "syntax" };

    private static List<Diagnostic> ForProtocol(ProtocolAnalysis analysis, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        var diagnostics = new List<Diagnostic>();
        foreach (DocumentError error in analysis.Errors)
        {
            Protocol.Range range = error.Span is { } span ? text.Range(span.Start, span.End, encoding) : text.Range(0, 0, encoding);
            diagnostics.Add(new Diagnostic(range, DiagnosticSeverity.Error, error.Message) { Code = "protocol" });
        }
        return diagnostics;
    }
}
