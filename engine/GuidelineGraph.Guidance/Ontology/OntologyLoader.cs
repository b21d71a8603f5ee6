using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Store;

namespace GuidelineGraph.Guidance.Ontology;

/// <summary>A syntax or I/O error in an ontology file; Line and Column are null for I/O errors.</summary>
public sealed record OntologyError(string File, int? Line, int? Column, string Message)
{
    public override string ToString() => Line is null ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}

public sealed record LoadedOntology(QuadStore Store, IReadOnlyList<OntologyError> Errors)
{
    /// <summary>The directory it was read from (its rules are in rules/ below it); null when built in memory.</summary>
    public string? Directory { get; init; }

    /// <summary>Each file's @prefix declarations (prefix to namespace) by its relative path: the store keeps none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Prefixes { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}

/// <summary>One ontology file as read: its path relative to the ontology directory, its quads, prefixes and errors.</summary>
public sealed record OntologyFile(string RelativePath, IReadOnlyList<Quad> Quads, IReadOnlyList<OntologyError> Errors)
{
    public IReadOnlyDictionary<string, string> Prefixes { get; init; } = new Dictionary<string, string>();
}

/// <summary>Reads every *.ttl under an ontology directory (recursively) into one store.</summary>
public static class OntologyLoader
{
    /// <summary>Parses the files in parallel (the guideline file alone is a third of the ontology), then loads them in path order.</summary>
    public static LoadedOntology Load(string directory, CancellationToken ct = default)
    {
        string[] paths = Paths(directory);
        var files = new OntologyFile[paths.Length];
        Parallel.For(0, paths.Length, new ParallelOptions { CancellationToken = ct }, i => files[i] = ReadFile(directory, paths[i], i, ct));
        var store = new QuadStore();
        var errors = new List<OntologyError>();
        var prefixes = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (OntologyFile file in files)
        {
            errors.AddRange(file.Errors);
            prefixes[file.RelativePath] = file.Prefixes;
            store.Load(file.Quads, ct: ct);
        }
        return new LoadedOntology(store, errors) { Directory = Path.GetFullPath(directory), Prefixes = prefixes };
    }

    /// <summary>Every *.ttl file under <paramref name="directory"/> in path order, each read on its own (gg push sends one graph per file).</summary>
    public static IEnumerable<OntologyFile> ReadFiles(string directory, CancellationToken ct = default) =>
        Paths(directory).Select((path, index) => ReadFile(directory, path, index, ct));

    private static string[] Paths(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.ttl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private static OntologyFile ReadFile(string directory, string path, int index, CancellationToken ct)
    {
        string scope = $"f{index}_"; // blank-node labels are local to their file
        string file = Path.GetRelativePath(directory, path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new OntologyFile(file, [], [new OntologyError(file, null, null, e.Message)]);
        }
        RdfDocument document = RdfReader.ReadDocument(text,
            new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(Path.GetFullPath(path)).AbsoluteUri, Recover = true, BlankNodeScope = scope }, ct);
        return new OntologyFile(file, document.Quads,
            document.Errors.Select(e => new OntologyError(file, e.Start.Line, e.Start.Column, e.Message)).ToList()) { Prefixes = document.Prefixes };
    }

    /// <summary>
    /// The ontology/ directory of a checkout: the nearest one above <paramref name="start"/>, so
    /// that gg finds it from anywhere inside the repository. Null when there is none.
    /// </summary>
    public static string? Find(string start)
    {
        for (DirectoryInfo? dir = new(start); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "ontology");
            if (File.Exists(Path.Combine(candidate, "core.ttl"))) return candidate;
        }
        return null;
    }
}
