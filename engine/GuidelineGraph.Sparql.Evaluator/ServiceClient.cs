using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// Sends SERVICE patterns, written as SPARQL SELECT queries, to remote endpoints. The evaluator defines it so that
/// HTTP stays out of the evaluator; the implementation decides which endpoints may be reached.
/// </summary>
public interface IServiceClient
{
    /// <summary>Whether <paramref name="endpoint"/> is on the allowlist; nothing else is ever called.</summary>
    bool Allows(Iri endpoint);

    /// <summary>The endpoint's answer to <paramref name="query"/>, or <see cref="ServiceCallException"/> when it fails.</summary>
    QueryResults Select(Iri endpoint, string query, CancellationToken ct);
}

/// <summary>A remote endpoint failed, timed out or answered something unreadable; SERVICE SILENT absorbs it.</summary>
public sealed class ServiceCallException(string message, Exception? inner = null) : Exception(message, inner);
