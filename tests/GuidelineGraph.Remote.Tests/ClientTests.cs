using System.Net;
using System.Net.Sockets;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Remote.Tests;

/// <summary>What the client does without a server: chunking, error text, unreachable stores.</summary>
public sealed class ClientTests
{
    private static Quad T(Term s, Term o) => new(s, new Iri("urn:p"), o);

    [Fact]
    public void Chunks_never_separate_triples_that_share_a_blank_node()
    {
        var b1 = new BlankNode("b1");
        var b2 = new BlankNode("b2");
        // b1 -> b2 links the first, third and fourth triples into one group of three.
        var triples = new[] { T(new Iri("urn:a"), b1), T(new Iri("urn:a"), new Iri("urn:b")), T(b1, b2), T(b2, new Literal("x")), T(new Iri("urn:c"), new Iri("urn:d")) };
        var chunks = GraphPublisher.Chunk(triples, 2);
        Assert.Equal(triples.Length, chunks.Sum(c => c.Count));
        var withBlank = Assert.Single(chunks, c => c.Any(q => q.Subject is BlankNode || q.Object is BlankNode));
        Assert.Equal(3, withBlank.Count);
        Assert.All(chunks.Where(c => c != withBlank), c => Assert.True(c.Count <= 2));
    }

    [Fact]
    public void Html_error_pages_become_their_text()
    {
        const string page = "<html><head><title>SPARQL Graph Protocol request failed</title></head><body><h1>HTTP/1.1 403 Forbidden</h1>\n<xmp>SQ110: Permission &amp; denied</xmp></body></html>";
        Assert.Equal("HTTP/1.1 403 Forbidden SQ110: Permission & denied", ServerMessage.From(page, "text/html"));
    }

    [Fact]
    public async Task An_unreachable_store_is_an_error_naming_the_url_without_a_status()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new SparqlProtocolClient(new SparqlEndpoint(new Uri($"http://127.0.0.1:{port}/sparql")));
        var e = await Assert.ThrowsAsync<SparqlProtocolException>(() => client.SelectAsync("ASK {}"));
        Assert.Null(e.Status);
        Assert.Contains($"GET http://127.0.0.1:{port}/sparql: no answer", e.Message);
    }

    [Fact]
    public void Graph_names_follow_the_file_path_below_the_ontology_directory()
    {
        Assert.Equal("https://w3id.org/guidelinegraph/graph/ontology/guidelines/cde-2024-rare-disease-gt/guideline.ttl",
            RemoteOntology.FileGraph(Path.Combine("guidelines", "cde-2024-rare-disease-gt", "guideline.ttl")).Value);
        Assert.Equal("https://w3id.org/guidelinegraph/graph/inferred/urn%3Ap%3A1", RemoteOntology.InferredGraph("urn:p:1").Value);
    }
}
