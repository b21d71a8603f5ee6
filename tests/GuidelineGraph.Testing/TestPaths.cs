using System.Runtime.CompilerServices;

namespace GuidelineGraph.Testing;

/// <summary>Locates the repository's test data from this source file, so tests work whatever the output path.</summary>
public static class TestPaths
{
    /// <summary>tests/conformance/w3c.</summary>
    public static string W3c => Path.Combine(TestsDirectory(), "conformance", "w3c");

    private static string TestsDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, ".."));
}
