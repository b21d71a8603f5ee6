namespace GuidelineGraph.LanguageServer.Server;

/// <summary>How `gg lsp` was started: an explicit ontology directory (else found from the workspace), and where logs go.</summary>
public sealed record ServerOptions
{
    public string? OntologyDirectory { get; init; }
    public TextWriter Log { get; init; } = TextWriter.Null;
}
