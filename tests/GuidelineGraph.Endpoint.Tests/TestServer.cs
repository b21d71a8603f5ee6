using System.Net.Http.Headers;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Durable;
using Microsoft.Extensions.Logging;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, over an in-memory store; stopped on dispose.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string Token = "test-token-1f2e";

    private readonly SparqlServer _server;
    private readonly DurableStore _store;

    private TestServer(SparqlServer server, DurableStore store, Uri url)
    {
        _server = server;
        _store = store;
        Url = url;
        Client = new HttpClient { BaseAddress = url };
    }

    public Uri Url { get; }
    public HttpClient Client { get; }
    public QuadStore Store => _store.Store;

    public static async Task<TestServer> StartAsync(IEnumerable<Quad>? data = null, EndpointOptions? options = null)
    {
        var quads = new QuadStore();
        if (data is not null) quads.Load(data);
        var store = DurableStore.InMemory(quads);
        var server = SparqlServer.Create(store, (options ?? new EndpointOptions { UpdateToken = Token }) with { Bind = "127.0.0.1", Port = 0 }, LogLevel.Warning);
        var url = await server.StartAsync();
        return new TestServer(server, store, url);
    }

    public static void Authorize(HttpRequestMessage request) => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.StopAsync();
        await _server.DisposeAsync();
        _store.Dispose();
    }
}
