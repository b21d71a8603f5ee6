using System.Net;
using System.Runtime.CompilerServices;
using GuidelineGraph.Cli;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Remote.Tests;

/// <summary>The ontology pushed into a real Virtuoso answers as the embedded store does; reasoning over it gives the same output.</summary>
[Collection(VirtuosoCollection.Name)]
public sealed class VirtuosoBackendTests(VirtuosoFixture virtuoso)
{
    private static readonly string RepositoryRoot = Checkout();
    private static readonly string OntologyDirectory = Path.Combine(RepositoryRoot, "ontology");

    private static string Checkout([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    /// <summary>Questions beyond ontology/queries: grouping, OPTIONAL, language filters, paths, ASK.</summary>
    private static readonly string[] ExtraQueries =
    [
        "PREFIX gg: <https://w3id.org/guidelinegraph/ns#> SELECT ?m (COUNT(?r) AS ?n) WHERE { ?r a gg:Requirement ; gg:modality ?m } GROUP BY ?m",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c ?zh WHERE { ?c skos:prefLabel ?en FILTER(LANG(?en) = \"en\") OPTIONAL { ?c skos:prefLabel ?zh FILTER(LANG(?zh) = \"zh\") } }",
        // Virtuoso needs one end of a transitive path bound ("transitive start not given"), so the walk starts at a concept;
        // DISTINCT because Virtuoso repeats a node once per path (see below).
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT DISTINCT ?c WHERE { ?c skos:broader+ <https://w3id.org/guidelinegraph/feature/gene-therapy-product> }",
        "PREFIX gg: <https://w3id.org/guidelinegraph/ns#> ASK { ?r a gg:Requirement FILTER NOT EXISTS { ?r gg:modality ?m } }",
    ];

    private SparqlProtocolClient Client(bool graphStore) => new(virtuoso.Endpoint(graphStore));

    private static IEnumerable<OntologyFile> Files() => OntologyLoader.ReadFiles(OntologyDirectory);

    private async Task PushAsync(bool graphStore)
    {
        using var client = Client(graphStore);
        var publisher = new GraphPublisher(client, chunkTriples: 500);
        foreach (var file in Files()) await publisher.ReplaceAsync(RemoteOntology.FileGraph(file.RelativePath), file.Quads);
    }

    [Fact]
    public async Task Ontology_queries_give_the_same_results_on_Virtuoso_as_in_the_embedded_store()
    {
        await PushAsync(graphStore: false);
        var local = OntologyLoader.Load(OntologyDirectory).Store;
        var queries = Directory.GetFiles(Path.Combine(OntologyDirectory, "queries"), "*.rq").Order().Select(File.ReadAllText).Concat(ExtraQueries).ToList();
        using var client = Client(graphStore: false);
        foreach (string text in queries)
        {
            var query = SparqlParser.ParseQuery(text).Value!;
            var expected = local.Query(query).Results!;
            // Virtuoso's default graph is the union of all its graphs, so the pushed files answer as one graph.
            var actual = await client.SelectAsync(text);
            var comparison = ResultComparer.Compare(expected, actual);
            Assert.True(comparison.Equal, $"{text}\n{comparison.Difference}");
        }
    }

    [Fact]
    public async Task Pushing_twice_by_either_route_leaves_each_graph_with_its_files_triples()
    {
        await PushAsync(graphStore: true);
        await PushAsync(graphStore: false);
        await PushAsync(graphStore: false);
        using var client = Client(graphStore: false);
        var counts = (await RemoteOntology.ListAsync(client, RemoteOntology.OntologyGraphs)).ToDictionary(g => g.Graph.Value, g => g.Triples);
        // core.ttl holds 381 distinct triples (gg stats ontology/core.ttl).
        Assert.Equal(381, counts[RemoteOntology.OntologyGraphs + "core.ttl"]);
        foreach (var file in Files())
            Assert.Equal(file.Quads.Distinct().Count(), counts[RemoteOntology.FileGraph(file.RelativePath).Value]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_fetched_ontology_is_the_local_one_up_to_blank_node_names(bool graphStore)
    {
        await PushAsync(graphStore: true);
        using var client = Client(graphStore);
        var fetched = await RemoteOntology.FetchAsync(client);
        var local = Files().SelectMany(f => f.Quads).Distinct().ToList();
        Assert.Equal(local.Count, fetched.Count);
        Assert.Contains(fetched, q => q.Subject is BlankNode);
        Assert.True(Isomorphism.AreIsomorphic(local, fetched));
    }

    [Theory]
    [InlineData("infer", "--profile", "examples/profiles/sma-systemic-aav9-infants.yaml", "--format", "json")]
    [InlineData("check", "examples/protocols/sma-aav9-infants.md", "--format", "json", "--fail-on", "never")]
    [InlineData("trace", "examples/protocols/mld-lentiviral-hsc.md", "--format", "csv")]
    public async Task Reasoning_commands_against_Virtuoso_print_what_they_print_locally(params string[] commandLine)
    {
        await PushAsync(graphStore: true);
        string passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, VirtuosoFixture.Password + "\n");
        string[] args = [.. commandLine.Select(a => a.StartsWith("examples/") ? Path.Combine(RepositoryRoot, a) : a), "--ontology", OntologyDirectory];
        var (localCode, localOut, localErr) = Gg(args);
        var (remoteCode, remoteOut, remoteErr) = Gg([.. args, "--endpoint", virtuoso.SparqlAuth.AbsoluteUri, "--user", VirtuosoFixture.User, "--password-file", passwordFile]);
        File.Delete(passwordFile);
        Assert.True(localCode == 0, localErr);
        Assert.True(remoteCode == 0, remoteErr);
        Assert.Contains("ontology triples from", remoteErr);
        Assert.True(localOut.Length > 200, localOut);
        Assert.Equal(localOut, remoteOut);
    }

    [Fact]
    public async Task Gg_query_against_Virtuoso_prints_the_same_table_as_locally()
    {
        await PushAsync(graphStore: false);
        string query = Path.Combine(OntologyDirectory, "queries", "long-term-follow-up-clauses.rq");
        var data = Files().SelectMany(f => new[] { "--data", Path.Combine(OntologyDirectory, f.RelativePath) }).ToArray();
        var (localCode, localOut, _) = Gg(["query", .. data, "--query", query]);
        var (remoteCode, remoteOut, remoteErr) = Gg(["query", "--endpoint", virtuoso.Sparql.AbsoluteUri, "--query", query]);
        Assert.Equal(0, localCode);
        Assert.True(remoteCode == 0, remoteErr);
        // The four long-term follow-up clauses: 3.5 ¶3, 3.5 ¶4, 4.1 ¶6, 4.2 ¶1.
        Assert.Contains("(4 rows)", localOut);
        Assert.Equal(localOut, remoteOut);
    }

    /// <summary>A recorded quirk: SPARQL 1.1 gives each node an arbitrary-length path reaches once; Virtuoso once per path.</summary>
    [Fact]
    public async Task Virtuoso_repeats_a_node_that_several_broader_paths_reach()
    {
        await PushAsync(graphStore: true);
        const string text = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c WHERE { ?c skos:broader+ <https://w3id.org/guidelinegraph/feature/gene-therapy-product> }";
        var expected = OntologyLoader.Load(OntologyDirectory).Store.Query(SparqlParser.ParseQuery(text).Value!).Results!;
        using var client = Client(graphStore: false);
        var actual = await client.SelectAsync(text);
        Assert.True(actual.Rows.Count > expected.Rows.Count, $"Virtuoso now gives {actual.Rows.Count} rows, SPARQL 1.1 {expected.Rows.Count}: the quirk is gone");
        var distinct = QueryResults.FromSolutions(actual.Variables, actual.Rows.DistinctBy(r => r[0]).ToList());
        Assert.True(ResultComparer.Compare(expected, distinct).Equal);
    }

    [Fact]
    public async Task A_wrong_password_is_an_error_with_status_401()
    {
        using var client = new SparqlProtocolClient(virtuoso.Endpoint(false) with { Credentials = new EndpointCredentials.UserPassword("dba", "wrong") });
        var e = await Assert.ThrowsAsync<SparqlProtocolException>(() => client.SelectAsync("ASK {}"));
        Assert.Equal(HttpStatusCode.Unauthorized, e.Status);
        Assert.Contains("sparql-auth", e.Message);
    }

    [Fact]
    public async Task Anonymous_updates_are_refused_with_Virtuosos_own_message()
    {
        using var client = new SparqlProtocolClient(new SparqlEndpoint(virtuoso.Sparql));
        var e = await Assert.ThrowsAsync<SparqlProtocolException>(() => client.UpdateAsync("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"));
        Assert.NotNull(e.Status);
        Assert.Contains("SECURITY", e.ServerMessage);
    }

    [Fact]
    public async Task A_query_Virtuoso_cannot_parse_reports_the_status_and_the_server_message()
    {
        using var client = Client(graphStore: false);
        var e = await Assert.ThrowsAsync<SparqlProtocolException>(() => client.SelectAsync("SELECT * WHERE { ?s ?p }"));
        Assert.Equal(HttpStatusCode.BadRequest, e.Status);
        Assert.Contains("SPARQL compiler", e.ServerMessage);
    }

    /// <summary>Runs gg in process, as the shell would, and returns its exit code and output.</summary>
    internal static (int Code, string Out, string Error) Gg(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Run(args, new CliContext(stdout, stderr, () => Stream.Null, ErrorIsTerminal: false));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
