using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>
/// SERVICE over HTTP between real servers: a federated join, the allowlist (refused IRIs, SSRF targets, redirects out
/// of it), SILENT, and a remote that never answers.
/// </summary>
public sealed class ServiceTests
{
    private const string Ex = "http://ex.org/";
    private static readonly Iri Name = new(Ex + "name"), Age = new(Ex + "age");

    private static Quad Triple(string subject, Iri predicate, Term value) => new(new Iri(Ex + subject), predicate, value);

    /// <summary>Names live on the remote server (p1, p2, p4), ages on the local one (p1, p2, p3).</summary>
    private static readonly Quad[] Names = [Triple("p1", Name, new Literal("Ann")), Triple("p2", Name, new Literal("Bo")), Triple("p4", Name, new Literal("Dee"))];

    private static readonly Quad[] Ages = [.. new[] { ("p1", "31"), ("p2", "42"), ("p3", "53") }.Select(a => Triple(a.Item1, Age, new Literal(a.Item2, Vocab.Xsd.Integer)))];

    private static string JoinQuery(Uri remote, string silent = "") =>
        $"SELECT ?p ?age ?name WHERE {{ ?p <{Ex}age> ?age SERVICE {silent}<{remote}> {{ ?p <{Ex}name> ?name }} }} ORDER BY ?p";

