using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Io.Tests;

public sealed class RecoveryTests
{
    private static RdfDocument Recover(string text, RdfFormat format = RdfFormat.Turtle, int maxErrors = 100) =>
        RdfReader.ReadDocument(text, new RdfReadOptions { Format = format, Recover = true, MaxErrors = maxErrors, BaseIri = "http://example.org/" });

    [Fact]
    public void EveryBadStatementIsReportedAndTheRestIsRead()
    {
        var text = """
            @prefix ex: <http://example.org/> .
            ex:a ex:p ex:b .
            ex:c ex:p "unterminated .
            ex:d ex:p ex:e .
            ex:f ex:p ex:g ex:h .
            ex:i undeclared:x ex:j .
            ex:k ex:p ex:l .
            """;
        var doc = Recover(text);
        Assert.Equal(3, doc.Errors.Count);
        Assert.Equal((3, 11), (doc.Errors[0].Start.Line, doc.Errors[0].Start.Column));
        Assert.Equal((5, 16), (doc.Errors[1].Start.Line, doc.Errors[1].Start.Column));
        Assert.Equal((6, 6), (doc.Errors[2].Start.Line, doc.Errors[2].Start.Column));
        Assert.Contains("expected '.'", doc.Errors[1].Message);
        Assert.Contains("undeclared:", doc.Errors[2].Message);
        Assert.Equal(["a", "d", "k"], doc.Quads.Select(q => ((Iri)q.Subject).Value["http://example.org/".Length..]));
    }

    [Fact]
    public void AFailedStatementLeavesNoPartialQuads()
    {
        var doc = Recover("<s> <p> <o1>, <o2>, 42x . <t> <p> <o> .");
        Assert.Single(doc.Errors);
        Assert.Equal([new Iri("http://example.org/t")], doc.Quads.Select(q => q.Subject));
    }

    [Fact]
    public void QuadsAfterAnErrorInsideAGraphStayInThatGraph()
    {
        var text = """
            <g> {
              <a> <p> <b> .
              <c> <p> .
              <d> <p> <e>
            }
            <f> <p> <h> .
            """;
        var doc = Recover(text, RdfFormat.TriG);
        Assert.Single(doc.Errors);
        Assert.Equal(3, doc.Errors[0].Start.Line);
        Assert.Equal(["a", "d", "f"], doc.Quads.Select(q => ((Iri)q.Subject).Value["http://example.org/".Length..]));
        Assert.Equal(new Iri("http://example.org/g"), doc.Quads[1].Graph);
        Assert.Null(doc.Quads[2].Graph);
    }

    [Fact]
    public void NQuadsRecoversLineByLine()
    {
        var text = "<http://a> <http://b> <http://c> .\n<http://a> <http://b> .\n<http://a> <http://b> \"x\" <http://g> .\nbad\n<http://a> <http://b> _:c .\n";
        var doc = Recover(text, RdfFormat.NQuads);
        Assert.Equal([2, 4], doc.Errors.Select(e => e.Start.Line));
        Assert.Equal(3, doc.Quads.Count);
        Assert.Equal(new Iri("http://g"), doc.Quads[1].Graph);
    }

    [Fact]
    public void MaxErrorsStopsTheRead()
    {
        var text = string.Concat(Enumerable.Repeat("<s> <p> . ", 50));
        Assert.Equal(5, Recover(text, maxErrors: 5).Errors.Count);
    }

    [Fact]
    public void WithoutRecoverTheFirstErrorEndsTheDocument()
    {
        var doc = RdfReader.ReadDocument("<http://s> <http://p> <http://o> . <http://s> . <http://s> <http://p> <http://o2> .",
            new RdfReadOptions { Format = RdfFormat.Turtle });
        Assert.Single(doc.Errors);
        Assert.Single(doc.Quads);
    }

    [Fact]
    public void StrictStreamingYieldsQuadsBeforeThrowingThePositionedError()
    {
        var text = "<http://s> <http://p> <http://o> .\n<http://s> <http://p> <http://o2> .\n<http://s> <http://p> ] .\n";
        var seen = new List<Quad>();
        var e = Assert.Throws<RdfSyntaxException>(() =>
        {
            foreach (var q in RdfReader.Read(new StringReader(text), new RdfReadOptions { Format = RdfFormat.Turtle })) seen.Add(q);
        });
        Assert.Equal(2, seen.Count);
        Assert.Equal(new TextPosition(3, 23, 93), e.Error.Start);
        Assert.StartsWith("expected an object", e.Error.Message);
    }

    [Fact]
    public void DirectivesAreReportedInTheDocument()
    {
        var doc = Recover("@prefix a: <http://a/> .\nPREFIX a: <http://b/>\n@base <http://base/dir/> .\n<x> a:y <z> .");
        Assert.Empty(doc.Errors);
        Assert.Equal("http://b/", doc.Prefixes["a"]);
        Assert.Equal("http://base/dir/", doc.BaseIri);
        Assert.Equal(new Quad(new Iri("http://base/dir/x"), new Iri("http://b/y"), new Iri("http://base/dir/z")), doc.Quads[0]);
    }

    [Fact]
    public void RelativeIriWithoutBaseIsAnError()
    {
        var doc = RdfReader.ReadDocument("<x> <http://p> <http://o> .", new RdfReadOptions { Format = RdfFormat.Turtle, Recover = true });
        Assert.Single(doc.Errors);
        Assert.Contains("no base IRI", doc.Errors[0].Message);
    }
}
