namespace GuidelineGraph.Rdf;

public enum RdfFormat { NTriples, NQuads, Turtle, TriG }

public static class RdfFormats
{
    public static string Extension(this RdfFormat f) => f switch
    {
        RdfFormat.NTriples => ".nt",
        RdfFormat.NQuads => ".nq",
        RdfFormat.Turtle => ".ttl",
        _ => ".trig",
    };

    public static string MediaType(this RdfFormat f) => f switch
    {
        RdfFormat.NTriples => "application/n-triples",
        RdfFormat.NQuads => "application/n-quads",
        RdfFormat.Turtle => "text/turtle",
        _ => "application/trig",
    };

    /// <summary>Whether the format can carry named graphs.</summary>
    public static bool SupportsDatasets(this RdfFormat f) => f is RdfFormat.NQuads or RdfFormat.TriG;

    public static RdfFormat? FromExtension(string pathOrExtension)
    {
        var ext = Path.GetExtension(pathOrExtension).ToLowerInvariant();
        if (ext.Length == 0) ext = "." + pathOrExtension.TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            ".nt" => RdfFormat.NTriples,
            ".nq" => RdfFormat.NQuads,
            ".ttl" => RdfFormat.Turtle,
            ".trig" => RdfFormat.TriG,
            _ => null,
        };
    }

    public static RdfFormat? FromName(string name) => name.ToLowerInvariant() switch
    {
        "ntriples" or "n-triples" or "nt" => RdfFormat.NTriples,
        "nquads" or "n-quads" or "nq" => RdfFormat.NQuads,
        "turtle" or "ttl" => RdfFormat.Turtle,
        "trig" => RdfFormat.TriG,
        _ => null,
    };

    public static RdfFormat? FromMediaType(string mediaType)
    {
        var mt = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return mt switch
        {
            "application/n-triples" or "text/plain" => RdfFormat.NTriples,
            "application/n-quads" => RdfFormat.NQuads,
            "text/turtle" or "application/x-turtle" => RdfFormat.Turtle,
            "application/trig" => RdfFormat.TriG,
            _ => null,
        };
    }
}
