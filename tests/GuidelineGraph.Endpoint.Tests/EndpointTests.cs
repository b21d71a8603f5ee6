using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>What the W3C suites do not cover: negotiation details, authorization, limits, errors, CORS, health, pages.</summary>
public sealed class EndpointTests
{
    private static readonly Iri Knows = new("http://xmlns.com/foaf/0.1/knows"), Name = new("http://xmlns.com/foaf/0.1/name");
    private static readonly Iri Alice = new("http://ex.org/alice"), Bob = new("http://ex.org/bob"), G = new("http://ex.org/g");

    /// <summary>Three quads: two in the default graph, one in http://ex.org/g.</summary>
    private static readonly Quad[] People =
    [
        new(Alice, Knows, Bob),
        new(Alice, Name, new Literal("Alice", Vocab.Xsd.String)),
        new(Bob, Name, new Literal("Bob", "en"), G),
    ];

    private static HttpRequestMessage Query(string query, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = new FormUrlEncodedContent([new("query", query)]) };
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    private static HttpRequestMessage Update(string update, string? token = TestServer.Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = new StringContent(update, Encoding.UTF8, "application/sparql-update") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text); // no stack trace frames
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData("text/csv", "text/csv", "n\r\nAlice\r\n")]                                // CSV quotes only values that need it
    [InlineData("application/sparql-results+xml;q=0.5, text/tab-separated-values", "text/tab-separated-values", "?n\n\"Alice\"\n")]
    [InlineData("text/*;q=0.9, application/json", "application/sparql-results+json", "{\"head\":{\"vars\":[\"n\"]},\"results\":{\"bindings\":[{\"n\":{\"type\":\"literal\",\"value\":\"Alice\"}}]}}")]
    public async Task Select_results_come_in_the_format_the_client_prefers(string accept, string mediaType, string body)
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.SendAsync(Query("SELECT ?n WHERE { ?p <http://xmlns.com/foaf/0.1/name> ?n }", accept));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, (await response.Content.ReadAsStringAsync()).Replace(" ", "").Replace("\n", mediaType.Contains("json") ? "" : "\n"));
    }

    [Fact]
    public async Task Construct_comes_as_n_triples_when_asked_and_406_names_the_formats_otherwise()
    {
        await using var server = await TestServer.StartAsync(People);
        const string construct = "CONSTRUCT { ?b <http://ex.org/knownBy> ?a } WHERE { ?a <http://xmlns.com/foaf/0.1/knows> ?b }";
        using var ok = await server.Client.SendAsync(Query(construct, "application/n-triples"));
        Assert.Equal("<http://ex.org/bob> <http://ex.org/knownBy> <http://ex.org/alice> .\n", await ok.Content.ReadAsStringAsync());
        using var refused = await server.Client.SendAsync(Query(construct, "application/rdf+xml"));
        var problem = await Problem(refused, HttpStatusCode.NotAcceptable);
        Assert.Equal("this result is available as text/turtle, application/n-triples, application/n-quads, application/trig, text/plain",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_syntax_error_answers_400_with_line_and_column()
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.SendAsync(Query("PREFIX ex: <http://ex.org/>\nSELECT ?x WHERE { ?x ?p }"));
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        // The closing brace is the 25th character of line 2, where an object was expected.
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.Equal(25, problem.GetProperty("column").GetInt32());
        Assert.StartsWith("2:25: ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Without_a_token_file_the_server_is_read_only()
    {
        await using var server = await TestServer.StartAsync(People, new EndpointOptions());
        using var update = await server.Client.SendAsync(Update("INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 }"));
        Assert.Contains("--update-token-file", (await Problem(update, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        using var put = await server.Client.PutAsync("store?default", new StringContent("<http://ex.org/a> <http://ex.org/b> 1 .", Encoding.UTF8, "text/turtle"));
        await Problem(put, HttpStatusCode.Forbidden);
        Assert.Equal(3, server.Store.Count);
    }

    [Theory]
    [InlineData(null, "changes need an Authorization: Bearer <token> header")]
    [InlineData("wrong-token", "the bearer token is not the one this server accepts")]
    public async Task Updates_need_the_right_bearer_token(string? token, string detail)
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.SendAsync(Update("CLEAR ALL", token));
        Assert.Equal(detail, (await Problem(response, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(3, server.Store.Count);
        using var allowed = await server.Client.SendAsync(Update("CLEAR ALL"));
        Assert.Equal("{\"removed\":3,\"added\":0}", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(0, server.Store.Count);
    }

    [Fact]
    public async Task Results_past_the_row_limit_are_refused()
    {
        await using var server = await TestServer.StartAsync(People, new EndpointOptions { MaxResultRows = 2 });
        using var response = await server.Client.SendAsync(Query("SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"));
        Assert.Contains("at most 2 rows", (await Problem(response, (HttpStatusCode)422)).GetProperty("detail").GetString());
        using var limited = await server.Client.SendAsync(Query("SELECT * WHERE { ?s ?p ?o } LIMIT 2"));
        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_stopped()
    {
        // 40 triples joined with themselves three ways: 64,000 rows, far more than the one-tick timeout allows.
        var data = Enumerable.Range(0, 40).Select(i => new Quad(new Iri($"http://ex.org/s{i}"), Knows, Bob));
        await using var server = await TestServer.StartAsync(data, new EndpointOptions { QueryTimeout = TimeSpan.FromTicks(1) });
        using var response = await server.Client.SendAsync(Query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"));
        Assert.Contains("timeout", (await Problem(response, HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_refused_with_413()
    {
        await using var server = await TestServer.StartAsync(People, new EndpointOptions { MaxBodyBytes = 1000 });
        var big = new HttpRequestMessage(HttpMethod.Post, "sparql")
        {
            Content = new StringContent($"ASK {{ ?s ?p \"{new string('a', 2000)}\" }}", Encoding.UTF8, "application/sparql-query"),
        };
        using var response = await server.Client.SendAsync(big);
        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Load_is_refused_without_a_load_root()
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.SendAsync(Update("LOAD <file:///etc/passwd>"));
        await Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Load_reads_files_under_the_load_root_only()
    {
        var root = Directory.CreateTempSubdirectory("gg-load-root-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "inside.nt"), "<http://ex.org/x> <http://ex.org/y> <http://ex.org/z> .\n");
            await using var server = await TestServer.StartAsync(People, new EndpointOptions { UpdateToken = TestServer.Token, LoadRoot = root });
            using var inside = await server.Client.SendAsync(Update($"LOAD <{new Uri(Path.Combine(root, "inside.nt")).AbsoluteUri}>"));
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
            Assert.Equal(4, server.Store.Count);
            using var outside = await server.Client.SendAsync(Update($"LOAD <{new Uri(Path.Combine(root, "..", "outside.nt")).AbsoluteUri}>"));
            await Problem(outside, HttpStatusCode.Forbidden);
            using var remote = await server.Client.SendAsync(Update("LOAD <http://169.254.169.254/latest/meta-data>"));
            await Problem(remote, HttpStatusCode.Forbidden);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Service_calls_are_refused()
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.SendAsync(Query("SELECT * WHERE { SERVICE <http://169.254.169.254/sparql> { ?s ?p ?o } }"));
        await Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Cors_is_off_unless_an_origin_is_configured()
    {
        static HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "sparql");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            return request;
        }
        await using (var closed = await TestServer.StartAsync(People))
        {
            using var response = await closed.Client.SendAsync(Preflight("https://app.example"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
        await using var open = await TestServer.StartAsync(People, new EndpointOptions { CorsOrigin = "https://app.example" });
        using (var allowed = await open.Client.SendAsync(Preflight("https://app.example")))
            Assert.Equal("https://app.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using (var other = await open.Client.SendAsync(Preflight("https://evil.example")))
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Unknown_paths_answer_404_naming_the_endpoints()
    {
        await using var server = await TestServer.StartAsync(People);
        using var response = await server.Client.GetAsync("query");
        Assert.Equal("/query is not served here; queries and updates go to /sparql, graphs to /store, status to /health",
            (await Problem(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_reports_the_store()
    {
        await using var server = await TestServer.StartAsync(People);
        var health = JsonDocument.Parse(await server.Client.GetStringAsync("health")).RootElement;
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(3, health.GetProperty("quads").GetInt64());
        Assert.Equal(1, health.GetProperty("namedGraphs").GetInt32());
        Assert.Equal("memory", health.GetProperty("store").GetString());
        Assert.False(health.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public async Task Browsers_get_a_self_contained_query_page()
    {
        await using var server = await TestServer.StartAsync(People);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<textarea", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public async Task The_service_description_names_the_endpoint_and_counts_graphs()
    {
        await using var server = await TestServer.StartAsync(People);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/turtle");
        using var response = await server.Client.SendAsync(request);
        var quads = RdfReader.Read(new StringReader(await response.Content.ReadAsStringAsync()), new RdfReadOptions { Format = RdfFormat.Turtle }).ToList();
        const string sd = "http://www.w3.org/ns/sparql-service-description#";
        var endpoint = new Iri(new Uri(server.Url, "sparql").AbsoluteUri);
        Assert.Contains(new Quad(endpoint, new Iri(sd + "endpoint"), endpoint), quads);
        Assert.Contains(new Quad(endpoint, new Iri(sd + "supportedLanguage"), new Iri(sd + "SPARQL11Update")), quads);
        var named = quads.Single(q => q.Predicate.Value == sd + "name").Subject;
        Assert.Equal(G, quads.Single(q => q.Subject == named && q.Predicate.Value == sd + "name").Object);
        var triples = quads.Where(q => q.Predicate.Value == "http://rdfs.org/ns/void#triples").Select(q => ((Literal)q.Object).Lexical).Order().ToList();
        Assert.Equal(["1", "2"], triples); // the named graph, the default graph
    }

    [Fact]
    public async Task Graph_store_head_and_get_of_missing_graphs_answer_404()
    {
        await using var server = await TestServer.StartAsync(People);
        using var head = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "store/person/4.ttl"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        using var get = await server.Client.GetAsync("store?graph=http://ex.org/nothing");
        await Problem(get, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Graph_store_get_without_a_graph_returns_the_whole_dataset()
    {
        await using var server = await TestServer.StartAsync(People);
        using var request = new HttpRequestMessage(HttpMethod.Get, "store");
        request.Headers.Accept.ParseAdd("application/n-quads");
        using var response = await server.Client.SendAsync(request);
        var quads = RdfReader.Read(new StringReader(await response.Content.ReadAsStringAsync()), new RdfReadOptions { Format = RdfFormat.NQuads }).ToList();
        Assert.Equal(People.OrderBy(q => q.ToString()), quads.OrderBy(q => q.ToString()));
    }

    [Fact]
    public async Task A_graph_upload_with_a_syntax_error_answers_400_with_its_position()
    {
        await using var server = await TestServer.StartAsync(People);
        using var request = new HttpRequestMessage(HttpMethod.Put, "store?graph=http://ex.org/new")
        {
            Content = new StringContent("<http://ex.org/a> <http://ex.org/b> \"open\n.", Encoding.UTF8, "text/turtle"),
        };
        TestServer.Authorize(request);
        using var response = await server.Client.SendAsync(request);
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
        Assert.Equal(3, server.Store.Count);
    }

    [Fact]
    public async Task Uploads_keep_their_blank_nodes_apart()
    {
        await using var server = await TestServer.StartAsync();
        for (int i = 0; i < 2; i++)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "store?default") { Content = new StringContent("_:b <http://ex.org/p> _:b .", Encoding.UTF8, "text/turtle") };
            TestServer.Authorize(post);
            using var response = await server.Client.SendAsync(post);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }
        var subjects = server.Store.Match(null, null, null, Store.GraphSelector.Default).Select(q => q.Subject).Distinct().ToList();
        Assert.Equal(2, subjects.Count);
    }
}
