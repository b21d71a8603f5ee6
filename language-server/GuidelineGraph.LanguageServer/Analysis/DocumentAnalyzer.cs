using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Workspace;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Syntax;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>Reads one document version with the project's own parsers; never throws on bad input.</summary>
public static class DocumentAnalyzer
{
    /// <summary>The front-matter keys that make a Markdown file a protocol (besides lying under a protocols/ folder).</summary>
    public static readonly string[] ProtocolKeys = ["guidelinegraph", "profile", "guideline"];

    public static DocumentAnalysis Analyze(OpenDocument document, GuidelineModel? model, CancellationToken ct) => Analyze(document, model, null, ct);

    /// <param name="previous">The analysis of an earlier version of the same document, whose unchanged parts are reused.</param>
    public static DocumentAnalysis Analyze(OpenDocument document, GuidelineModel? model, ProtocolAnalysis? previous, CancellationToken ct)
    {
        int modelVersion = model?.Version ?? 0;
        string text = document.Text.Text;
        switch (document.Kind)
        {
            case DocumentKind.Turtle or DocumentKind.TriG or DocumentKind.NTriples or DocumentKind.NQuads:
                return new SyntaxAnalysis(document, modelVersion, ReadRdf(document, ct));
            case DocumentKind.SparqlQuery:
                return new SyntaxAnalysis(document, modelVersion, SparqlParser.ParseQuery(text).Errors);
            case DocumentKind.SparqlUpdate:
                return new SyntaxAnalysis(document, modelVersion, SparqlParser.ParseUpdate(text).Errors);
            case DocumentKind.Markdown:
                return (DocumentAnalysis?)AnalyzeMarkdown(document, model, previous) ?? new NoAnalysis(document, modelVersion);
            default:
                return new NoAnalysis(document, modelVersion);
        }
    }

    private static IReadOnlyList<SyntaxError> ReadRdf(OpenDocument document, CancellationToken ct)
    {
        RdfFormat format = document.Kind switch
        {
            DocumentKind.TriG => RdfFormat.TriG,
            DocumentKind.NTriples => RdfFormat.NTriples,
            DocumentKind.NQuads => RdfFormat.NQuads,
            _ => RdfFormat.Turtle,
        };
        string? baseIri = Uri.TryCreate(document.Uri, UriKind.Absolute, out Uri? uri) ? uri.AbsoluteUri : null;
        return RdfReader.ReadDocument(document.Text.Text, new RdfReadOptions { Format = format, BaseIri = baseIri, Recover = true }, ct).Errors;
    }

    private static ProtocolAnalysis? AnalyzeMarkdown(OpenDocument document, GuidelineModel? model, ProtocolAnalysis? previous)
    {
        ProtocolReadResult read = MarkdownProtocolReader.Read(document.Text.Text, document.Path, previous?.Protocol);
        if (read.Document is not { } protocol || !IsProtocol(document, protocol)) return null;
        var errors = new List<DocumentError>(read.Errors);
        if (model is null) return new ProtocolAnalysis(document, null, protocol, errors, []);
        var (declared, declaredErrors) = model.Resolver.ResolveDeclared(protocol);
        errors.AddRange(declaredErrors);
        return new ProtocolAnalysis(document, model, protocol, errors, declared, previous?.Model == model ? previous : null);
    }

    /// <summary>A Markdown file is a protocol when its front matter has one of <see cref="ProtocolKeys"/>, or it lies under a folder named protocols.</summary>
    public static bool IsProtocol(OpenDocument document, ProtocolDocument protocol)
    {
        // Read from the raw lines, so that a front matter made invalid by the edit in progress still counts.
        if (protocol.FrontMatter is { } frontMatter
            && frontMatter.Raw.Split('\n').Any(line => ProtocolKeys.Any(k => line.StartsWith(k + ":", StringComparison.OrdinalIgnoreCase))))
            return true;
        string[] parts = document.Path.Replace('\\', '/').Split('/');
        return parts.Take(parts.Length - 1).Any(p => p.Equals("protocols", StringComparison.OrdinalIgnoreCase));
    }
}
