using System.Security.Cryptography;
using System.Text;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>
/// Decides whether a request may change the store: only with <c>Authorization: Bearer &lt;token&gt;</c> matching the
/// configured token (compared in constant time); with no token configured the server is read-only.
/// </summary>
internal sealed class WriteAuthorization(string? token)
{
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public bool ReadOnly => _token is null;

    /// <summary>Null when allowed; otherwise 403 (read-only server) or 401 (missing or wrong token).</summary>
    public Problem? Check(HttpRequest request)
    {
        if (_token is null)
            return new Problem(StatusCodes.Status403Forbidden, "Read-only endpoint",
                "this server does not accept changes; start gg serve with --update-token-file to allow them");
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token))
            return null;
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"gg serve\"";
        return new Problem(StatusCodes.Status401Unauthorized, "Unauthorized",
            header.Length == 0 ? "changes need an Authorization: Bearer <token> header" : "the bearer token is not the one this server accepts");
    }
}