    private static async Task<HttpResponseMessage> QueryAsync(HttpClient client, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = new FormUrlEncodedContent([new("query", query)]) };
        request.Headers.Accept.ParseAdd("text/csv");
        return await client.SendAsync(request);
    }

    private static async Task<string> Csv(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private static async Task<string> Refusal(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.DoesNotContain("   at ", body);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;
    }

    private static Uri SparqlUrl(TestServer server) => new(server.Url, "sparql");

    [Fact]
    public async Task Gg_serve_joins_its_data_with_another_gg_serve_through_SERVICE()
    {
        var dir = Directory.CreateTempSubdirectory("gg-service-").FullName;
        try
        {
            var names = Path.Combine(dir, "names.nt");
            var ages = Path.Combine(dir, "ages.nt");
            File.WriteAllLines(names, Names.Select(q => q.ToString()));
            File.WriteAllLines(ages, Ages.Select(q => q.ToString()));
            await using var remote = await GgServeProcess.StartAsync("--data", names);
            var remoteSparql = new Uri(remote.Url, "sparql");
            await using var local = await GgServeProcess.StartAsync("--data", ages, "--service-allow", remoteSparql.AbsoluteUri);
            using var http = new HttpClient { BaseAddress = local.Url };
            // p3 has no name remotely and p4 no age locally: the join keeps p1 and p2.
            Assert.Equal("p,age,name\r\nhttp://ex.org/p1,31,Ann\r\nhttp://ex.org/p2,42,Bo\r\n", await Csv(await QueryAsync(http, JoinQuery(remoteSparql))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Many_solutions_join_exactly()
    {
        // 250 local people, the remote names every third: 84 of them (0, 3, …, 249).
        var people = Enumerable.Range(0, 250).ToList();
        await using var remote = await TestServer.StartAsync(people.Where(i => i % 3 == 0).Select(i => Triple($"q{i}", Name, new Literal($"n{i}"))));
        await using var local = await TestServer.StartAsync(people.Select(i => Triple($"q{i}", Age, new Literal(i.ToString(), Vocab.Xsd.Integer))),
            new EndpointOptions { ServiceAllowlist = [SparqlUrl(remote)] });
        var csv = await Csv(await QueryAsync(local.Client, $"SELECT ?age ?name WHERE {{ ?p <{Ex}age> ?age SERVICE <{SparqlUrl(remote)}> {{ ?p <{Ex}name> ?name }} }}"));
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(84, rows.Count);
        Assert.All(rows, row => Assert.Equal("n" + row.Split(',')[0], row.Split(',')[1]));
    }

    [Fact]
    public async Task An_endpoint_not_on_the_allowlist_is_refused_and_never_contacted()
    {
        await using var remote = await TestServer.StartAsync(Names);
        using var bystander = new TcpListener(IPAddress.Loopback, 0);
        bystander.Start();
        int port = ((IPEndPoint)bystander.LocalEndpoint).Port;
        await using var local = await TestServer.StartAsync(Ages, new EndpointOptions { ServiceAllowlist = [SparqlUrl(remote)] });
        foreach (var target in new[]
        {
            $"http://127.0.0.1:{port}/sparql",                // another port on loopback
            "http://169.254.169.254/latest/meta-data/",        // the cloud metadata service
            new Uri(remote.Url, "store").AbsoluteUri,          // another path of the allowed server
            $"file:///etc/passwd",
        })
        {
            var detail = await Refusal(await QueryAsync(local.Client, JoinQuery(new Uri(target))), HttpStatusCode.Forbidden);
            Assert.Equal($"SERVICE <{target}> is not allowed: only endpoints on the allowlist are queried", detail);
        }
        Assert.False(bystander.Pending(), "the refused loopback port was contacted");
    }

    [Fact]
    public async Task Without_an_allowlist_SERVICE_is_off()
    {
        await using var remote = await TestServer.StartAsync(Names);
        await using var local = await TestServer.StartAsync(Ages);
        var detail = await Refusal(await QueryAsync(local.Client, JoinQuery(SparqlUrl(remote))), HttpStatusCode.Forbidden);
        Assert.Contains("is not allowed", detail);
    }

    [Fact]
    public async Task Silent_turns_a_refusal_into_one_empty_solution()
    {
        await using var local = await TestServer.StartAsync(Ages);
        // The empty solution joins every local row, leaving ?name unbound.
        Assert.Equal("p,age,name\r\nhttp://ex.org/p1,31,\r\nhttp://ex.org/p2,42,\r\nhttp://ex.org/p3,53,\r\n",
            await Csv(await QueryAsync(local.Client, JoinQuery(new Uri("http://169.254.169.254/sparql"), "SILENT "))));
    }

    [Fact]
    public async Task A_redirect_is_followed_only_to_a_listed_endpoint()
    {
        await using var remote = await TestServer.StartAsync(Names);
        await using var redirector = Redirector.Start(SparqlUrl(remote));
        await using var strict = await TestServer.StartAsync(Ages, new EndpointOptions { ServiceAllowlist = [redirector.Url] });
        var detail = await Refusal(await QueryAsync(strict.Client, JoinQuery(redirector.Url)), HttpStatusCode.BadGateway);
        Assert.Contains($"redirected to {SparqlUrl(remote)}, which is not on the SERVICE allowlist", detail);

        await using var trusting = await TestServer.StartAsync(Ages, new EndpointOptions { ServiceAllowlist = [redirector.Url, SparqlUrl(remote)] });
        Assert.Equal("p,age,name\r\nhttp://ex.org/p1,31,Ann\r\nhttp://ex.org/p2,42,Bo\r\n", await Csv(await QueryAsync(trusting.Client, JoinQuery(redirector.Url))));
    }

    [Fact]
    public async Task A_remote_that_never_answers_fails_after_the_service_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the backlog) and never answers
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/sparql");
        await using var local = await TestServer.StartAsync(Ages, new EndpointOptions { ServiceAllowlist = [url], ServiceTimeout = TimeSpan.FromSeconds(1) });
        var detail = await Refusal(await QueryAsync(local.Client, JoinQuery(url)), HttpStatusCode.BadGateway);
        Assert.StartsWith($"SERVICE <{url}>: ", detail);
        Assert.Contains("no answer within 1 s", detail);
        Assert.Equal(4, (await Csv(await QueryAsync(local.Client, JoinQuery(url, "SILENT ")))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>An HTTP server on loopback that answers every request with a 307 to one URL.</summary>
    private sealed class Redirector : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/sparql");

        public static Redirector Start(Uri target)
        {
            var r = new Redirector();
            r._listener.Start();
            r._loop = r.ServeAsync(target);
            return r;
        }

        private async Task ServeAsync(Uri target)
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        int n = await stream.ReadAsync(buffer, _stop.Token);
                        if (n == 0) break;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    // The request line's query string goes along, as a server that moved would send it.
                    var path = head.ToString().Split(' ')[1];
                    var location = target.AbsoluteUri + (path.Contains('?') ? path[path.IndexOf('?')..] : "");
                    var answer = $"HTTP/1.1 307 Temporary Redirect\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _listener.Stop();
            _stop.Dispose();
        }
    }
}
