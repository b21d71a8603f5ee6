using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Remote;
using GuidelineGraph.Store;

namespace GuidelineGraph.Cli.Io;

/// <summary>The ontology a command works on: --ontology DIR, else the nearest ontology/ above the current directory or gg itself.</summary>
internal static class OntologyInput
{
    public const string OptionDescription = "The ontology directory; by default the nearest ontology/ above the current directory or gg itself.";

    /// <summary>Loads it; on failure writes why (as "<paramref name="command"/>: …" or file:line:column) and gives the exit code.</summary>
    public static LoadedOntology? Load(CliContext context, string command, string? ontologyDirectory, out int exitCode) =>
        Load(context, command, ontologyDirectory, null, CancellationToken.None, out exitCode);

    /// <summary>
    /// With a remote store given (--endpoint …), its triples come from the graphs <c>gg push</c> wrote there and only
    /// the rules are read from the local directory; otherwise as <see cref="Load(CliContext, string, string?, out int)"/>.
    /// </summary>
    public static LoadedOntology? Load(CliContext context, string command, string? ontologyDirectory, RemoteStoreRequest? remote,
        CancellationToken ct, out int exitCode)
    {
        if (FindDirectory(context, command, ontologyDirectory, out exitCode) is not { } directory) return null;
        if (remote is { IsGiven: true }) return Fetch(context, command, directory, remote, ct, out exitCode);
        LoadedOntology ontology = OntologyLoader.Load(directory);
        if (ontology.Errors.Count > 0)
        {
            foreach (OntologyError error in ontology.Errors) context.Error.WriteLine(error with { File = Path.Combine(directory, error.File) });
            exitCode = ExitCodes.InputError;
            return null;
        }
        exitCode = ExitCodes.Ok;
        return ontology;
    }

    /// <summary>The directory itself, or null after writing why.</summary>
    public static string? FindDirectory(CliContext context, string command, string? ontologyDirectory, out int exitCode)
    {
        string? directory = ontologyDirectory ?? OntologyLoader.Find(Environment.CurrentDirectory) ?? OntologyLoader.Find(AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            context.Error.WriteLine($"{command}: no ontology directory {(directory is null ? "found; pass --ontology DIR" : directory)}");
            exitCode = ExitCodes.UsageError;
            return null;
        }
        exitCode = ExitCodes.Ok;
        return directory;
    }

    private static LoadedOntology? Fetch(CliContext context, string command, string directory, RemoteStoreRequest remote, CancellationToken ct, out int exitCode)
    {
        if (remote.Resolve(out string? usage) is not { } endpoint)
        {
            context.Error.WriteLine($"{command}: {usage}");
            exitCode = ExitCodes.UsageError;
            return null;
        }
        using var client = new SparqlProtocolClient(endpoint);
        IReadOnlyList<GuidelineGraph.Rdf.Quad> quads;
        try
        {
            quads = RemoteOntology.FetchAsync(client, ct).GetAwaiter().GetResult();
        }
        catch (SparqlProtocolException e)
        {
            context.Error.WriteLine($"{command}: {e.Message}");
            exitCode = ExitCodes.InputError;
            return null;
        }
        context.Error.WriteLine($"{command}: read {quads.Count:N0} ontology triples from {endpoint.Query}");
        var store = new QuadStore();
        store.Load(quads, ct: ct);
        exitCode = ExitCodes.Ok;
        return new LoadedOntology(store, []) { Directory = Path.GetFullPath(directory) };
    }
}
