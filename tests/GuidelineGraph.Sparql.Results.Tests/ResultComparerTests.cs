using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results.Tests;

public class ResultComparerTests
{
    private static readonly Iri A = new("http://ex/a"), B = new("http://ex/b");

    private static QueryResults Rows(params Term?[][] rows) => QueryResults.FromSolutions(["x", "y"], rows);

    [Fact]
    public void BlankNodesMayBeRenamedConsistently()
    {
        var expected = Rows([new BlankNode("e1"), A], [new BlankNode("e1"), B], [new BlankNode("e2"), A]);
        var actual = Rows([new BlankNode("z"), A], [new BlankNode("q"), B], [new BlankNode("q"), A]);
        Assert.True(ResultComparer.Compare(expected, actual).Equal);
    }

    [Fact]
    public void RenamingMustBeOneToOne()
    {
        var expected = Rows([new BlankNode("e1"), A], [new BlankNode("e2"), B]);
        var actual = Rows([new BlankNode("z"), A], [new BlankNode("z"), B]);
        var cmp = ResultComparer.Compare(expected, actual);
        Assert.False(cmp.Equal);
        Assert.Contains("renaming", cmp.Difference);
    }

    [Fact]
    public void MultisetCountsDuplicates()
    {
        Assert.False(ResultComparer.Compare(Rows([A, null], [A, null], [B, null]), Rows([A, null], [B, null], [B, null])).Equal);
        Assert.True(ResultComparer.Compare(Rows([A, null], [B, null], [A, null]), Rows([A, null], [A, null], [B, null])).Equal);
    }

    [Fact]
    public void OrderedComparisonSeesOrder()
    {
        var ordered = new ResultComparerOptions { Ordered = true };
        var cmp = ResultComparer.Compare(Rows([A, null], [B, null]), Rows([B, null], [A, null]), ordered);
        Assert.False(cmp.Equal);
        Assert.StartsWith("row 1", cmp.Difference);
        Assert.True(ResultComparer.Compare(Rows([A, null], [B, null]), Rows([B, null], [A, null])).Equal);
    }

    [Fact]
    public void VariableOrderDoesNotMatter()
    {
        var yx = QueryResults.FromSolutions(["y", "x"], [[B, A]]);
        Assert.True(ResultComparer.Compare(Rows([A, B]), yx).Equal);
        var z = QueryResults.FromSolutions(["x", "z"], [[A, B]]);
        Assert.Contains("variables differ", ResultComparer.Compare(Rows([A, B]), z).Difference);
    }

    [Fact]
    public void LiteralEqualityIsPluggable()
    {
        var one = Rows([new Literal("1.0", Vocab.Xsd.Decimal), null]);
        var oneAgain = Rows([new Literal("1", Vocab.Xsd.Decimal), null]);
        Assert.False(ResultComparer.Compare(one, oneAgain).Equal);
        var byValue = new ResultComparerOptions { LiteralEquality = (a, b) => a.Datatype == b.Datatype && decimal.Parse(a.Lexical) == decimal.Parse(b.Lexical) };
        Assert.True(ResultComparer.Compare(one, oneAgain, byValue).Equal);
    }

    [Fact]
    public void BooleansCompareByValue()
    {
        Assert.True(ResultComparer.Compare(QueryResults.FromBoolean(true), QueryResults.FromBoolean(true)).Equal);
        Assert.False(ResultComparer.Compare(QueryResults.FromBoolean(true), Rows()).Equal);
    }
}
