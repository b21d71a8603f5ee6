using System.Runtime.CompilerServices;

namespace GuidelineGraph.Sparql.Results.Tests;

internal static class ConformanceFiles
{
    /// <summary>Located from this source file, so it works whatever the build output path.</summary>
    public static string SparqlRoot { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        for (var dir = Path.GetDirectoryName(source); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, "tests", "conformance", "w3c", "sparql");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/conformance/w3c/sparql not found above " + source);
    }

    public static string PathOf(string relative) => Path.Combine(SparqlRoot, relative);

    /// <summary>Every result file of the suites, relative to the sparql folder.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(SparqlRoot, "*", SearchOption.AllDirectories)
            .Where(p => QueryResultsFormats.FromExtension(p) is not null && Path.GetExtension(p) is ".srx" or ".srj" or ".csv" or ".tsv")
            .Select(p => Path.GetRelativePath(SparqlRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
}
