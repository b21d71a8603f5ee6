using GuidelineGraph.Guidance.Ontology;

namespace GuidelineGraph.Cli.Io;

/// <summary>The ontology a command works on: --ontology DIR, else the nearest ontology/ above the current directory or gg itself.</summary>
internal static class OntologyInput
{
    public const string OptionDescription = "The ontology directory; by default the nearest ontology/ above the current directory or gg itself.";

    /// <summary>Loads it; on failure writes why (as "<paramref name="command"/>: …" or file:line:column) and gives the exit code.</summary>
    public static LoadedOntology? Load(CliContext context, string command, string? ontologyDirectory, out int exitCode)
    {
        string? directory = ontologyDirectory ?? OntologyLoader.Find(Environment.CurrentDirectory) ?? OntologyLoader.Find(AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            context.Error.WriteLine($"{command}: no ontology directory {(directory is null ? "found; pass --ontology DIR" : directory)}");
            exitCode = ExitCodes.UsageError;
            return null;
        }
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
}
