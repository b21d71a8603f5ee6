namespace GuidelineGraph.Remote.Tests;

/// <summary><c>gg query --service-allow</c>: local data joined with a real Virtuoso through SERVICE.</summary>
[Collection(VirtuosoCollection.Name)]
public sealed class ServiceOverVirtuosoTests(VirtuosoFixture virtuoso) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-service-virtuoso-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Names in Virtuoso (p1, p2, p4), ages in a local file (p1, p2, p3): the join is p1 and p2.</summary>
    private async Task<string> SetUpAsync()
    {
        using var client = new SparqlProtocolClient(virtuoso.Endpoint(graphStore: false));
        await client.UpdateAsync("""
            CLEAR SILENT GRAPH <urn:gg:service-test> ;
            INSERT DATA { GRAPH <urn:gg:service-test> {
              <http://ex.org/p1> <http://ex.org/name> "Ann" . <http://ex.org/p2> <http://ex.org/name> "Bo" . <http://ex.org/p4> <http://ex.org/name> "Dee" } }
            """);
        var ages = Path.Combine(_dir, "ages.nt");
        await File.WriteAllTextAsync(ages, """
            <http://ex.org/p1> <http://ex.org/age> "31"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex.org/p2> <http://ex.org/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
            <http://ex.org/p3> <http://ex.org/age> "53"^^<http://www.w3.org/2001/XMLSchema#integer> .
            """);
        return ages;
    }

    private string Query => $"SELECT ?p ?age ?name WHERE {{ ?p <http://ex.org/age> ?age SERVICE <{virtuoso.Sparql}> {{ ?p <http://ex.org/name> ?name }} }} ORDER BY ?p";

    [Fact]
    public async Task A_local_query_joins_with_Virtuoso_through_SERVICE()
    {
        var ages = await SetUpAsync();
        var (code, stdout, stderr) = VirtuosoBackendTests.Gg(["query", "--data", ages, "-e", Query, "--format", "csv", "--service-allow", virtuoso.Sparql.AbsoluteUri]);
        Assert.True(code == 0, stderr);
        Assert.Equal("p,age,name\r\nhttp://ex.org/p1,31,Ann\r\nhttp://ex.org/p2,42,Bo\r\n", stdout);
    }

    [Fact]
    public async Task Without_the_allowlist_Virtuoso_is_not_called()
    {
        var ages = await SetUpAsync();
        var (code, _, stderr) = VirtuosoBackendTests.Gg(["query", "--data", ages, "-e", Query, "--format", "csv"]);
        Assert.Equal(1, code);
        Assert.Equal($"gg query: SERVICE <{virtuoso.Sparql}> is not allowed: only endpoints on the allowlist are queried", stderr.Trim());
    }
}
