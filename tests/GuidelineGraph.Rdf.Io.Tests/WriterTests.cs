using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Io.Tests;

public sealed class WriterTests
{
    private const string Ex = "http://example.org/";
    private static Iri I(string local) => new(Ex + local);
    private static readonly Dictionary<string, string> ExPrefix = new() { ["ex"] = Ex };

    private static string Write(RdfFormat format, IEnumerable<Quad> quads, IReadOnlyDictionary<string, string>? prefixes = null, string? baseIri = null)
    {
        var w = new StringWriter();
        RdfWriter.Write(w, quads, new RdfWriteOptions { Format = format, Prefixes = prefixes, BaseIri = baseIri });
        return w.ToString();
    }

    [Fact]
    public void NTriplesIsOneEscapedStatementPerLine()
    {
        var quads = new[]
        {
            new Quad(I("s"), I("p"), new Literal("a \"quoted\"\nline")),
            new Quad(new BlankNode("b0"), I("p"), new Literal("chat", "FR")),
            new Quad(I("s"), I("p"), new Literal("1", Vocab.Xsd.Integer)),
        };
        Assert.Equal(
            "<http://example.org/s> <http://example.org/p> \"a \\\"quoted\\\"\\nline\" .\n" +
            "_:b0 <http://example.org/p> \"chat\"@fr .\n" +
            "<http://example.org/s> <http://example.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            Write(RdfFormat.NTriples, quads));
    }

    [Fact]
    public void NQuadsWritesTheGraphName()
    {
        var q = new Quad(I("s"), I("p"), I("o"), I("g"));
        Assert.Equal("<http://example.org/s> <http://example.org/p> <http://example.org/o> <http://example.org/g> .\n", Write(RdfFormat.NQuads, [q]));
    }

    [Fact]
    public void GraphFormatsRejectNamedGraphs()
    {
        var q = new Quad(I("s"), I("p"), I("o"), I("g"));
        Assert.Throws<ArgumentException>(() => Write(RdfFormat.NTriples, [q]));
        Assert.Throws<ArgumentException>(() => Write(RdfFormat.Turtle, [q]));
    }

    [Fact]
    public void InvalidBlankNodeIdsGetValidLabels()
    {
        var text = Write(RdfFormat.NTriples, [new Quad(new BlankNode("not valid"), I("p"), I("o"))]);
        var read = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.NTriples });
        Assert.Empty(read.Errors);
        Assert.Single(read.Quads);
    }

    [Fact]
    public void TurtleGroupsSubjectsAndInlinesSingleUseBlankNodesAndLists()
    {
        var address = new BlankNode("addr");
        var l1 = new BlankNode("l1");
        var l2 = new BlankNode("l2");
        var quads = new[]
        {
            new Quad(I("s"), I("p"), new Literal("x")),
            new Quad(I("s"), Vocab.Rdf.Type, I("C")),
            new Quad(I("s"), I("p"), new Literal("y")),
            new Quad(I("s"), I("address"), address),
            new Quad(address, I("city"), new Literal("Oslo", "en")),
            new Quad(I("s"), I("list"), l1),
            new Quad(l1, Vocab.Rdf.First, new Literal("1", Vocab.Xsd.Integer)),
            new Quad(l1, Vocab.Rdf.Rest, l2),
            new Quad(l2, Vocab.Rdf.First, new Literal("2.5", Vocab.Xsd.Decimal)),
            new Quad(l2, Vocab.Rdf.Rest, Vocab.Rdf.Nil),
            new Quad(I("t"), I("flag"), new Literal("true", Vocab.Xsd.Boolean)),
            new Quad(I("t"), I("n"), new Literal("x1", Vocab.Xsd.Integer)),
        };
        Assert.Equal(
            "@prefix ex: <http://example.org/> .\n\n" +
            "ex:s a ex:C ;\n" +
            "    ex:p \"x\", \"y\" ;\n" +
            "    ex:address [ ex:city \"Oslo\"@en ] ;\n" +
            "    ex:list ( 1 2.5 ) .\n" +
            "ex:t ex:flag true ;\n" +
            "    ex:n \"x1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            Write(RdfFormat.Turtle, quads, ExPrefix));
    }

    [Fact]
    public void BlankNodesUsedTwiceOrInCyclesKeepLabels()
    {
        var a = new BlankNode("a");
        var b = new BlankNode("b");
        var shared = new BlankNode("shared");
        var quads = new[]
        {
            new Quad(a, I("p"), b),
            new Quad(b, I("p"), a),
            new Quad(I("s"), I("p"), shared),
            new Quad(I("t"), I("p"), shared),
        };
        var text = Write(RdfFormat.Turtle, quads, ExPrefix);
        Assert.Contains("_:shared", text);
        var read = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.Turtle });
        Assert.Empty(read.Errors);
        Assert.True(Isomorphism.AreIsomorphic(quads, read.Quads), text);
    }

    [Fact]
    public void TriGWritesGraphBlocksAndNeverInlinesAGraphName()
    {
        var g = new BlankNode("g");
        var quads = new[]
        {
            new Quad(I("s"), I("p"), I("o")),
            new Quad(I("s"), I("p"), I("o"), I("g1")),
            new Quad(I("s"), I("names"), g),
            new Quad(I("x"), I("y"), I("z"), g),
        };
        var text = Write(RdfFormat.TriG, quads, ExPrefix);
        Assert.Equal(
            "@prefix ex: <http://example.org/> .\n\n" +
            "ex:s ex:p ex:o ;\n" +
            "    ex:names _:g .\n" +
            "ex:g1 {\n" +
            "    ex:s ex:p ex:o .\n" +
            "}\n" +
            "_:g {\n" +
            "    ex:x ex:y ex:z .\n" +
            "}\n",
            text);
    }

    [Fact]
    public void IrisBelowTheBaseAreWrittenRelative()
    {
        var text = Write(RdfFormat.Turtle, [new Quad(new Iri("http://example.org/doc/a"), new Iri("http://example.org/doc/#p"), new Iri("http://other/x"))],
            baseIri: "http://example.org/doc/");
        Assert.Equal("@base <http://example.org/doc/> .\n\n<a> <#p> <http://other/x> .\n", text);
        var read = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.Turtle });
        Assert.Equal(new Iri("http://example.org/doc/#p"), read.Quads[0].Predicate);
    }

    [Fact]
    public void LocalNamesThatNeedEscapesAreWrittenAsFullIris()
    {
        var text = Write(RdfFormat.Turtle, [new Quad(I("a/b"), I("p"), I("ends."))], ExPrefix);
        Assert.Equal("@prefix ex: <http://example.org/> .\n\n<http://example.org/a/b> ex:p <http://example.org/ends.> .\n", text);
    }

    [Fact]
    public void DeeplyNestedBlankNodesAreWrittenWithoutDeepRecursion()
    {
        var quads = new List<Quad>();
        Term previous = I("root");
        for (int i = 0; i < 2_000; i++)
        {
            var node = new BlankNode("n" + i);
            quads.Add(new Quad(previous, I("next"), node));
            previous = node;
        }
        var text = Write(RdfFormat.Turtle, quads, ExPrefix);
        var read = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.Turtle });
        Assert.Empty(read.Errors);
        Assert.True(Isomorphism.AreIsomorphic(quads, read.Quads));
    }
}
