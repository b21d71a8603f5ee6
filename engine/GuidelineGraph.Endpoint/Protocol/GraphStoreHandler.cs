using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Store;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>
/// The SPARQL 1.1 Graph Store HTTP Protocol on <c>/store</c>: a graph is named indirectly (<c>?default</c>,
/// <c>?graph=IRI</c>) or directly (the request URL under <c>/store/</c>). GET and HEAD read; PUT replaces, POST merges,
/// DELETE removes (these need the bearer token); POST to <c>/store</c> itself creates a graph and answers its IRI in Location.
/// </summary>
internal sealed class GraphStoreHandler(EndpointState state)
{
    private static long _uploads;

    /// <summary>Which graph a request is about: the default graph (<see cref="Name"/> null), a named graph, or the whole store.</summary>
    private readonly record struct Target(bool IsStore, Iri? Name);

    public async Task HandleAsync(HttpContext http, CancellationToken ct)
    {
        var (target, problem) = Identify(http.Request);
        problem ??= http.Request.Method switch
        {
            "GET" or "HEAD" => await ReadAsync(http, target, ct),
            "PUT" or "POST" or "DELETE" => state.Writes.Check(http.Request) ?? await WriteAsync(http, target, ct),
            _ => MethodNotAllowed(http),
        };
        if (problem is not null) await problem.WriteAsync(http);
    }

    private static Problem MethodNotAllowed(HttpContext http)
    {
        http.Response.Headers.Allow = "GET, HEAD, PUT, POST, DELETE";
        return new Problem(StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"{http.Request.Method} is not a Graph Store Protocol operation");
    }

    private static (Target, Problem?) Identify(HttpRequest request)
    {
        bool isDefault = request.Query.ContainsKey("default");
        bool hasGraph = request.Query.TryGetValue("graph", out var graph);
        bool isDirect = request.Path.Value is { Length: > 0 } path && path.TrimEnd('/').Length > EndpointUrls.GraphStore.Length;
        if ((isDefault ? 1 : 0) + (hasGraph ? 1 : 0) + (isDirect ? 1 : 0) > 1)
            return (default, Problem.BadRequest("name the graph one way: ?default, ?graph=IRI or the request URL"));
        if (isDefault) return (new Target(false, null), null);
        if (hasGraph)
        {
            if (graph.Count != 1 || !Uri.TryCreate(graph[0], UriKind.Absolute, out _))
                return (default, Problem.BadRequest($"?graph={graph}: name one graph by an absolute IRI"));
            return (new Target(false, new Iri(graph[0]!)), null);
        }
        if (isDirect) return (new Target(false, new Iri(EndpointUrls.Request(request))), null);
        return (new Target(true, null), null);
    }

    private bool Exists(Iri? graph) => graph is null || state.Store.Store.Snapshot().Match(null, null, null, GraphSelector.Named(graph)).Any();

    private async Task<Problem?> ReadAsync(HttpContext http, Target target, CancellationToken ct)
    {
        var offers = target.IsStore ? ResponseFormats.Dataset : ResponseFormats.Graph;
        if (ContentNegotiation.Choose(http.Request.Headers.Accept, offers) is not { } format) return Problem.NotAcceptable(ResponseFormats.Names(offers));
        if (!target.IsStore && !Exists(target.Name)) return NotFound(target);
        var snapshot = state.Store.Store.Snapshot();
        var quads = target.IsStore
            ? snapshot.Match(null, null, null, GraphSelector.Any)
            : snapshot.Match(null, null, null, target.Name is null ? GraphSelector.Default : GraphSelector.Named(target.Name)).Select(q => q with { Graph = null });
        await ResponseFormats.WriteRdfAsync(http.Response, quads, format, ct);
        return null;
    }

    private static Problem NotFound(Target target) =>
        new(StatusCodes.Status404NotFound, "No such graph", $"the store holds no graph {target.Name}");

