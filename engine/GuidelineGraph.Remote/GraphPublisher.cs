using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Remote;

/// <summary>How a graph reached the store.</summary>
public enum GraphTransfer { GraphStore, Update }

public sealed record PublishedGraph(Iri Graph, int Triples, GraphTransfer Via, int Requests);

/// <summary>
/// Replaces named graphs of a remote store, so that publishing twice leaves the same store: a Graph Store
/// PUT when the store has that service, else <c>DROP SILENT GRAPH</c> then <c>INSERT DATA</c> in chunks
/// (<c>INSERT … WHERE { }</c> for chunks with blank nodes).
/// </summary>
public sealed class GraphPublisher(SparqlProtocolClient client, int chunkTriples = 2000)
{
    private bool _graphStoreMissing = client.Endpoint.GraphStore is null;

    /// <param name="progress">Triples sent so far for this graph.</param>
    public async Task<PublishedGraph> ReplaceAsync(Iri graph, IReadOnlyList<Quad> triples, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!_graphStoreMissing)
        {
            if (await client.TryPutGraphAsync(graph, triples, ct).ConfigureAwait(false))
            {
                progress?.Report(triples.Count);
                return new PublishedGraph(graph, triples.Count, GraphTransfer.GraphStore, 1);
            }
            _graphStoreMissing = true;
        }
        int sent = 0, requests = 0;
        var chunks = Chunk(triples, chunkTriples);
        if (chunks.Count == 0) chunks.Add([]);
        foreach (var chunk in chunks)
        {
            var update = new StringBuilder();
            if (requests == 0) update.Append("DROP SILENT GRAPH ").Append(graph).Append(" ;\n");
            if (chunk.Count > 0)
            {
                // Virtuoso refuses blank nodes in INSERT DATA (SP031); a template with an empty WHERE inserts the
                // same triples, blank nodes fresh once per request, exactly as INSERT DATA would.
                bool blank = chunk.Any(q => q.Subject is BlankNode || q.Object is BlankNode);
                update.Append(blank ? "INSERT { GRAPH " : "INSERT DATA { GRAPH ").Append(graph).Append(" {\n");
                foreach (var q in chunk) update.Append(q.Triple.ToString()).Append('\n');
                update.Append(blank ? "} } WHERE { }" : "} }");
            }
            await client.UpdateAsync(update.ToString(), ct).ConfigureAwait(false);
            requests++;
            sent += chunk.Count;
            progress?.Report(sent);
        }
        return new PublishedGraph(graph, triples.Count, GraphTransfer.Update, requests);
    }

    /// <summary>
    /// Splits triples into chunks of about <paramref name="size"/>, never separating two triples that share a
    /// blank node: each INSERT DATA request makes fresh nodes of its labels, so a split would tear a node in two.
    /// </summary>
    internal static List<List<Quad>> Chunk(IReadOnlyList<Quad> triples, int size)
    {
        var parent = new Dictionary<string, string>();
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x) x = parent[x] = parent.GetValueOrDefault(p, p);
            return x;
        }
        foreach (var q in triples)
        {
            if (q.Subject is BlankNode s) parent.TryAdd(s.Id, s.Id);
            if (q.Object is BlankNode o) parent.TryAdd(o.Id, o.Id);
            if (q.Subject is BlankNode a && q.Object is BlankNode b)
            {
                string ra = Find(a.Id), rb = Find(b.Id);
                if (ra != rb) parent[ra] = rb;
            }
        }
        var groups = new List<List<Quad>>();
        var byRoot = new Dictionary<string, List<Quad>>();
        foreach (var q in triples)
        {
            string? node = (q.Subject as BlankNode)?.Id ?? (q.Object as BlankNode)?.Id;
            if (node is null)
            {
                groups.Add([q]);
                continue;
            }
            string root = Find(node);
            if (!byRoot.TryGetValue(root, out var group)) groups.Add(byRoot[root] = group = []);
            group.Add(q);
        }
        var chunks = new List<List<Quad>>();
        List<Quad>? current = null;
        foreach (var group in groups)
        {
            if (current is null || (current.Count > 0 && current.Count + group.Count > size)) chunks.Add(current = []);
            current.AddRange(group);
        }
        return chunks;
    }
}
