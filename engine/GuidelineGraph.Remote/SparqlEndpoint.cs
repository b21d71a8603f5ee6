namespace GuidelineGraph.Remote;

/// <summary>How a query travels (SPARQL 1.1 Protocol §2.1).</summary>
public enum QueryTransport
{
    /// <summary>GET while the URL stays short, else a urlencoded POST: proxies and servers cap URL length.</summary>
    Auto,
    Get,
    /// <summary>POST with <c>application/x-www-form-urlencoded</c>.</summary>
    PostForm,
    /// <summary>POST with <c>application/sparql-query</c> (Virtuoso 7.2.5 never answers it; see README).</summary>
    PostDirect,
}

/// <summary>Who the client says it is: HTTP Basic (or Digest, when the server asks for it) or a bearer token.</summary>
public abstract record EndpointCredentials
{
    private EndpointCredentials() { }

    public sealed record UserPassword(string User, string Password) : EndpointCredentials
    {
        public override string ToString() => $"UserPassword({User}, ***)";
    }

    public sealed record BearerToken(string Token) : EndpointCredentials
    {
        public override string ToString() => "BearerToken(***)";
    }
}

/// <summary>
/// A remote SPARQL 1.1 store: the query service, the update service (the query URL when absent) and the
/// Graph Store Protocol service (none when absent: graphs then travel as SPARQL queries and updates).
/// </summary>
public sealed record SparqlEndpoint(Uri Query)
{
    public Uri? Update { get; init; }
    public Uri? GraphStore { get; init; }
    public EndpointCredentials? Credentials { get; init; }
    /// <summary>Per request; a slow answer is an error naming the URL, not a hang.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
    public QueryTransport Transport { get; init; } = QueryTransport.Auto;

    public Uri UpdateOrQuery => Update ?? Query;
}
