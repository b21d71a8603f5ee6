using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>SPARQL 1.1 Protocol §2.1: a query against the current snapshot, answered in the negotiated format.</summary>
internal sealed class QueryHandler(EndpointState state)
{
    public async Task HandleAsync(HttpContext http, ProtocolRequest request, CancellationToken ct)
    {
        var parsed = SparqlParser.ParseQuery(request.Text, new SparqlParseOptions { BaseIri = EndpointUrls.Request(http.Request) });
        if (parsed.Error is { } syntax)
        {
            await Problem.Syntax("Query", syntax).WriteAsync(http);
            return;
        }
        var query = parsed.Value!;
        // The protocol's dataset replaces FROM and FROM NAMED (§2.1.4).
        if (request.Dataset is { } dataset) query = query with { Dataset = dataset };

        bool isGraph = query is ConstructQuery or DescribeQuery;
        bool isBoolean = query is AskQuery;
        var accept = http.Request.Headers.Accept;
        // Negotiate before running, so a client that accepts nothing we have does not cost a query.
        var resultsFormat = isGraph ? null : ContentNegotiation.Choose(accept, isBoolean ? ResponseFormats.Boolean : ResponseFormats.Solutions);
        var graphFormat = isGraph ? ContentNegotiation.Choose(accept, ResponseFormats.Graph) : null;
        if (resultsFormat is null && graphFormat is null)
        {
            await Problem.NotAcceptable(isGraph ? ResponseFormats.Names(ResponseFormats.Graph)
                : ResponseFormats.Names(isBoolean ? ResponseFormats.Boolean : ResponseFormats.Solutions)).WriteAsync(http);
            return;
        }

        var outcome = await state.EvaluateAsync(() => state.Store.Store.Query(query, state.EvaluationOptions, ct), ct);
        if (outcome.Error is { } error)
        {
            await state.ProblemFor(error).WriteAsync(http);
            return;
        }
        http.Items[RequestLog.RowsKey] = outcome.Count;
        if (graphFormat is { } rdf)
            await ResponseFormats.WriteRdfAsync(http.Response, outcome.Graph!.Select(t => t.InGraph(null)), rdf, ct);
        else
            await ResponseFormats.WriteResultsAsync(http.Response, outcome.Results!, resultsFormat!.Value, ct);
    }
}
