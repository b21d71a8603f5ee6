using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Io.Tests;

/// <summary>Reader behaviour the W3C suites do not pin down: term caching across directives, streams, positions.</summary>
public sealed class ReaderTests
{
    private static List<Quad> Read(string text, RdfFormat format = RdfFormat.Turtle) =>
        RdfReader.Read(new StringReader(text), new RdfReadOptions { Format = format, BaseIri = "http://example.org/" }).ToList();

    [Fact]
    public void ARedefinedPrefixChangesLaterNames()
    {
        var quads = Read("@prefix p: <http://one/> .\np:s p:p p:o .\n@prefix p: <http://two/> .\np:s p:p p:o .");
        Assert.Equal("http://one/s", ((Iri)quads[0].Subject).Value);
        Assert.Equal("http://two/s", ((Iri)quads[1].Subject).Value);
    }

    [Fact]
    public void ANewBaseChangesLaterRelativeIris()
    {
        var quads = Read("<s> <p> <o> .\n@base <http://other/dir/> .\n<s> <p> <o> .\nBASE <sub/>\n<s> <p> <o> .");
        Assert.Equal(["http://example.org/s", "http://other/dir/s", "http://other/dir/sub/s"], quads.Select(q => ((Iri)q.Subject).Value));
    }

    [Fact]
    public void LocalNamesThatEndAlikeStayDistinct()
    {
        var quads = Read("@prefix e: <http://e/> .\ne:xab e:p e:ab .\ne:ab e:p e:xab .");
        Assert.Equal(new Iri("http://e/xab"), quads[0].Subject);
        Assert.Equal(new Iri("http://e/ab"), quads[0].Object);
        Assert.Equal(new Iri("http://e/ab"), quads[1].Subject);
        Assert.Equal(new Iri("http://e/xab"), quads[1].Object);
    }

    [Fact]
    public void TheSameNameGivesTheSameIriInstance()
    {
        var quads = Read("@prefix e: <http://e/> .\ne:s e:p 1 .\ne:s e:p 2 .");
        Assert.Same(quads[0].Predicate, quads[1].Predicate);
        Assert.Same(quads[0].Subject, quads[1].Subject);
    }

    [Fact]
    public void LabelledBlankNodesAreSharedAndAnonymousOnesAreFresh()
    {
        var quads = Read("_:a <p> [] .\n_:a <p> [] .");
        Assert.Equal(quads[0].Subject, quads[1].Subject);
        Assert.NotEqual(quads[0].Object, quads[1].Object);
    }

    [Fact]
    public void LiteralFormsReadAsTheirDatatypes()
    {
        var quads = Read("<s> <p> 1, -2.50, 3e1, true, \"x\"@EN-gb, '''a\nb''', \"\"\"q\"\"\"^^<dt> .");
        var objects = quads.Select(q => (Literal)q.Object).ToArray();
        Assert.Equal(("1", Vocab.Xsd.Integer), (objects[0].Lexical, objects[0].Datatype));
        Assert.Equal(("-2.50", Vocab.Xsd.Decimal), (objects[1].Lexical, objects[1].Datatype));
        Assert.Equal(("3e1", Vocab.Xsd.Double), (objects[2].Lexical, objects[2].Datatype));
        Assert.Equal(("true", Vocab.Xsd.Boolean), (objects[3].Lexical, objects[3].Datatype));
        Assert.Equal(("x", "en-gb"), (objects[4].Lexical, objects[4].Language));
        Assert.Equal("a\nb", objects[5].Lexical);
        Assert.Equal(new Iri("http://example.org/dt"), objects[6].Datatype);
    }

    [Fact]
    public void PositionsCountLinesInsideLongStrings()
    {
        var doc = RdfReader.ReadDocument("<s> <p> \"\"\"one\ntwo\nthree\"\"\" ; ] .",
            new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = "http://example.org/" });
        Assert.Equal(new TextPosition(3, 12, 30), Assert.Single(doc.Errors).Start);
    }

    [Fact]
    public void AByteOrderMarkIsSkipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("<http://s> <http://p> <http://o> .")).ToArray();
        Assert.Single(RdfReader.Read(new MemoryStream(bytes), new RdfReadOptions { Format = RdfFormat.NTriples }));
    }

    [Fact]
    public void TriGGraphsAndDefaultGraph()
    {
        var quads = Read("<a> <b> <c> .\nGRAPH <g> { <a> <b> <c> }\n[] { <a> <b> <c> . <d> <e> <f> }\n{ <x> <y> <z> }", RdfFormat.TriG);
        Assert.Equal(5, quads.Count);
        Assert.Null(quads[0].Graph);
        Assert.Equal(new Iri("http://example.org/g"), quads[1].Graph);
        Assert.IsType<BlankNode>(quads[2].Graph);
        Assert.Equal(quads[2].Graph, quads[3].Graph);
        Assert.Null(quads[4].Graph);
    }
}
