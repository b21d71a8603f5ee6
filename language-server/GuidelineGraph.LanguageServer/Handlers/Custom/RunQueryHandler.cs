using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Workspace;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store.Sparql;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Custom;

/// <summary>
/// guidelineGraph/runQuery {textDocument:{uri}} (the open .rq file, else the file on disk) or {query: "text"}:
/// the query over the loaded guideline graph, as {kind: "select"|"ask"|"graph", variables, rows (SPARQL JSON
/// bindings), boolean?, turtle?, truncated}.
/// </summary>
[LspMethod(LspMethods.RunQuery)]
internal sealed class RunQueryHandler : ILspHandler<JToken, JObject>
{
    /// <summary>An editor table shows this many rows at most; the answer says when there were more.</summary>
    public const int MaxRows = 10_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public bool MutatesState => false;

    public async Task<JObject> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        (string text, string? baseIri) = QueryText(request, context.Snapshot);
        ParseResult<Query> parsed = SparqlParser.ParseQuery(text, new SparqlParseOptions { BaseIri = baseIri });
        if (parsed.Error is { } syntax)
            throw new LocalRpcException($"{syntax.Start}: {syntax.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        GuidelineModel model = await context.Snapshot.Model.WaitAsync(ct).ConfigureAwait(false)
            ?? throw new LocalRpcException("no ontology is loaded") { ErrorCode = LspErrorCodes.RequestFailed };
        QueryOutcome outcome = model.Ontology.Store.Query(parsed.Value!, new QueryOptions { Timeout = Timeout }, ct);
        if (outcome.Error is { } error) throw new LocalRpcException(error.Message) { ErrorCode = LspErrorCodes.RequestFailed };
        bool truncated = outcome.Count > MaxRows;

        if (outcome.Graph is { } triples)
        {
            var turtle = new StringWriter();
            RdfWriter.Write(turtle, triples.Take(MaxRows).Select(t => t.InGraph(null)), new RdfWriteOptions { Format = Rdf.RdfFormat.Turtle });
            return new JObject { ["kind"] = "graph", ["variables"] = new JArray(), ["rows"] = new JArray(), ["turtle"] = turtle.ToString(), ["truncated"] = truncated };
        }
        QueryResults results = truncated ? QueryResults.FromSolutions(outcome.Results!.Variables, outcome.Results.Rows.Take(MaxRows).ToList()) : outcome.Results!;
        // The shared SPARQL JSON writer gives each binding's {type, value, datatype, xml:lang}.
        if (results.BooleanValue is bool answer)
            return new JObject { ["kind"] = "ask", ["variables"] = new JArray(), ["rows"] = new JArray(), ["boolean"] = answer, ["truncated"] = false };
        var json = JObject.Parse(QueryResultsWriter.WriteToString(results, QueryResultsFormat.Json));
        return new JObject
        {
            ["kind"] = "select",
            ["variables"] = new JArray(results.Variables),
            ["rows"] = json["results"]?["bindings"] ?? new JArray(),
            ["truncated"] = truncated,
        };
    }

    private static (string Text, string? BaseIri) QueryText(JToken request, WorkspaceSnapshot snapshot)
    {
        if (request["query"] is JValue { Type: JTokenType.String } query) return ((string)query!, null);
        string? uri = (request["textDocument"]?["uri"] as JValue)?.Value as string
            ?? throw new LocalRpcException("runQuery needs {textDocument:{uri}} or {query}") { ErrorCode = LspErrorCodes.InvalidParams };
        if (snapshot.Find(uri) is { } open) return (open.Text.Text, uri);
        if (!Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) || !parsed.IsFile)
            throw new LocalRpcException($"{uri} is neither open nor a file") { ErrorCode = LspErrorCodes.InvalidParams };
        try
        {
            return (File.ReadAllText(parsed.LocalPath), uri);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalRpcException($"{parsed.LocalPath}: {e.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        }
    }
}
