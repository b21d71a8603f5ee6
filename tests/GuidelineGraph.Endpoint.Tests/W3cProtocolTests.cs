using System.Net;
using System.Net.Http.Headers;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>
/// The W3C SPARQL 1.1 Protocol and Graph Store Protocol tests, run from their manifests against a fresh server per test.
/// The manifests' paths are rewritten to ours (/sparql/ → /sparql, /gsp → /store, also inside graph IRIs of the query
/// string), and every request carries the bearer token, which the manifests do not know about.
/// Cases that cannot pass are listed with their reason in known-failures.txt.
/// </summary>
public sealed class W3cProtocolTests
{
    private static readonly string Suite = Path.Combine(TestPaths.W3c, "sparql", "sparql11");

    private static readonly Lazy<Dictionary<string, HttpTestCase>> Cases = new(() =>
        HttpManifest.Load(Path.Combine(Suite, "protocol", "manifest.ttl"))
            .Concat(HttpManifest.Load(Path.Combine(Suite, "graph-store-protocol", "manifest.ttl")))
            .ToDictionary(c => c.Id));

    private static readonly Lazy<Dictionary<string, string>> KnownFailures = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "known-failures.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[0], p => p[1]));

    public static TheoryData<string> Protocol => [.. Cases.Value.Keys.Where(k => !IsGraphStore(k))];
    public static TheoryData<string> GraphStore => [.. Cases.Value.Keys.Where(IsGraphStore)];

    private static bool IsGraphStore(string id) => Cases.Value[id].Requests.Any(r => r.Path.StartsWith("/gsp", StringComparison.Ordinal));

    [Fact]
    public void The_manifests_hold_the_expected_number_of_tests()
    {
        // Counted by hand in the manifests' mf:entries: 34 protocol tests; 4 direct and 9 indirect graph store tests
        // (manifest-direct.ttl also defines head_non_existing_direct but does not list it; EndpointTests covers that case).
        Assert.Equal(34, Protocol.Count);
        Assert.Equal(13, GraphStore.Count);
        Assert.All(KnownFailures.Value.Keys, id => Assert.True(Cases.Value.ContainsKey(id), $"known-failures.txt names {id}, which no manifest has"));
    }

    [Theory]
    [MemberData(nameof(Protocol))]
    public Task Protocol_test(string id) => Run(id);

    [Theory]
    [MemberData(nameof(GraphStore))]
    public Task Graph_store_protocol_test(string id) => Run(id);

    private static async Task Run(string id)
    {
        var test = Cases.Value[id];
        Exception? failure = null;
        try { await Execute(test); }
        catch (Exception e) { failure = e; }
        if (KnownFailures.Value.TryGetValue(id, out var reason))
            Assert.True(failure is not null, $"{id} passes now; remove it from known-failures.txt ({reason})");
        else if (failure is not null)
            throw failure;
    }

    private static async Task Execute(HttpTestCase test)
    {
        var data = test.GraphData.SelectMany(d =>
        {
            using var reader = new StreamReader(d.File);
            return RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.NTriples }).Select(q => q with { Graph = new Iri(d.Graph) }).ToList();
        });
        await using var server = await TestServer.StartAsync(data);
        var variables = new Dictionary<string, string>();
        for (int i = 0; i < test.Requests.Count; i++)
        {
            var exchange = test.Requests[i];
            var path = Rewrite(exchange.Path, variables);
            using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(server.Url, path));
            request.Headers.Host = test.Authority;
            TestServer.Authorize(request);
            string? contentType = exchange.Headers.FirstOrDefault(h => h.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value;
            if (exchange.Body is not null)
            {
                var body = exchange.Body;
                // Multipart bodies need CRLF line ends; the manifest's text has LF.
                if (contentType?.StartsWith("multipart/", StringComparison.Ordinal) == true)
                    body = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body).Replace("\r\n", "\n").Replace("\n", "\r\n"));
                request.Content = new ByteArrayContent(body);
                if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
            foreach (var (name, value) in exchange.Headers.Where(h => !h.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase)))
                request.Headers.TryAddWithoutValidation(name, value);

            using var response = await server.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var step = $"request {i + 1} ({exchange.Method} {path}) answered {(int)response.StatusCode}: {text}";
            Assert.True(exchange.ExpectedStatus.Any(s => StatusMatches(s, response.StatusCode)), $"{step}; expected {string.Join(" or ", exchange.ExpectedStatus)}");
            if (exchange.LocationVariable is { } variable)
            {
                Assert.True(response.Headers.Location is not null, $"{step}; expected a Location header");
                variables[variable] = response.Headers.Location!.ToString();
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (exchange.ExpectedContentType is { } expectedType)
                Assert.Equal(MediaTypeHeaderValue.Parse(expectedType).MediaType, mediaType);
            switch (exchange.ExpectedFormat)
            {
                case "boolean":
                case "tabular":
                    var format = mediaType is null ? null : QueryResultsFormats.FromMediaType(mediaType);
                    Assert.True(format is not null, $"{step}; expected SPARQL results, got {mediaType}");
                    var results = QueryResultsReader.Read(text, format.Value);
                    Assert.True(results.Success, $"{step}; the results do not parse: {results.Error}");
                    Assert.Equal(exchange.ExpectedFormat == "boolean", results.Results!.IsBoolean);
                    break;
                case "RDF":
                    Assert.True(mediaType is not null && RdfFormats.FromMediaType(mediaType) is not null, $"{step}; expected RDF, got {mediaType}");
                    break;
            }
            if (exchange.ExpectedBoolean is bool expected)
            {
                var results = QueryResultsReader.Read(text, QueryResultsFormats.FromMediaType(mediaType!)!.Value);
                Assert.Equal(expected, results.Results!.BooleanValue);
            }
            if (exchange.ExpectedBody is { } expectedBody && exchange.Method != "HEAD")
            {
                var baseIri = new Uri(server.Url, path).GetLeftPart(UriPartial.Path);
                var format = RdfFormats.FromMediaType(mediaType!)!.Value;
                var actual = RdfReader.Read(new StringReader(text), new RdfReadOptions { Format = format, BaseIri = baseIri }).ToList();
                var wanted = RdfReader.Read(new StringReader(expectedBody), new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = baseIri }).ToList();
                Assert.True(Isomorphism.AreIsomorphic(wanted, actual), $"{step}; expected a graph isomorphic to {expectedBody}");
            }
        }
    }

    private static string Rewrite(string path, Dictionary<string, string> variables)
    {
        foreach (var (name, value) in variables) path = path.Replace(name, value, StringComparison.Ordinal);
        if (path.StartsWith("/sparql/", StringComparison.Ordinal)) path = "/sparql" + path["/sparql/".Length..];
        return path.StartsWith("/gsp", StringComparison.Ordinal)
            ? "/store" + path[4..].Replace("%2Fgsp%2F", "%2Fstore%2F", StringComparison.Ordinal).Replace("/gsp/", "/store/", StringComparison.Ordinal)
            : path;
    }

    private static bool StatusMatches(string expected, HttpStatusCode actual)
    {
        int code = (int)actual;
        return expected switch
        {
            "OK" => code == 200,
            "Created" => code == 201,
            "NoContent" => code == 204,
            "NotFound" => code == 404,
            _ when expected.StartsWith("StatusCode", StringComparison.Ordinal) => code / 100 == expected["StatusCode".Length] - '0',
            _ => throw new InvalidOperationException($"the runner does not know status {expected}"),
        };
    }
}
