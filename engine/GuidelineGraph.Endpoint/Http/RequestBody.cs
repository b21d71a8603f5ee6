using System.Text;
using Microsoft.Net.Http.Headers;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>Reading request bodies: whole (Kestrel enforces the size limit), and as strict UTF-8 text.</summary>
internal static class RequestBody
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The media type without parameters, lower-cased; empty when absent or malformed.</summary>
    public static string MediaType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() ?? "" : "";

    /// <summary>A charset other than UTF-8 (or US-ASCII, its subset) is refused: SPARQL text is UTF-8 on the wire.</summary>
    public static Problem? CheckCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) || parsed.Charset.Length == 0) return null;
        var charset = parsed.Charset.Value!.Trim('"');
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            ? null
            : new Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset", $"charset {charset} is not accepted; send UTF-8");
    }

    public static async Task<byte[]> ReadBytesAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>The body as text, or a problem when it is not UTF-8.</summary>
    public static async Task<(string? Text, Problem? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await ReadBytesAsync(request, ct);
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
            return (StrictUtf8.GetString(span), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, Problem.BadRequest($"the body is not valid UTF-8 (byte {e.Index})"));
        }
    }
}
