using System.Globalization;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Remote;

/// <summary>
/// Where <c>gg push</c> puts the ontology in a remote store, and how commands read it back: one named graph
/// per ontology file (<c>…/graph/ontology/core.ttl</c>), one per profile's inferred graph (<c>…/graph/inferred/ID</c>).
/// </summary>
public static class RemoteOntology
{
    public const string GraphRoot = "https://w3id.org/guidelinegraph/graph/";
    public const string OntologyGraphs = GraphRoot + "ontology/";
    public const string InferredGraphs = GraphRoot + "inferred/";

    /// <summary>The graph of an ontology file, from its path relative to the ontology directory.</summary>
    public static Iri FileGraph(string relativePath) =>
        new(OntologyGraphs + string.Join('/', relativePath.Split('/', '\\').Select(Uri.EscapeDataString)));

    public static Iri InferredGraph(string profileId) => new(InferredGraphs + Uri.EscapeDataString(profileId));

    /// <summary>The graphs under <paramref name="prefix"/> with their sizes, ordered by name.</summary>
    public static async Task<IReadOnlyList<(Iri Graph, long Triples)>> ListAsync(SparqlProtocolClient client, string prefix, CancellationToken ct = default)
    {
        var results = await client.SelectAsync(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"" + prefix + "\")) } GROUP BY ?g ORDER BY ?g", ct)
            .ConfigureAwait(false);
        int g = results.IndexOf("g"), n = results.IndexOf("n");
        return results.Rows
            .Where(r => r[g] is Iri && r[n] is Literal)
            .Select(r => ((Iri)r[g]!, long.Parse(((Literal)r[n]!).Lexical, CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// Every triple of the pushed ontology, in the default graph as the local loader has it. Blank nodes stay
    /// local to their graph. A graph that comes back smaller than the store counts it is an error: stores cap
    /// result sizes silently (Virtuoso's ResultSetMaxRows is 10,000 in its Debian configuration).
    /// </summary>
    public static async Task<IReadOnlyList<Quad>> FetchAsync(SparqlProtocolClient client, CancellationToken ct = default)
    {
        var graphs = await ListAsync(client, OntologyGraphs, ct).ConfigureAwait(false);
        if (graphs.Count == 0)
            throw new SparqlProtocolException("GET", client.Endpoint.Query, null, null, $"the store holds no ontology graph under <{OntologyGraphs}>; run gg push first");
        var quads = new List<Quad>();
        foreach (var ((graph, count), index) in graphs.Select((g, i) => (g, i)))
        {
            string scope = $"g{index}_";
            var triples = client.Endpoint.GraphStore is not null
                ? await client.GetGraphAsync(graph, scope, ct).ConfigureAwait(false)
                : await client.ConstructAsync($"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}", scope, ct).ConfigureAwait(false);
            if (triples.Count < count)
                throw new SparqlProtocolException("GET", client.Endpoint.GraphStore ?? client.Endpoint.Query, null, null,
                    $"the store returned {triples.Count} of the {count} triples of {graph}; raise its result-size limit");
            quads.AddRange(triples);
        }
        return quads;
    }
}
