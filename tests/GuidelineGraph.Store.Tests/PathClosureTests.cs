using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Store.Tests;

/// <summary>
/// p+ and p* over a chain long enough that the walk switches from index lookups to reading the predicate's edges
/// once (after edges/16 lookups), with answers worked out from the chain's shape.
/// </summary>
public class PathClosureTests
{
    private const int Length = 1000;

    private static QuadStore Chain(bool cycle)
    {
        var knows = new Iri("http://ex.org/knows");
        var quads = new List<Quad>();
        for (int i = 0; i + 1 < Length; i++) quads.Add(new Quad(Node(i), knows, Node(i + 1), null));
        if (cycle) quads.Add(new Quad(Node(Length - 1), knows, Node(0), null));
        // Another predicate, so that the walk reads knows edges only.
        for (int i = 0; i < Length; i++) quads.Add(new Quad(Node(i), new Iri("http://ex.org/other"), Node((i + 500) % Length), null));
        var store = new QuadStore();
        store.Load(quads);
        return store;
    }

    private static Iri Node(int i) => new($"http://ex.org/n{i}");

    private static long Count(QuadStore store, string where)
    {
        var query = SparqlParser.ParseQuery($"PREFIX ex: <http://ex.org/> SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {where} }}").Value!;
        var outcome = store.Query(query);
        Assert.Null(outcome.Error);
        return long.Parse(((Literal)outcome.Results!.Rows[0][0]!).Lexical);
    }

    [Theory]
    [InlineData(false, "ex:n0 ex:knows+ ?x", Length - 1)]         // n1 … n999
    [InlineData(false, "ex:n500 ex:knows+ ?x", Length - 501)]     // n501 … n999
    [InlineData(false, "ex:n500 ex:knows* ?x", Length - 500)]     // and n500 itself
    [InlineData(false, "?x ex:knows+ ex:n500", 500)]               // n0 … n499, walked backwards
    [InlineData(false, "ex:n500 ^ex:knows+ ?x", 500)]              // the same through an inverse link
    [InlineData(true, "ex:n0 ex:knows+ ?x", Length)]              // the cycle brings the walk back to n0
    [InlineData(true, "?x ex:knows+ ex:n10", Length)]
    [InlineData(false, "ex:n999 ex:knows+ ?x", 0)]                // the end of the chain knows nobody
    public void Closure_reaches_what_the_chain_allows(bool cycle, string where, long expected) =>
        Assert.Equal(expected, Count(Chain(cycle), where));

    [Fact]
    public void Closure_over_a_small_predicate_with_large_ids_matches_the_chain()
    {
        // 5000 other terms first, so the 40 chain nodes get ids far above 8 × their 39 edges: the walk then
        // groups the edges by sorting them instead of a table over every id.
        var quads = Enumerable.Range(0, 5000).Select(i => new Quad(new Iri($"http://ex.org/filler{i}"), new Iri("http://ex.org/other"), new Literal(i.ToString()), null)).ToList();
        for (int i = 0; i + 1 < 40; i++) quads.Add(new Quad(Node(i), new Iri("http://ex.org/knows"), Node(i + 1), null));
        var store = new QuadStore();
        store.Load(quads);
        Assert.Equal(39, Count(store, "ex:n0 ex:knows+ ?x"));
        Assert.Equal(20, Count(store, "?x ex:knows* ex:n19"));     // n0 … n19
    }
}
