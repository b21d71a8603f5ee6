using GuidelineGraph.Endpoint.Http;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Store;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>
/// The SPARQL 1.1 Service Description (sd: vocabulary) of this server: its endpoint, languages, result formats,
/// and the default dataset with triple counts per graph (void:triples).
/// </summary>
internal static class ServiceDescription
{
    private const string Sd = "http://www.w3.org/ns/sparql-service-description#";
    private const string Void = "http://rdfs.org/ns/void#";
    private static readonly Iri Type = Vocab.Rdf.Type;

    public static readonly IReadOnlyDictionary<string, string> Prefixes = new Dictionary<string, string>
    {
        ["sd"] = Sd, ["void"] = Void, ["formats"] = "http://www.w3.org/ns/formats/", ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    public static IEnumerable<Quad> Describe(EndpointState state, HttpRequest request)
    {
        var root = EndpointUrls.Root(request);
        var service = new Iri(root + EndpointUrls.Sparql.TrimStart('/'));
        static Iri S(string local) => new(Sd + local);
        yield return new Quad(service, Type, S("Service"));
        yield return new Quad(service, S("endpoint"), service);
        yield return new Quad(service, S("supportedLanguage"), S("SPARQL11Query"));
        if (!state.Writes.ReadOnly) yield return new Quad(service, S("supportedLanguage"), S("SPARQL11Update"));
        foreach (var f in Enum.GetValues<QueryResultsFormat>()) yield return new Quad(service, S("resultFormat"), new Iri(f.Iri()));
        foreach (var f in new[] { "Turtle", "N-Triples", "N-Quads", "TriG" })
            yield return new Quad(service, S("resultFormat"), new Iri("http://www.w3.org/ns/formats/" + f));

        var dataset = new BlankNode("dataset");
        yield return new Quad(service, S("defaultDataset"), dataset);
        yield return new Quad(dataset, Type, S("Dataset"));
        var graphs = state.Store.Store.Snapshot().Graphs();
        var terms = state.Store.Store.Terms;
        var defaultGraph = new BlankNode("default");
        yield return new Quad(dataset, S("defaultGraph"), defaultGraph);
        yield return new Quad(defaultGraph, Type, S("Graph"));
        yield return new Quad(defaultGraph, new Iri(Void + "triples"), Count(graphs.Where(g => g.Graph == TermIds.DefaultGraph).Sum(g => g.Quads)));
        int n = 0;
        foreach (var (graph, quads) in graphs.Where(g => g.Graph != TermIds.DefaultGraph))
        {
            var named = new BlankNode($"named{++n}");
            var description = new BlankNode($"graph{n}");
            yield return new Quad(dataset, S("namedGraph"), named);
            yield return new Quad(named, Type, S("NamedGraph"));
            yield return new Quad(named, S("name"), terms.GetTerm(graph));
            yield return new Quad(named, S("graph"), description);
            yield return new Quad(description, Type, S("Graph"));
            yield return new Quad(description, new Iri(Void + "triples"), Count(quads));
        }
    }

    private static Literal Count(long n) => new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer);
}
