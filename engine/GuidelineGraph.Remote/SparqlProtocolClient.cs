using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Remote;

/// <summary>
/// A client of one remote store over the SPARQL 1.1 Protocol (query, update) and the SPARQL 1.1 Graph Store
/// HTTP Protocol. Every failure is a <see cref="SparqlProtocolException"/> naming the request, the HTTP status
/// and the server's message; cancellation is an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class SparqlProtocolClient : IDisposable
{
    private const string SolutionsAccept = "application/sparql-results+json, application/sparql-results+xml;q=0.9";
    private const string GraphAccept = "application/n-triples, text/turtle;q=0.9, application/n-quads;q=0.8";
    // Longer GET URLs are refused by common proxies and servers (Virtuoso: 414 above about 8 KB of headers).
    private const int MaxGetUrlLength = 2000;

    private readonly HttpClient _http;

    public SparqlProtocolClient(SparqlEndpoint endpoint, HttpMessageHandler? handler = null)
    {
        Endpoint = endpoint;
        handler ??= new SocketsHttpHandler
        {
            // User and password answer the server's challenge, Basic or Digest (Virtuoso's /sparql-auth asks for Digest).
            Credentials = endpoint.Credentials is EndpointCredentials.UserPassword up ? new NetworkCredential(up.User, up.Password) : null,
            PreAuthenticate = true,
            AutomaticDecompression = DecompressionMethods.All,
        };
        _http = new HttpClient(handler) { Timeout = endpoint.Timeout };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("GuidelineGraph", "1.0"));
        if (endpoint.Credentials is EndpointCredentials.BearerToken bearer)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer.Token);
    }

    public SparqlEndpoint Endpoint { get; }

    /// <summary>Runs a SELECT or ASK query.</summary>
    public async Task<QueryResults> SelectAsync(string query, CancellationToken ct = default)
    {
        var answer = await SendAsync(() => QueryRequest(query, SolutionsAccept), ct).ConfigureAwait(false);
        return ReadResults(answer);
    }

    /// <summary>Runs a CONSTRUCT or DESCRIBE query; the triples come back in the default graph.</summary>
    /// <param name="blankNodeScope">Prefixed to blank-node labels, which are local to one answer.</param>
    public async Task<IReadOnlyList<Quad>> ConstructAsync(string query, string? blankNodeScope = null, CancellationToken ct = default)
    {
        var answer = await SendAsync(() => QueryRequest(query, GraphAccept), ct).ConfigureAwait(false);
        return ReadGraph(answer, blankNodeScope, ct);
    }

    /// <summary>Runs a SPARQL update request (POST, urlencoded form, to the update service).</summary>
    public async Task UpdateAsync(string update, CancellationToken ct = default)
    {
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Endpoint.UpdateOrQuery)
        {
            Content = new FormUrlEncodedContent([new("update", update)]),
        }, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a named graph through the Graph Store Protocol (PUT, N-Triples). False when there is no Graph
    /// Store service: none configured, or it answers 404, 405 or 501 (the caller falls back to SPARQL Update).
    /// </summary>
    public async Task<bool> TryPutGraphAsync(Iri graph, IEnumerable<Quad> triples, CancellationToken ct = default)
    {
        if (Endpoint.GraphStore is null) return false;
        var sb = new StringBuilder();
        using (var writer = new StringWriter(sb)) RdfWriter.Write(writer, triples.Select(q => q with { Graph = null }), new RdfWriteOptions { Format = RdfFormat.NTriples });
        byte[] body = Encoding.UTF8.GetBytes(sb.ToString());
        try
        {
            await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, GraphUri(graph))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue(RdfFormat.NTriples.MediaType(), "utf-8") } },
            }, ct).ConfigureAwait(false);
            return true;
        }
        catch (SparqlProtocolException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            return false;
        }
    }

    /// <summary>A named graph through the Graph Store Protocol (GET); an empty list when the store has no such graph.</summary>
    public async Task<IReadOnlyList<Quad>> GetGraphAsync(Iri graph, string? blankNodeScope = null, CancellationToken ct = default)
    {
        if (Endpoint.GraphStore is null) throw new InvalidOperationException("No Graph Store service is configured.");
        try
        {
            var answer = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, GraphUri(graph)) { Headers = { { "Accept", GraphAccept } } }, ct).ConfigureAwait(false);
            return ReadGraph(answer, blankNodeScope, ct);
        }
        catch (SparqlProtocolException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return [];
        }
    }

    private Uri GraphUri(Iri graph)
    {
        var builder = new UriBuilder(Endpoint.GraphStore!);
        string parameter = "graph=" + Uri.EscapeDataString(graph.Value);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? parameter : builder.Query.TrimStart('?') + "&" + parameter;
        return builder.Uri;
    }

    private HttpRequestMessage QueryRequest(string query, string accept)
    {
        var transport = Endpoint.Transport;
        string encoded = Uri.EscapeDataString(query);
        if (transport == QueryTransport.Auto)
            transport = Endpoint.Query.AbsoluteUri.Length + encoded.Length + 7 <= MaxGetUrlLength ? QueryTransport.Get : QueryTransport.PostForm;
        var request = transport switch
        {
            QueryTransport.Get => new HttpRequestMessage(HttpMethod.Get, new UriBuilder(Endpoint.Query)
            {
                Query = (string.IsNullOrEmpty(Endpoint.Query.Query) ? "" : Endpoint.Query.Query.TrimStart('?') + "&") + "query=" + encoded,
            }.Uri),
            QueryTransport.PostForm => new HttpRequestMessage(HttpMethod.Post, Endpoint.Query) { Content = new FormUrlEncodedContent([new("query", query)]) },
            _ => new HttpRequestMessage(HttpMethod.Post, Endpoint.Query)
            {
                Content = new StringContent(query, Encoding.UTF8, "application/sparql-query"),
            },
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        return request;
    }

    /// <summary>A 2xx answer, read whole; the request is built by a factory so nothing is shared between attempts.</summary>
    private async Task<Answer> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        using var request = build();
        string method = request.Method.Method;
        Uri url = request.RequestUri!;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new SparqlProtocolException(method, url, null, null, $"no answer within {Endpoint.Timeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new SparqlProtocolException(method, url, null, null, e.InnerException?.Message ?? e.Message, e);
        }
        using (response)
        {
            byte[] body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            string? mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode)
                throw new SparqlProtocolException(method, url, response.StatusCode, response.ReasonPhrase,
                    ServerMessage.From(Encoding.UTF8.GetString(body), mediaType));
            return new Answer(method, url, response.StatusCode, mediaType, body);
        }
    }

    private static QueryResults ReadResults(Answer answer)
    {
        var format = answer.MediaType is null ? null : QueryResultsFormats.FromMediaType(answer.MediaType);
        if (format is not { } f) throw answer.Unreadable($"expected SPARQL results, got {answer.MediaType ?? "no media type"}");
        var parsed = QueryResultsReader.Read(new MemoryStream(answer.Body), f);
        return parsed.Results ?? throw answer.Unreadable($"{parsed.Error!.Start.Line}:{parsed.Error.Start.Column}: {parsed.Error.Message}");
    }

    private static IReadOnlyList<Quad> ReadGraph(Answer answer, string? blankNodeScope, CancellationToken ct)
    {
        var format = answer.MediaType is null ? null : RdfFormats.FromMediaType(answer.MediaType);
        if (format is not { } f) throw answer.Unreadable($"expected an RDF graph, got {answer.MediaType ?? "no media type"}");
        try
        {
            return RdfReader.Read(new MemoryStream(answer.Body), new RdfReadOptions
            {
                Format = f,
                BaseIri = answer.Url.AbsoluteUri,
                BlankNodeScope = blankNodeScope,
            }, ct).Select(q => q with { Graph = null }).ToList();
        }
        catch (RdfSyntaxException e)
        {
            throw answer.Unreadable($"{e.Error.Start.Line}:{e.Error.Start.Column}: {e.Error.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private sealed record Answer(string Method, Uri Url, HttpStatusCode Status, string? MediaType, byte[] Body)
    {
        public SparqlProtocolException Unreadable(string why) =>
            new(Method, Url, Status, null, $"unreadable answer ({MediaType}): {why}");
    }
}
