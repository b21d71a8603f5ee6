using System.Net;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Remote;

/// <summary>
/// SERVICE over the SPARQL 1.1 Protocol, to the endpoints of an allowlist only (exact URLs, http or https): any other
/// IRI, a loopback port or a cloud metadata address included, is never contacted, and a redirect is followed only
/// to a listed URL. One <see cref="SparqlProtocolClient"/> per endpoint, with its own timeout.
/// </summary>
public sealed class RemoteServices : IServiceClient, IDisposable
{
    private readonly Dictionary<string, SparqlProtocolClient> _clients = new(StringComparer.Ordinal);

    public RemoteServices(IEnumerable<Uri> allowlist, TimeSpan timeout)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in allowlist)
        {
            if (!IsHttp(url)) throw new ArgumentException($"{url}: SERVICE endpoints must be absolute http or https URLs", nameof(allowlist));
            allowed.Add(Key(url));
        }
        var places = allowed.Select(key => Place(new Uri(key))).ToHashSet(StringComparer.Ordinal);
        foreach (var key in allowed)
            _clients[key] = new SparqlProtocolClient(new SparqlEndpoint(new Uri(key)) { Timeout = timeout },
                new AllowlistRedirects(places) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All } });
    }

    /// <summary>Reads allowlist entries as given on a command line; the error names the first that is not an http(s) URL.</summary>
    public static IReadOnlyList<Uri> ParseAllowlist(IEnumerable<string> values, out string? error)
    {
        var urls = new List<Uri>();
        error = null;
        foreach (var value in values)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var url) && IsHttp(url)) { urls.Add(url); continue; }
            error = $"{value}: expected the absolute http or https URL of a SPARQL endpoint, e.g. http://127.0.0.1:7878/sparql";
            return [];
        }
        return urls;
    }

    public bool Allows(Iri endpoint) => Client(endpoint) is not null;

    public QueryResults Select(Iri endpoint, string query, CancellationToken ct)
    {
        var client = Client(endpoint) ?? throw new ServiceCallException($"{endpoint} is not on the SERVICE allowlist");
        try
        {
            return client.SelectAsync(query, ct).GetAwaiter().GetResult();
        }
        catch (SparqlProtocolException e)
        {
            throw new ServiceCallException(e.Message, e);
        }
    }

    private SparqlProtocolClient? Client(Iri endpoint) =>
        Uri.TryCreate(endpoint.Value, UriKind.Absolute, out var url) && IsHttp(url) && _clients.TryGetValue(Key(url), out var client) ? client : null;

    private static bool IsHttp(Uri url) => url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>The URL as compared: scheme and host lower-cased, default port dropped, no fragment.</summary>
    private static string Key(Uri url) => url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);

    /// <summary>Where a request goes, without its query string (which a redirected GET carries the SPARQL query in).</summary>
    private static string Place(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }

    /// <summary>Follows a redirect only to a listed URL (at most five), so an allowed endpoint cannot point SERVICE elsewhere.</summary>
    private sealed class AllowlistRedirects(HashSet<string> places) : DelegatingHandler
    {
        private const int MaxRedirects = 5;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct).ConfigureAwait(false);
            for (int hops = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
            {
                var target = new Uri(request.RequestUri!, location);
                // 307 and 308 repeat the request as it was; the others turn it into a GET of the new URL.
                bool keep = response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
                response.Dispose();
                if (hops == MaxRedirects) throw new HttpRequestException($"more than {MaxRedirects} redirects");
                if (!IsHttp(target) || !places.Contains(Place(target)))
                    throw new HttpRequestException($"redirected to {target.GetLeftPart(UriPartial.Path)}, which is not on the SERVICE allowlist");
                var next = new HttpRequestMessage(keep ? request.Method : HttpMethod.Get, target) { Content = keep ? request.Content : null };
                foreach (var header in request.Headers) next.Headers.TryAddWithoutValidation(header.Key, header.Value);
                request = next;
                response = await base.SendAsync(request, ct).ConfigureAwait(false);
            }
            return response;
        }

        private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400 and not 304;
    }
}
