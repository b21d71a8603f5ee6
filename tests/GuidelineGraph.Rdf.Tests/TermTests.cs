using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Tests;

public class TermTests
{
    [Fact]
    public void Literals_with_same_lexical_form_but_different_datatype_differ()
    {
        Assert.NotEqual<Term>(new Literal("1", Vocab.Xsd.Integer), new Literal("1", Vocab.Xsd.Decimal));
        Assert.NotEqual<Term>(new Literal("1"), new Literal("1", Vocab.Xsd.Integer));
    }

    [Fact]
    public void Language_tags_compare_case_insensitively()
    {
        var a = new Literal("chat", "EN-gb");
        var b = new Literal("chat", "en-GB");
        Assert.Equal<Term>(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("en-gb", a.Language);
        Assert.Equal(Vocab.Rdf.LangString, a.Datatype);
    }

    [Fact]
    public void Kinds_never_compare_equal_even_with_equal_strings()
    {
        Assert.NotEqual<Term>(new Iri("x"), new BlankNode("x"));
        Assert.NotEqual<Term>(new Iri("x"), new Literal("x"));
    }

    [Fact]
    public void Printing_uses_NTriples_escapes()
    {
        Assert.Equal("\"a\\\"b\\\\c\\nd\"", new Literal("a\"b\\c\nd").ToString());
        Assert.Equal("\"\\u0001\"", new Literal("\u0001").ToString());
        Assert.Equal("\"罕见病\"@zh", new Literal("罕见病", "zh").ToString());
        Assert.Equal("\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>", new Literal("1", Vocab.Xsd.Integer).ToString());
        Assert.Equal("<http://a/b\\u0020c>", new Iri("http://a/b c").ToString());
    }

    [Fact]
    public void Order_puts_blank_nodes_before_IRIs_before_literals()
    {
        var terms = new List<Term> { new Literal("a"), new Iri("http://z"), new BlankNode("b"), new Iri("http://a") };
        terms.Sort();
        Assert.Equal(new Term[] { new BlankNode("b"), new Iri("http://a"), new Iri("http://z"), new Literal("a") }, terms);
    }

    [Fact]
    public void Quads_print_graph_only_when_named()
    {
        var s = new Iri("http://s");
        var p = new Iri("http://p");
        Assert.Equal("<http://s> <http://p> \"o\" .", new Quad(s, p, new Literal("o")).ToString());
        Assert.Equal("<http://s> <http://p> \"o\" <http://g> .", new Quad(s, p, new Literal("o"), new Iri("http://g")).ToString());
    }

    [Theory]
    [InlineData("data.ttl", RdfFormat.Turtle)]
    [InlineData("x/y.NQ", RdfFormat.NQuads)]
    [InlineData(".trig", RdfFormat.TriG)]
    [InlineData("nt", RdfFormat.NTriples)]
    public void Formats_come_from_extensions(string path, RdfFormat expected) =>
        Assert.Equal(expected, RdfFormats.FromExtension(path));

    [Fact]
    public void Unknown_extension_has_no_format() => Assert.Null(RdfFormats.FromExtension("notes.txt"));
}
