using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Io.Tests;

public sealed class IsomorphismTests
{
    private static readonly Iri P = new("http://example.org/p");
    private static BlankNode B(string id) => new(id);
    private static Quad T(Term s, Term o, Term? g = null) => new(s, P, o, g);

    /// <summary>A directed cycle through the given nodes.</summary>
    private static IEnumerable<Quad> Cycle(params string[] ids) => ids.Select((id, i) => T(B(id), B(ids[(i + 1) % ids.Length])));

    [Fact]
    public void RenamedBlankNodesAreIsomorphic()
    {
        var a = new[] { T(B("x"), B("y")), T(B("y"), new Literal("v")), T(new Iri("http://s"), B("x")) };
        var b = new[] { T(B("m"), B("n")), T(B("n"), new Literal("v")), T(new Iri("http://s"), B("m")) };
        Assert.True(Isomorphism.AreIsomorphic(a, b));
    }

    [Fact]
    public void ASixCycleIsNotTwoThreeCycles()
    {
        // Every node has one edge in and one out: colour refinement alone cannot tell these apart.
        var six = Cycle("a", "b", "c", "d", "e", "f");
        var twoThrees = Cycle("a", "b", "c").Concat(Cycle("d", "e", "f"));
        Assert.False(Isomorphism.AreIsomorphic(six, twoThrees));
        Assert.False(Isomorphism.AreIsomorphic(twoThrees, six));
    }

    [Fact]
    public void RegularGraphsNeedBacktrackingToMatch()
    {
        var one = Cycle("a", "b", "c").Concat(Cycle("d", "e", "f"));
        var other = Cycle("u", "w", "v").Concat(Cycle("z", "x", "y"));
        Assert.True(Isomorphism.AreIsomorphic(one, other));
        Assert.True(Isomorphism.AreIsomorphic(Cycle("1", "2", "3", "4", "5", "6"), Cycle("f", "a", "c", "e", "b", "d")));
    }

    [Fact]
    public void AThreeCycleIsNotASelfLoopPlusATwoCycle()
    {
        Assert.False(Isomorphism.AreIsomorphic(Cycle("a", "b", "c"), Cycle("a", "b").Concat(Cycle("c"))));
    }

    [Fact]
    public void GroundQuadsMustMatchExactly()
    {
        Assert.False(Isomorphism.AreIsomorphic([T(B("a"), new Literal("1"))], [T(B("a"), new Literal("2"))]));
        Assert.False(Isomorphism.AreIsomorphic([T(new Iri("http://s"), new Literal("1"))], [T(new Iri("http://s"), new Literal("1", "en"))]));
    }

    [Fact]
    public void TwoBlankNodesAreNotOne()
    {
        var two = new[] { T(B("a"), new Iri("http://o")), T(B("b"), new Iri("http://o2")) };
        var one = new[] { T(B("a"), new Iri("http://o")), T(B("a"), new Iri("http://o2")) };
        Assert.False(Isomorphism.AreIsomorphic(two, one));
    }

    [Fact]
    public void GraphNamesCountAsPositions()
    {
        var a = new[] { T(new Iri("http://s"), B("x"), B("g")), T(new Iri("http://s"), B("y"), B("h")) };
        var sameGraph = new[] { T(new Iri("http://s"), B("x"), B("g")), T(new Iri("http://s"), B("y"), B("g")) };
        Assert.False(Isomorphism.AreIsomorphic(a, sameGraph));
        Assert.False(Isomorphism.AreIsomorphic([T(new Iri("http://s"), B("x"))], [T(new Iri("http://s"), B("x"), new Iri("http://g"))]));
    }

    [Fact]
    public void DuplicatesDoNotCount()
    {
        Assert.True(Isomorphism.AreIsomorphic([T(B("a"), B("b")), T(B("a"), B("b"))], [T(B("c"), B("d"))]));
    }
}