    private async Task<Problem?> WriteAsync(HttpContext http, Target target, CancellationToken ct)
    {
        var method = http.Request.Method;
        if (target.IsStore)
        {
            if (method != "POST") return MethodNotAllowed(http);
            // POST to the store itself: the server names a new graph (§5.5).
            target = new Target(false, new Iri($"{EndpointUrls.Root(http.Request)}{EndpointUrls.GraphStore.TrimStart('/')}/{Guid.NewGuid():N}"));
            http.Response.Headers.Location = target.Name!.Value;
        }
        bool existed = Exists(target.Name);
        if (method == "DELETE" && !existed) return NotFound(target);

        IReadOnlyList<Triple> triples = [];
        if (method != "DELETE")
        {
            var (read, problem) = await ReadGraphAsync(http.Request, target.Name?.Value ?? EndpointUrls.Request(http.Request), ct);
            if (problem is not null) return problem;
            triples = read!;
        }
        bool replace = method is "PUT" or "DELETE";
        var outcome = await Task.Run(() => state.Store.Change(dataset => Replace(dataset, target.Name, replace, triples)), ct);
        if (outcome.Error is { } error) return state.ProblemFor(error);
        http.Response.StatusCode = existed ? StatusCodes.Status204NoContent : StatusCodes.Status201Created;
        return null;
    }

    /// <summary>Removes the graph's triples when <paramref name="replace"/>, then adds <paramref name="triples"/>, in one change.</summary>
    private static UpdateOutcome Replace(IUpdatableDataset dataset, Iri? graph, bool replace, IReadOnlyList<Triple> triples)
    {
        int g = graph is null ? DatasetIds.DefaultGraph : dataset.GetOrAddId(graph);
        long removed = 0, added = 0;
        if (replace)
            foreach (var quad in dataset.Match(DatasetIds.Any, DatasetIds.Any, DatasetIds.Any, g).ToList())
            {
                dataset.Delete(quad);
                removed++;
            }
        foreach (var t in triples)
        {
            var quad = new GuidelineGraph.Sparql.Evaluator.IdQuad(dataset.GetOrAddId(t.Subject), dataset.GetOrAddId(t.Predicate), dataset.GetOrAddId(t.Object), g);
            if (dataset.Contains(quad)) continue;
            dataset.Insert(quad);
            added++;
        }
        return new UpdateOutcome(removed, added, null);
    }

    /// <summary>The triples of the body, or of every part of a multipart/form-data body.</summary>
    private static async Task<(IReadOnlyList<Triple>?, Problem?)> ReadGraphAsync(HttpRequest request, string baseIri, CancellationToken ct)
    {
        var triples = new List<Triple>();
        if (RequestBody.MediaType(request) == "multipart/form-data")
        {
            var form = await request.ReadFormAsync(ct);
            foreach (var file in form.Files)
            {
                await using var part = file.OpenReadStream();
                using var buffer = new MemoryStream();
                await part.CopyToAsync(buffer, ct);
                if (Parse(buffer.ToArray(), file.ContentType, $"part {file.Name}", baseIri, triples) is { } problem) return (null, problem);
            }
            return (triples, null);
        }
        var body = await RequestBody.ReadBytesAsync(request, ct);
        return Parse(body, request.ContentType, "the body", baseIri, triples) is { } bodyProblem ? (null, bodyProblem) : (triples, null);
    }

    private static Problem? Parse(byte[] content, string? contentType, string what, string baseIri, List<Triple> into)
    {
        var format = contentType is null ? null : RdfFormats.FromMediaType(contentType);
        if (format is not { } f || f.SupportsDatasets())
            return Problem.UnsupportedMediaType(contentType, "a graph as text/turtle or application/n-triples");
        try
        {
            // Blank nodes of one upload are its own: a label is scoped to the document it appears in.
            var scope = $"p{Interlocked.Increment(ref _uploads)}_";
            using var stream = new MemoryStream(content);
            into.AddRange(RdfReader.Read(stream, new RdfReadOptions { Format = f, BaseIri = baseIri, BlankNodeScope = scope }).Select(q => q.Triple));
            return null;
        }
        catch (RdfSyntaxException e)
        {
            return Problem.Syntax(f == RdfFormat.Turtle ? "Turtle" : "N-Triples", e.Error) with { Detail = $"{what}: {e.Error.Start}: {e.Error.Message}" };
        }
    }
}
