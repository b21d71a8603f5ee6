using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results.Tests;

public class WriterTests
{
    private static readonly QueryResults Sample = QueryResults.FromSolutions(["x", "y"],
    [
        [new Iri("http://ex/a"), new Literal("say \"hi\", then\nleave\t!", "en")],
        [new BlankNode("b1"), null],
        [new Literal("42", Vocab.Xsd.Integer), new Literal("", Vocab.Xsd.String)],
        [new Literal("x", new Iri("http://ex/dt")), new Literal("1.5e0", Vocab.Xsd.Double)],
    ]);

    [Fact]
    public void Csv()
    {
        var text = QueryResultsWriter.WriteToString(Sample, QueryResultsFormat.Csv);
        Assert.Equal(
            "x,y\r\n" +
            "http://ex/a,\"say \"\"hi\"\", then\nleave\t!\"\r\n" +
            "_:b1,\r\n" +
            "42,\"\"\r\n" +
            "x,1.5e0\r\n", text);
    }

    [Fact]
    public void Tsv()
    {
        var text = QueryResultsWriter.WriteToString(Sample, QueryResultsFormat.Tsv);
        Assert.Equal(
            "?x\t?y\n" +
            "<http://ex/a>\t\"say \\\"hi\\\", then\\nleave\\t!\"@en\n" +
            "_:b1\t\n" +
            "42\t\"\"\n" +
            "\"x\"^^<http://ex/dt>\t1.5e0\n", text);
    }

    [Fact]
    public void Json()
    {
        var text = QueryResultsWriter.WriteToString(QueryResults.FromSolutions(["x", "y"],
            [[new Literal("é\"", "fr"), new Literal("7", Vocab.Xsd.Integer)], [new BlankNode("z"), null]]), QueryResultsFormat.Json);
        Assert.Equal(
            "{\"head\":{\"vars\":[\"x\",\"y\"]},\"results\":{\"bindings\":[" +
            "{\"x\":{\"type\":\"literal\",\"value\":\"é\\\"\",\"xml:lang\":\"fr\"},\"y\":{\"type\":\"literal\",\"value\":\"7\",\"datatype\":\"http://www.w3.org/2001/XMLSchema#integer\"}}," +
            "{\"x\":{\"type\":\"bnode\",\"value\":\"z\"}}]}}", text);
    }

    [Fact]
    public void JsonBoolean() =>
        Assert.Equal("{\"head\":{},\"boolean\":true}", QueryResultsWriter.WriteToString(QueryResults.FromBoolean(true), QueryResultsFormat.Json));

    [Fact]
    public void Xml()
    {
        var text = QueryResultsWriter.WriteToString(QueryResults.FromSolutions(["x"],
            [[new Literal("a<b&c", "en")], [new Literal("1", Vocab.Xsd.Integer)], [new Iri("http://ex/?a&b")], [null]]), QueryResultsFormat.Xml);
        Assert.Contains("<variable name=\"x\" />", text);
        Assert.Contains("<literal xml:lang=\"en\">a&lt;b&amp;c</literal>", text);
        Assert.Contains("<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">1</literal>", text);
        Assert.Contains("<uri>http://ex/?a&amp;b</uri>", text);
        Assert.Contains("<result />", text);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
    }

    [Theory]
    [InlineData(QueryResultsFormat.Json)]
    [InlineData(QueryResultsFormat.Xml)]
    [InlineData(QueryResultsFormat.Csv)]
    [InlineData(QueryResultsFormat.Tsv)]
    public void BooleansRoundTrip(QueryResultsFormat format)
    {
        foreach (var b in new[] { true, false })
        {
            var back = QueryResultsReader.Read(QueryResultsWriter.WriteToString(QueryResults.FromBoolean(b), format), format);
            Assert.Equal(b, back.Results!.BooleanValue);
        }
    }

    [Theory]
    [InlineData(QueryResultsFormat.Json)]
    [InlineData(QueryResultsFormat.Xml)]
    [InlineData(QueryResultsFormat.Tsv)]
    public void LosslessFormatsRoundTripExactly(QueryResultsFormat format)
    {
        // U+0007 has no XML 1.0 representation at all, so only JSON and TSV carry it.
        var control = format == QueryResultsFormat.Xml ? "" : "\u0007";
        var rows = Sample.Rows.Append([new Literal("\U0001F600 \u00A0\t\r\n\r" + control, "zh-hant"), new Iri("http://ex/é")]).ToList();
        var results = QueryResults.FromSolutions(Sample.Variables, rows);
        var back = QueryResultsReader.Read(QueryResultsWriter.WriteToString(results, format), format);
        Assert.True(back.Success, back.Error?.ToString());
        for (int i = 0; i < rows.Count; i++) Assert.Equal(rows[i], back.Results!.Rows[i]);
    }

    [Fact]
    public void WritingOutOfOrderIsABug()
    {
        using var w = QueryResultsWriter.Create(new MemoryStream(), QueryResultsFormat.Json);
        Assert.Throws<InvalidOperationException>(() => w.WriteSolution([]));
        w.WriteHead(["a"]);
        Assert.Throws<ArgumentException>(() => w.WriteSolution([null, null]));
    }

    [Theory]
    [InlineData("results.srj", QueryResultsFormat.Json)]
    [InlineData("r.SRX", QueryResultsFormat.Xml)]
    [InlineData("tsv", QueryResultsFormat.Tsv)]
    [InlineData(".csv", QueryResultsFormat.Csv)]
    public void FormatFromExtension(string name, QueryResultsFormat expected) => Assert.Equal(expected, QueryResultsFormats.FromExtension(name));

    [Fact]
    public void FormatFromMediaType()
    {
        Assert.Equal(QueryResultsFormat.Json, QueryResultsFormats.FromMediaType("application/sparql-results+json; charset=utf-8"));
        Assert.Equal(QueryResultsFormat.Tsv, QueryResultsFormats.FromMediaType("text/tab-separated-values"));
        Assert.Null(QueryResultsFormats.FromMediaType("text/turtle"));
        Assert.Equal("application/sparql-results+xml", QueryResultsFormat.Xml.MediaType());
    }
}
