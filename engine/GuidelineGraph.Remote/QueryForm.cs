namespace GuidelineGraph.Remote;

/// <summary>
/// What a query returns, which decides what the client asks for: Virtuoso answers a CONSTRUCT sent with
/// <c>Accept: application/sparql-results+json</c> with an s/p/o table, so the Accept header must follow the form.
/// </summary>
public enum QueryForm
{
    /// <summary>SELECT and ASK: a results document.</summary>
    Solutions,
    /// <summary>CONSTRUCT and DESCRIBE: an RDF graph.</summary>
    Graph,
}
