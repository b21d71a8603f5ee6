using System.Net;
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
    private static readonly string OntologyDirectory = OntologyLoader.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("no ontology/ above the test binaries");
    private static readonly string RepositoryRoot = Path.GetDirectoryName(OntologyDirectory)!;

    /// <summary>Questions beyond ontology/queries: grouping, OPTIONAL, language filters, paths, ASK.</summary>
    private static readonly string[] ExtraQueries =
    [
        "PREFIX gg: <https://w3id.org/guidelinegraph/ns#> SELECT ?m (COUNT(?r) AS ?n) WHERE { ?r a gg:Requirement ; gg:modality ?m } GROUP BY ?m",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c ?zh WHERE { ?c skos:prefLabel ?en FILTER(LANG(?en) = \"en\") OPTIONAL { ?c skos:prefLabel ?zh FILTER(LANG(?zh) = \"zh\") } }",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?c ?top WHERE { ?c skos:broader+ ?top FILTER NOT EXISTS { ?top skos:broader ?x } }",
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
        static QueryResults Rows(IEnumerable<Quad> quads) =>
            QueryResults.FromSolutions(["s", "p", "o"], quads.Select(q => new Term?[] { q.Subject, q.Predicate, q.Object }).ToList());
        var comparison = ResultComparer.Compare(Rows(local), Rows(fetched));
        Assert.True(comparison.Equal, comparison.Difference);
    }

    [Fact]
    public async Task Gg_infer_against_Virtuoso_prints_the_same_JSON_as_locally()
    {
        await PushAsync(graphStore: true);
        string passwordFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(passwordFile, VirtuosoFixture.Password + "\n");
        string profile = Path.Combine(RepositoryRoot, "examples", "profiles", "sma-systemic-aav9-infants.yaml");
        string[] infer = ["infer", "--profile", profile, "--format", "json", "--ontology", OntologyDirectory];
        var (localCode, localOut, _) = Gg(infer);
        var (remoteCode, remoteOut, remoteErr) = Gg([.. infer, "--endpoint", virtuoso.SparqlAuth.AbsoluteUri, "--user", VirtuosoFixture.User, "--password-file", passwordFile]);
        File.Delete(passwordFile);
        Assert.Equal(0, localCode);
        Assert.Equal(0, remoteCode);
        Assert.Contains("ontology triples from", remoteErr);
        Assert.Contains("\"requirements\"", localOut);
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

    private static (int Code, string Out, string Error) Gg(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Run(args, new CliContext(stdout, stderr, () => Stream.Null, ErrorIsTerminal: false));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
