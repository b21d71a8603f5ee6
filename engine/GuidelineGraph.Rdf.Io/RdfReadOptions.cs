namespace GuidelineGraph.Rdf.Io;

public sealed record RdfReadOptions
{
    public required RdfFormat Format { get; init; }
    /// <summary>Base IRI for relative references (Turtle, TriG); must be absolute.</summary>
    public string? BaseIri { get; init; }
    /// <summary>Recovering mode: collect errors, resume at the next statement (the editor needs it).</summary>
    public bool Recover { get; init; }
    public int MaxErrors { get; init; } = 100;
    /// <summary>
    /// Prepended to every blank-node label, so that `_:b` in two documents loaded into one store stays two
    /// nodes (labels are scoped to their document in RDF). Null keeps labels as written.
    /// </summary>
    public string? BlankNodeScope { get; init; }
}

/// <summary>What a whole-document read returns: every quad it could read and every error it met.</summary>
public sealed class RdfDocument
{
    internal RdfDocument(IReadOnlyList<Quad> quads, IReadOnlyList<SyntaxError> errors,
        IReadOnlyDictionary<string, string> prefixes, string? baseIri)
    {
        Quads = quads;
        Errors = errors;
        Prefixes = prefixes;
        BaseIri = baseIri;
    }

    public IReadOnlyList<Quad> Quads { get; }
    public IReadOnlyList<SyntaxError> Errors { get; }
    /// <summary>Prefix to namespace IRI; the last binding wins.</summary>
    public IReadOnlyDictionary<string, string> Prefixes { get; }
    /// <summary>The base in force at the end of the document.</summary>
    public string? BaseIri { get; }
}
