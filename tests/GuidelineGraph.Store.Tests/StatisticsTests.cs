using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Tests;

public class StatisticsTests
{
    private static readonly Iri Knows = new("http://xmlns.com/foaf/0.1/knows"), Name = new("http://xmlns.com/foaf/0.1/name");
    private static Iri N(string s) => new("http://ex.org/" + s);

    // Default graph: a knows b, a knows c, b knows c, a name "A", b name "B", c name "A".
    // Graph g1: a knows b (again), d knows a.
    private static QuadStore Small()
    {
        var store = new QuadStore();
        store.Load(
        [
            new Quad(N("a"), Knows, N("b")), new Quad(N("a"), Knows, N("c")), new Quad(N("b"), Knows, N("c")),
            new Quad(N("a"), Name, new Literal("A")), new Quad(N("b"), Name, new Literal("B")), new Quad(N("c"), Name, new Literal("A")),
            new Quad(N("a"), Knows, N("b"), N("g1")), new Quad(N("d"), Knows, N("a"), N("g1")),
        ]);
        return store;
    }

    [Fact]
    public void Predicate_statistics_counted_by_hand()
    {
        var s = Small().Snapshot();
        s.Terms.TryGetId(Knows, out int knows);
        s.Terms.TryGetId(Name, out int name);
        // knows: 3 + 2 triples; subjects {a,b} in default + {a,d} in g1 = 4; objects {b,c} + {b,a} = 4
        Assert.Equal(new PredicateStatistics(knows, 5, 4, 4), s.GetPredicateStatistics(knows));
        // name: 3 triples, subjects {a,b,c}, objects {"A","B"}
        Assert.Equal(new PredicateStatistics(name, 3, 3, 2), s.GetPredicateStatistics(name));
        Assert.Equal(2, s.Predicates().Count());
    }

    [Fact]
    public void Graph_totals_and_cardinalities_counted_by_hand()
    {
        var store = Small();
        var s = store.Snapshot();
        s.Terms.TryGetId(N("g1"), out int g1);
        s.Terms.TryGetId(N("a"), out int a);
        s.Terms.TryGetId(Knows, out int knows);
        Assert.Equal([(TermIds.DefaultGraph, 6L), (g1, 2L)], s.Graphs());
        Assert.Equal(3, s.Cardinality(new IdPattern(a, knows, TermIds.Any, TermIds.Any)));
        Assert.Equal(1, s.Cardinality(new IdPattern(a, knows, TermIds.Any, TermIds.AnyNamed)));
        Assert.Equal(1, s.Cardinality(new IdPattern(TermIds.Any, TermIds.Any, a, TermIds.Any)));

        store.Add(new Quad(N("e"), Knows, N("a"), N("g1")));
        store.Remove(new Quad(N("a"), Knows, N("b")));
        var t = store.Snapshot();
        Assert.Equal([(TermIds.DefaultGraph, 5L), (g1, 3L)], t.Graphs());
        Assert.Equal(5, t.GetPredicateStatistics(knows).Triples);
        Assert.Equal(2, t.Cardinality(new IdPattern(TermIds.Any, knows, a, TermIds.Any)));
    }
}
