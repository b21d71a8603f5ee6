using GuidelineGraph.Rdf.Io.Syntax;

namespace GuidelineGraph.Rdf.Io;

public static class RdfReader
{
    /// <summary>
    /// Strict streaming read: yields quads (graph null = default graph) and throws
    /// <see cref="RdfSyntaxException"/> with the first error. I/O errors are <see cref="IOException"/>.
    /// </summary>
    public static IEnumerable<Quad> Read(TextReader input, RdfReadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return Stream(new TextReaderSource(input), options with { Recover = false }, ct);
    }

    /// <summary>Reads UTF-8 strictly: bytes that are not UTF-8 are a <see cref="SyntaxError"/> with their position.</summary>
    public static IEnumerable<Quad> Read(Stream input, RdfReadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return Stream(new Utf8StreamSource(input), options with { Recover = false }, ct);
    }

    /// <summary>Reads a whole text; never throws for syntax, honours <see cref="RdfReadOptions.Recover"/>.</summary>
    public static RdfDocument ReadDocument(string text, RdfReadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        var parser = new Parser(new StringSource(text), options, ct);
        var quads = new List<Quad>();
        while (parser.ReadBatch(quads, int.MaxValue)) { }
        return new RdfDocument(quads, parser.Errors.ToArray(), new Dictionary<string, string>(parser.Prefixes), parser.BaseIri);
    }

    private static IEnumerable<Quad> Stream(CharSource source, RdfReadOptions options, CancellationToken ct)
    {
        var parser = new Parser(source, options, ct);
        var batch = new List<Quad>(512);
        while (true)
        {
            batch.Clear();
            bool more = parser.ReadBatch(batch);
            foreach (var quad in batch) yield return quad;
            if (parser.Errors.Count > 0) throw new RdfSyntaxException(parser.Errors[0]);
            if (!more) yield break;
        }
    }
}
