using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>What each kind of answer can be sent as, in the server's order of preference, and how it is written.</summary>
internal static class ResponseFormats
{
    public static readonly (string MediaType, QueryResultsFormat Value)[] Solutions =
        [.. new[] { QueryResultsFormat.Json, QueryResultsFormat.Xml, QueryResultsFormat.Csv, QueryResultsFormat.Tsv }.Select(f => (f.MediaType(), f)),
         ("application/json", QueryResultsFormat.Json), ("application/xml", QueryResultsFormat.Xml), ("text/xml", QueryResultsFormat.Xml)];

    /// <summary>CSV and TSV define no boolean result.</summary>
    public static readonly (string MediaType, QueryResultsFormat Value)[] Boolean =
        [.. Solutions.Where(o => o.Value is QueryResultsFormat.Json or QueryResultsFormat.Xml)];

    public static readonly (string MediaType, RdfFormat Value)[] Graph =
        [.. new[] { RdfFormat.Turtle, RdfFormat.NTriples, RdfFormat.NQuads, RdfFormat.TriG }.Select(f => (f.MediaType(), f)),
         ("text/plain", RdfFormat.NTriples)];

    public static readonly (string MediaType, RdfFormat Value)[] Dataset =
        [.. Graph.Where(o => o.Value.SupportsDatasets())];

    public static IEnumerable<string> Names<T>(IEnumerable<(string MediaType, T Value)> offers) => offers.Select(o => o.MediaType).Distinct();

    public static async Task WriteResultsAsync(HttpResponse response, QueryResults results, QueryResultsFormat format, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        QueryResultsWriter.Write(buffer, format, results);
        await SendAsync(response, format.MediaType() + (format is QueryResultsFormat.Csv or QueryResultsFormat.Tsv ? "; charset=utf-8" : ""), buffer, ct);
    }

    public static async Task WriteRdfAsync(HttpResponse response, IEnumerable<Quad> quads, RdfFormat format, CancellationToken ct,
        IReadOnlyDictionary<string, string>? prefixes = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
            RdfWriter.Write(writer, quads, new RdfWriteOptions { Format = format, Prefixes = prefixes });
        await SendAsync(response, format.MediaType() + "; charset=utf-8", buffer, ct);
    }

    /// <summary>Answers are built whole (the evaluator materializes them), then sent with their length; HEAD gets the headers only.</summary>
    private static async Task SendAsync(HttpResponse response, string contentType, MemoryStream body, CancellationToken ct)
    {
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.Vary = "Accept";
        if (HttpMethods.IsHead(response.HttpContext.Request.Method)) return;
        body.Position = 0;
        await body.CopyToAsync(response.Body, ct);
    }
}
