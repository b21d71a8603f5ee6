namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>A 1-based position in an ontology file, as diagnostics print it.</summary>
    internal readonly record struct FilePosition(int Line, int Column);

    internal sealed record PrefixBinding(string Prefix, string Namespace);

    /// <summary>A named subject typed with <c>a</c>/rdf:type at the top level of a statement.</summary>
    /// <param name="Prefix">The prefix it was written with, or null when written as a full IRI.</param>
    /// <param name="Namespace">The namespace that prefix stood for, or null.</param>
    /// <param name="Label">Its first English (or untagged) rdfs:label/skos:prefLabel, for the doc comment.</param>
    internal sealed record TermDeclaration(
        string Iri,
        string? Prefix,
        string? Namespace,
        EquatableArray<string> Types,
        string? Label,
        FilePosition Position);

    internal sealed record ScanError(FilePosition Position, string Message);

    /// <summary>What the vocabulary needs from one Turtle file.</summary>
    internal sealed record ScannedFile(
        string Path,
        EquatableArray<PrefixBinding> Prefixes,
        EquatableArray<TermDeclaration> Terms,
        EquatableArray<ScanError> Errors);
}
