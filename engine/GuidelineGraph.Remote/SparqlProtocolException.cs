using System.Net;

namespace GuidelineGraph.Remote;

/// <summary>
/// A request the remote store refused or could not answer: the method, the URL, the HTTP status (null when no
/// answer came: connection refused, timeout) and the server's own message.
/// </summary>
public sealed class SparqlProtocolException(string method, Uri url, HttpStatusCode? status, string? reason, string serverMessage, Exception? inner = null)
    : Exception(Describe(method, url, status, reason, serverMessage), inner)
{
    public string Method { get; } = method;
    public Uri Url { get; } = url;
    public HttpStatusCode? Status { get; } = status;
    public string ServerMessage { get; } = serverMessage;

    private static string Describe(string method, Uri url, HttpStatusCode? status, string? reason, string message)
    {
        string where = $"{method} {url.GetLeftPart(UriPartial.Path)}";
        string what = status is { } s ? $"HTTP {(int)s} {reason ?? s.ToString()}" : "no answer";
        return message.Length == 0 ? $"{where}: {what}" : $"{where}: {what}: {message}";
    }
}
