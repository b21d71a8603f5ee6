using System.Text.Json;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>
/// An error as the client sees it (RFC 9457 application/problem+json): a status, a title and a message a person
/// can act on; for syntax errors the line and column. Never a stack trace.
/// </summary>
internal sealed record Problem(int Status, string Title, string Detail, int? Line = null, int? Column = null)
{
    public static Problem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static Problem Syntax(string what, SyntaxError error) =>
        new(StatusCodes.Status400BadRequest, $"{what} syntax error", $"{error.Start.Line}:{error.Start.Column}: {error.Message}",
            error.Start.Line, error.Start.Column);

    public static Problem UnsupportedMediaType(string? contentType, string expected) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
            $"{(string.IsNullOrEmpty(contentType) ? "no Content-Type" : $"Content-Type {contentType}")} is not accepted here; send {expected}");

    public static Problem NotAcceptable(IEnumerable<string> offered) =>
        new(StatusCodes.Status406NotAcceptable, "Not acceptable", $"this result is available as {string.Join(", ", offered)}");

    public Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/problem+json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "about:blank");
            json.WriteString("title", Title);
            json.WriteNumber("status", Status);
            json.WriteString("detail", Detail);
            if (Line is int line) json.WriteNumber("line", line);
            if (Column is int column) json.WriteNumber("column", column);
            json.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
