using GuidelineGraph.Rdf.Io.Writing;

namespace GuidelineGraph.Rdf.Io;

public sealed record RdfWriteOptions
{
    public required RdfFormat Format { get; init; }
    /// <summary>Prefix to namespace IRI, used for prefixed names in Turtle and TriG.</summary>
    public IReadOnlyDictionary<string, string>? Prefixes { get; init; }
    /// <summary>Written as @base; IRIs below it are written relative to it (Turtle, TriG).</summary>
    public string? BaseIri { get; init; }
}

public static class RdfWriter
{
    /// <summary>
    /// Writes quads. N-Triples and N-Quads stream one statement a line; Turtle and TriG group subjects and
    /// so read all quads first. N-Triples and Turtle carry one graph: a quad in a named graph is an
    /// <see cref="ArgumentException"/> (check <see cref="RdfFormats.SupportsDatasets"/> first).
    /// </summary>
    public static void Write(TextWriter output, IEnumerable<Quad> quads, RdfWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(quads);
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Format)
        {
            case RdfFormat.NTriples:
            case RdfFormat.NQuads:
                NQuadsWriter.Write(output, quads, options.Format == RdfFormat.NQuads);
                break;
            default:
                new TurtleWriter(output, options).Write(quads);
                break;
        }
    }
}
