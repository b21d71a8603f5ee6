namespace GuidelineGraph.Cli.Tests;

/// <summary>Blank-node labels belong to their document: loading two files must not merge their `_:b`.</summary>
public sealed class BlankNodeScopeTests : IDisposable
{
    private readonly Scratch _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void SameLabelInTwoDataFilesIsTwoNodes()
    {
        var a = _files.Write("a.ttl", "_:b <http://ex.org/name> \"from a\" .\n");
        var b = _files.Write("b.ttl", "_:b <http://ex.org/name> \"from b\" .\n");
        var r = Gg.Run("query", "--data", a, "--data", b, "--format", "csv",
            "-e", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s <http://ex.org/name> ?name }");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["n", "2"], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void SameLabelWithinOneFileIsOneNode()
    {
        var a = _files.Write("one.ttl", "_:b <http://ex.org/name> \"x\" .\n_:b <http://ex.org/age> 3 .\n");
        var r = Gg.Run("query", "--data", a, "--format", "csv",
            "-e", "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["n", "1"], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
