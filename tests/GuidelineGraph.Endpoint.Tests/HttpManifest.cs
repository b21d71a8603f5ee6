using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>One HTTP request of a W3C protocol test (ht: vocabulary) and what its response must show.</summary>
internal sealed record HttpExchange(
    string Method, string Path, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body,
    IReadOnlyList<string> ExpectedStatus, string? LocationVariable, bool? ExpectedBoolean, string? ExpectedFormat,
    string? ExpectedContentType, string? ExpectedBody);

/// <summary>A test of the SPARQL 1.1 Protocol or Graph Store Protocol manifests: graphs to load, then requests in order.</summary>
internal sealed record HttpTestCase(string Id, string Name, string Authority, IReadOnlyList<(string Graph, string File)> GraphData,
    IReadOnlyList<HttpExchange> Requests)
{
    public override string ToString() => Id;
}

/// <summary>Reads the protocol manifests (tests/conformance/w3c/sparql/sparql11/{protocol,graph-store-protocol}) with our Turtle reader.</summary>
internal static class HttpManifest
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private const string Ht = "http://www.w3.org/2011/http#";
    private const string Hts = "http://www.w3.org/2011/http-statusCodes#";
    private const string Cnt = "http://www.w3.org/2011/content#";
    private const string Ut = "http://www.w3.org/2009/sparql/tests/test-update#";
    private const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    private const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static IReadOnlyList<HttpTestCase> Load(string manifestPath)
    {
        var path = Path.GetFullPath(manifestPath);
        var graph = new Graph(path);
        var manifest = new Iri(new Uri(path).AbsoluteUri);
        var cases = new List<HttpTestCase>();
        foreach (var included in graph.Objects(manifest, Mf + "include").SelectMany(graph.List))
            cases.AddRange(Load(new Uri(((Iri)included).Value).LocalPath));
        foreach (var test in graph.Objects(manifest, Mf + "entries").SelectMany(graph.List))
            cases.Add(Read(graph, test));
        return cases;
    }

    private static HttpTestCase Read(Graph g, Term test)
    {
        var id = ((Iri)test).Value;
        var action = g.Object(test, Mf + "action")!;
        var graphData = g.Objects(test, Ut + "graphData")
            .Select(d => (g.Text(d, Rdfs + "label")!, new Uri(((Iri)g.Object(d, Ut + "graph")!).Value).LocalPath)).ToList();
        var requests = g.Objects(action, Ht + "requests").SelectMany(g.List).Select(r => ReadRequest(g, r)).ToList();
        return new HttpTestCase(id[(id.IndexOf('#') + 1)..], g.Text(test, Mf + "name")!, g.Text(action, Ht + "connectionAuthority") ?? "www.example",
            graphData, requests);
    }

    private static HttpExchange ReadRequest(Graph g, Term request)
    {
        var headers = g.Objects(request, Ht + "headers").SelectMany(g.List)
            .Select(h => (g.Text(h, Ht + "fieldName")!, g.Text(h, Ht + "fieldValue")!)).ToList();
        byte[]? body = null;
        if (g.Object(request, Ht + "body") is { } content)
        {
            var encoding = System.Text.Encoding.GetEncoding(g.Text(content, Cnt + "characterEncoding") ?? "UTF-8");
            body = encoding.GetBytes(g.Text(content, Cnt + "chars")!);
        }
        var response = g.Object(request, Ht + "resp")!;
        var status = g.Objects(response, Mf + "expectedStatus").Select(s => ((Iri)s).Value[Hts.Length..]).ToList();
        var responseHeaders = g.Objects(response, Ht + "headers").SelectMany(g.List)
            .Select(h => (Name: g.Text(h, Ht + "fieldName")!, Value: g.Text(h, Ht + "fieldValue")!)).ToList();
        var expectedBody = g.Object(response, Ht + "body") is { } rb ? g.Text(rb, Cnt + "chars") : null;
        var boolean = g.Text(response, Mf + "expectedBoolean");
        return new HttpExchange(g.Text(request, Ht + "methodName")!, g.Text(request, Ht + "absolutePath")!, headers, body, status,
            g.Text(response, Mf + "expectedLocation"), boolean is null ? null : boolean == "true", g.Text(response, Mf + "expectedFormat"),
            responseHeaders.FirstOrDefault(h => h.Name.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value, expectedBody);
    }

    /// <summary>The manifest as subject → (predicate, object) lists.</summary>
    private sealed class Graph
    {
        private readonly Dictionary<Term, List<Quad>> _bySubject = [];

        public Graph(string path)
        {
            using var reader = new StreamReader(path);
            foreach (var q in RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri }))
            {
                if (!_bySubject.TryGetValue(q.Subject, out var list)) _bySubject[q.Subject] = list = [];
                list.Add(q);
            }
        }

        public IEnumerable<Term> Objects(Term subject, string predicate) =>
            _bySubject.TryGetValue(subject, out var list) ? list.Where(q => q.Predicate.Value == predicate).Select(q => q.Object) : [];

        public Term? Object(Term subject, string predicate) => Objects(subject, predicate).FirstOrDefault();

        public string? Text(Term subject, string predicate) => Object(subject, predicate) switch
        {
            Literal l => l.Lexical,
            Iri i => i.Value,
            _ => null,
        };

        public IEnumerable<Term> List(Term head)
        {
            while (head is not Iri { Value: RdfNs + "nil" })
            {
                yield return Object(head, RdfNs + "first")!;
                head = Object(head, RdfNs + "rest")!;
            }
        }
    }
}
