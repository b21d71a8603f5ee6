using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using Microsoft.Extensions.Primitives;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>A query or update operation as the SPARQL 1.1 Protocol (§2.1, §2.2) carries it, with its protocol dataset.</summary>
internal sealed record ProtocolRequest(bool IsUpdate, string Text, Dataset? Dataset)
{
    public const string FormType = "application/x-www-form-urlencoded";
    public const string QueryType = "application/sparql-query";
    public const string UpdateType = "application/sparql-update";

    /// <summary>
    /// Reads the operation of a GET or POST. Returns neither an operation nor a problem for a GET without a query:
    /// that asks for the service description or the query page.
    /// </summary>
    public static async Task<(ProtocolRequest? Request, Problem? Problem)> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (HttpMethods.IsGet(http.Method) || HttpMethods.IsHead(http.Method))
        {
            if (http.Query.ContainsKey("update"))
                return (null, new Problem(StatusCodes.Status405MethodNotAllowed, "Method not allowed", "an update must be sent with POST"));
            if (!http.Query.TryGetValue("query", out var query)) return (null, null);
            return Build(false, query, http.Query);
        }
        if (!HttpMethods.IsPost(http.Method))
        {
            http.HttpContext.Response.Headers.Allow = "GET, HEAD, POST";
            return (null, new Problem(StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                $"{http.Method} is not a SPARQL protocol operation; queries use GET or POST, updates POST"));
        }
        var mediaType = RequestBody.MediaType(http);
        switch (mediaType)
        {
            case FormType:
            {
                var form = await http.ReadFormAsync(ct);
                bool hasQuery = form.TryGetValue("query", out var query), hasUpdate = form.TryGetValue("update", out var update);
                if (hasQuery == hasUpdate)
                    return (null, Problem.BadRequest(hasQuery ? "a request carries a query or an update, not both" : "the form has neither a query nor an update parameter"));
                return Build(hasUpdate, hasUpdate ? update : query, form);
            }
            case QueryType or UpdateType:
            {
                if (RequestBody.CheckCharset(http) is { } charset) return (null, charset);
                var (text, problem) = await RequestBody.ReadTextAsync(http, ct);
                if (problem is not null) return (null, problem);
                return Build(mediaType == UpdateType, new StringValues(text), http.Query);
            }
            default:
                return (null, Problem.UnsupportedMediaType(http.ContentType, $"{FormType}, {QueryType} or {UpdateType}"));
        }
    }

    private static (ProtocolRequest?, Problem?) Build(bool isUpdate, StringValues text, IEnumerable<KeyValuePair<string, StringValues>> parameters)
    {
        var what = isUpdate ? "update" : "query";
        if (text.Count != 1) return (null, Problem.BadRequest($"a request carries exactly one {what}; this one has {text.Count}"));
        var byName = parameters.ToDictionary(p => p.Key, p => p.Value);
        var (defaultName, namedName) = isUpdate ? ("using-graph-uri", "using-named-graph-uri") : ("default-graph-uri", "named-graph-uri");
        var defaults = new List<Iri>();
        var named = new List<Iri>();
        foreach (var (name, target) in new[] { (defaultName, defaults), (namedName, named) })
        {
            if (!byName.TryGetValue(name, out var values)) continue;
            foreach (var value in values)
            {
                if (!Uri.TryCreate(value, UriKind.Absolute, out _))
                    return (null, Problem.BadRequest($"{name}={value}: a graph is named by an absolute IRI"));
                target.Add(new Iri(value!));
            }
        }
        var dataset = defaults.Count + named.Count == 0 ? null : new Dataset([.. defaults], [.. named]);
        return (new ProtocolRequest(isUpdate, text[0]!, dataset), null);
    }
}
