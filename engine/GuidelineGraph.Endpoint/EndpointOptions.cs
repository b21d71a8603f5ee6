namespace GuidelineGraph.Endpoint;

/// <summary>How <c>gg serve</c> listens and what it allows. Immutable; the defaults are the safe ones.</summary>
public sealed record EndpointOptions
{
    /// <summary>The address to listen on; loopback unless the operator says otherwise.</summary>
    public string Bind { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 7878;

    /// <summary>Updates and Graph Store writes need <c>Authorization: Bearer</c> this token; null makes the server read-only.</summary>
    public string? UpdateToken { get; init; }

    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Solutions or triples a query may return before it is stopped.</summary>
    public long MaxResultRows { get; init; } = 100_000;

    /// <summary>Request bodies (queries, updates, uploaded graphs) above this are refused with 413.</summary>
    public long MaxBodyBytes { get; init; } = 16L << 20;

    /// <summary>LOAD reads file: IRIs under this directory only; null forbids LOAD.</summary>
    public string? LoadRoot { get; init; }

    /// <summary>The one origin allowed to call from a browser page of another site; null turns CORS off.</summary>
    public string? CorsOrigin { get; init; }

    /// <summary>
    /// Queries and updates evaluated at once; further requests wait their turn. Each evaluation holds its working
    /// set (hash tables, groups, sorted rows), so this bounds the server's memory under load, not only its CPU.
    /// </summary>
    public int MaxConcurrentEvaluations { get; init; } = Environment.ProcessorCount;

    /// <summary>SERVICE may call these SPARQL endpoints (exact URLs) and nothing else; empty keeps SERVICE off.</summary>
    public IReadOnlyList<Uri> ServiceAllowlist { get; init; } = [];

    /// <summary>How long one SERVICE request may take before it fails (SILENT absorbs the failure).</summary>
    public TimeSpan ServiceTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
