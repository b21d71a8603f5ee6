using System.Globalization;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>Run alone: the heap bound below is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SustainedLoadCollection
{
    public const string Name = "Sustained load";
}

/// <summary>
/// Queries that mint new terms (BIND, CONCAT, IRI; a new compiled REGEX pattern every eighth, 2,673 of them against
/// the shared cache's 512) must leave nothing behind: not in the store's term dictionary, not in process-wide caches.
/// Counted, not timed.
/// </summary>
[Collection(SustainedLoadCollection.Name)]
public sealed class SustainedLoadTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // The shared REGEX cache empties when its 512th pattern comes: a new pattern every 8th query fills it every
    // 4,096 queries. The warm-up passes one emptying (earlier tests' patterns go), and the measured run is whole
    // cycles, so the cache holds as many patterns at both measurements: what remains is what queries left behind.
    private const int PatternEvery = 8;
    private const int CacheCycle = 512 * PatternEvery;
    private const int Warmup = 5_000;
    private const int Queries = Warmup + 4 * CacheCycle;

    // A leak of one minted term per query would be at least a string, a term object and a dictionary entry
    // (about 100 bytes) × 16,384 queries ≈ 1.6 MB.
    private const long HeapGrowthBound = 1_000_000;

    private static string Minting(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        SELECT ?x ?y WHERE {
          ?s ?p ?o
          BIND(CONCAT(STR(?o), "-minted-{{i}}") AS ?x)
          BIND(IRI(CONCAT("http://minted.example/{{i}}/", ENCODE_FOR_URI(STR(?s)))) AS ?y)
          FILTER(REGEX(?x, "{{(i % PatternEvery == 0 ? $"-minted-{i}$" : "-minted-")}}"))
        } LIMIT 3
        """);

    private static QuadStore Store()
    {
        var store = new QuadStore();
        store.Load(Enumerable.Range(0, 50).Select(i => new Quad(new Iri($"http://ex.org/s{i}"), new Iri("http://ex.org/p"), new Literal($"o{i}"))));
        return store;
    }

    [Fact]
    public void Twenty_thousand_minting_queries_leave_the_dictionary_and_the_heap_as_they_were()
    {
        var store = Store();
        int terms = store.Terms.Count;
        for (int i = 0; i < Warmup; i++) Run(store, i);
        long before = Heap();
        for (int i = Warmup; i < Queries; i++) Run(store, i);
        long after = Heap();
        output.WriteLine($"heap after {Warmup:N0} queries {before:N0} bytes, after {Queries:N0} {after:N0} bytes");
        Assert.Equal(terms, store.Terms.Count);
        Assert.True(after - before < HeapGrowthBound, $"the heap grew by {after - before:N0} bytes over {Queries - Warmup:N0} queries");
    }

    [Fact]
    public async Task Minting_queries_through_the_endpoint_leave_its_store_dictionary_as_it_was()
    {
        await using var server = await TestServer.StartAsync(Store().Match(null, null, null, GraphSelector.Default).ToList());
        int terms = server.Store.Terms.Count;
        for (int i = 0; i < 2_000; i++)
        {
            using var response = await server.Client.PostAsync("sparql", new FormUrlEncodedContent([new("query", Minting(i))]));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Contains($"-minted-{i}", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(terms, server.Store.Terms.Count);
    }

    private static void Run(QuadStore store, int i)
    {
        var outcome = store.Query(SparqlParser.ParseQuery(Minting(i)).Value!);
        Assert.Null(outcome.Error);
        Assert.Equal(3, outcome.Results!.Rows.Count);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
