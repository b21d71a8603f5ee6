using System.Text.Json;
using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>
/// SPARQL 1.1 Protocol §2.2: an update request, applied whole or not at all, logged before it is acknowledged
/// when the store is durable. Needs the bearer token.
/// </summary>
internal sealed class UpdateHandler(EndpointState state)
{
    public async Task HandleAsync(HttpContext http, ProtocolRequest request, CancellationToken ct)
    {
        if (state.Writes.Check(http.Request) is { } denied)
        {
            await denied.WriteAsync(http);
            return;
        }
        var parsed = SparqlParser.ParseUpdate(request.Text, new SparqlParseOptions { BaseIri = EndpointUrls.Request(http.Request) });
        if (parsed.Error is { } syntax)
        {
            await Problem.Syntax("Update", syntax).WriteAsync(http);
            return;
        }
        var update = parsed.Value!;
        if (request.Dataset is { } dataset)
        {
            // using-graph-uri and using-named-graph-uri stand for USING and USING NAMED (§2.2.3); both at once is an error.
            if (update.Operations.OfType<DeleteInsert>().FirstOrDefault(d => d.With is not null || d.Using is not null) is not null)
            {
                await Problem.BadRequest("the request names its dataset with using-graph-uri/using-named-graph-uri and with USING or WITH; use one").WriteAsync(http);
                return;
            }
            update = update with { Operations = [.. update.Operations.Select(op => op is DeleteInsert d ? d with { Using = dataset } : op)] };
        }
        var outcome = await state.EvaluateAsync(() => state.Store.Update(update, state.EvaluationOptions, ct), ct);
        if (outcome.Error is { } error)
        {
            await state.ProblemFor(error).WriteAsync(http);
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { removed = outcome.Removed, added = outcome.Added }), ct);
    }
}
