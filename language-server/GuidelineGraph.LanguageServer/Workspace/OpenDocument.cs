using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Workspace;

/// <summary>What kind of file a document is, which decides what the server reads it with.</summary>
public enum DocumentKind { Markdown, Turtle, TriG, NTriples, NQuads, SparqlQuery, SparqlUpdate, Other }

/// <summary>One version of an open document; a change makes a new one.</summary>
public sealed record OpenDocument(string Uri, string LanguageId, int Version, DocumentText Text)
{
    public DocumentKind Kind { get; } = KindOf(Uri, LanguageId);

    /// <summary>The file path for a file: URI (used for protocol folders and error messages), else the URI.</summary>
    public string Path => System.Uri.TryCreate(Uri, UriKind.Absolute, out Uri? u) && u.IsFile ? u.LocalPath : Uri;

    public static DocumentKind KindOf(string uri, string languageId)
    {
        string path = uri;
        int query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".md" or ".markdown" => DocumentKind.Markdown,
            ".ttl" => DocumentKind.Turtle,
            ".trig" => DocumentKind.TriG,
            ".nt" => DocumentKind.NTriples,
            ".nq" => DocumentKind.NQuads,
            ".rq" or ".sparql" => DocumentKind.SparqlQuery,
            ".ru" => DocumentKind.SparqlUpdate,
            _ => languageId switch
            {
                "markdown" => DocumentKind.Markdown,
                "turtle" => DocumentKind.Turtle,
                "trig" => DocumentKind.TriG,
                "sparql" => DocumentKind.SparqlQuery,
                _ => DocumentKind.Other,
            },
        };
    }
}
