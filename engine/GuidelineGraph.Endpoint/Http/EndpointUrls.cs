namespace GuidelineGraph.Endpoint.Http;

/// <summary>The absolute URLs the server derives from a request: the request itself (a base IRI, a direct graph name) and its paths.</summary>
internal static class EndpointUrls
{
    public const string Sparql = "/sparql";
    public const string GraphStore = "/store";
    public const string Health = "/health";

    public static string Root(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>The request URL without its query string.</summary>
    public static string Request(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
}
