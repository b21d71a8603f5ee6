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
}

/// <summary>One ontology file as read: its path relative to the ontology directory, its quads and its errors.</summary>
public sealed record OntologyFile(string RelativePath, IReadOnlyList<Quad> Quads, IReadOnlyList<OntologyError> Errors);

/// <summary>Reads every *.ttl under an ontology directory (recursively) into one store.</summary>
public static class OntologyLoader
{
    public static LoadedOntology Load(string directory, CancellationToken ct = default)
    {
        var store = new QuadStore();
        var errors = new List<OntologyError>();
        foreach (OntologyFile file in ReadFiles(directory, ct))
        {
            errors.AddRange(file.Errors);
            store.Load(file.Quads, ct: ct);
        }
        return new LoadedOntology(store, errors) { Directory = Path.GetFullPath(directory) };
    }

    /// <summary>Every *.ttl file under <paramref name="directory"/> in path order, each read on its own (gg push sends one graph per file).</summary>
    public static IEnumerable<OntologyFile> ReadFiles(string directory, CancellationToken ct = default)
    {
        int index = 0;
        foreach (string path in Directory.EnumerateFiles(directory, "*.ttl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string scope = $"f{index++}_"; // blank-node labels are local to their file
            string file = Path.GetRelativePath(directory, path);
            string? text = null;
            OntologyError? error = null;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = new OntologyError(file, null, null, e.Message);
            }
            if (error is not null)
            {
                yield return new OntologyFile(file, [], [error]);
                continue;
            }
            RdfDocument document = RdfReader.ReadDocument(text!,
                new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(Path.GetFullPath(path)).AbsoluteUri, Recover = true, BlankNodeScope = scope }, ct);
            yield return new OntologyFile(file, document.Quads,
                document.Errors.Select(e => new OntologyError(file, e.Start.Line, e.Start.Column, e.Message)).ToList());
        }
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
