using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results.Tests;

/// <summary>The expected results of the W3C evaluation tests: every file must read and round-trip.</summary>
public class ConformanceFileTests
{
    public static TheoryData<string> Files() => new(ConformanceFiles.All());

    private static QueryResults ReadFile(string relative)
    {
        var path = ConformanceFiles.PathOf(relative);
        var format = QueryResultsFormats.FromExtension(path)!.Value;
        using var stream = File.OpenRead(path);
        var parse = QueryResultsReader.Read(stream, format);
        Assert.True(parse.Success, $"{relative}:{parse.Error}");
        return parse.Results!;
    }

    [Fact]
    public void AllResultFilesAreFound()
    {
        var files = ConformanceFiles.All().ToList();
        // Counted with: find tests/conformance/w3c/sparql -name '*.srx' (440), .srj (6), .csv (3), .tsv (3).
        Assert.Equal(440, files.Count(f => f.EndsWith(".srx")));
        Assert.Equal(6, files.Count(f => f.EndsWith(".srj")));
        Assert.Equal(3, files.Count(f => f.EndsWith(".csv")));
        Assert.Equal(3, files.Count(f => f.EndsWith(".tsv")));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReadsAndRoundTrips(string relative)
    {
        var results = ReadFile(relative);
        var own = QueryResultsFormats.FromExtension(relative)!.Value;
        QueryResultsFormat[] targets = own == QueryResultsFormat.Csv
            ? [QueryResultsFormat.Csv]
            : [QueryResultsFormat.Json, QueryResultsFormat.Xml, QueryResultsFormat.Tsv];
        foreach (var format in targets)
        {
            var text = QueryResultsWriter.WriteToString(results, format);
            var back = QueryResultsReader.Read(text, format);
            Assert.True(back.Success, $"{format}: {back.Error}\n{text}");
            var cmp = ResultComparer.Compare(results, back.Results!, new ResultComparerOptions { Ordered = true });
            Assert.True(cmp.Equal, $"{format}: {cmp.Difference}\n{text}");
        }
    }

    [Fact]
    public void JsonResultHasTypedLiteralsAndBlankNode()
    {
        var r = ReadFile("sparql11/json-res/jsonres01.srj");
        Assert.Equal(["s", "p", "o"], r.Variables);
        Assert.Equal(6, r.Rows.Count);
        Assert.Equal(new Literal("foo"), r.Get(1, "o"));
        Assert.Equal(new Literal("4", Vocab.Xsd.Integer), r.Get(3, "o"));
        Assert.Equal(new Literal("5", Vocab.Xsd.Decimal), r.Get(4, "o"));
        Assert.Equal(new BlankNode("b0"), r.Get(5, "o"));
        Assert.Equal(new Iri("http://example.org/p2"), r.Get(2, "p"));
    }

    [Fact]
    public void JsonUnboundIsNull()
    {
        var r = ReadFile("sparql11/json-res/jsonres02.srj");
        Assert.Equal(new Literal("foo"), r.Get(0, "o2"));
        Assert.Null(r.Get(1, "o2"));
        Assert.Null(r.Get(1, "p2"));
    }

    [Theory]
    [InlineData("sparql11/json-res/jsonres03.srj", true)]
    [InlineData("sparql11/json-res/jsonres04.srj", false)]
    public void JsonBoolean(string file, bool expected) => Assert.Equal(expected, ReadFile(file).BooleanValue);

    [Fact]
    public void TsvTermSyntax()
    {
        var r = ReadFile("sparql11/csv-tsv-res/csvtsv03.tsv");
        Assert.Equal(7, r.Rows.Count);
        Assert.Equal(new Literal("1"), r.Get(0, "o"));
        Assert.Equal(new Literal("2.2", Vocab.Xsd.Decimal), r.Get(1, "o"));
        Assert.Equal(new Literal("-3", Vocab.Xsd.NegativeInteger), r.Get(2, "o"));
        Assert.Equal(new Literal("4,4"), r.Get(3, "o"));
        Assert.Equal(new Literal("5,5", new Iri("http://example.org/myCustomDatatype")), r.Get(4, "o"));
        Assert.Equal(new Literal("1.0e6", Vocab.Xsd.Double), r.Get(5, "o"));
        Assert.Equal(new Iri("http://example.org/s7"), r.Get(6, "s"));
    }

    [Fact]
    public void CsvIsLossy()
    {
        var r = ReadFile("sparql11/csv-tsv-res/csvtsv03.csv");
        Assert.Equal(new Iri("http://example.org/s1"), r.Get(0, "s"));
        Assert.Equal(new Literal("-3"), r.Get(2, "o"));
        Assert.Equal(new Literal("4,4"), r.Get(3, "o"));
        Assert.Equal(new Literal("1.0E6"), r.Get(5, "o"));
        var blanks = ReadFile("sparql11/csv-tsv-res/csvtsv02.csv");
        Assert.Equal(new BlankNode("a"), blanks.Get(5, "o"));
        Assert.Null(blanks.Get(5, "o2"));
    }

    [Fact]
    public void CsvExpectationMatchesTsvPassedThroughCsv()
    {
        // How the conformance runner compares against .csv: push the typed results through CSV first.
        var typed = ReadFile("sparql11/csv-tsv-res/csvtsv01.tsv");
        var lossy = QueryResultsReader.Read(QueryResultsWriter.WriteToString(typed, QueryResultsFormat.Csv), QueryResultsFormat.Csv).Results!;
        var cmp = ResultComparer.Compare(ReadFile("sparql11/csv-tsv-res/csvtsv01.csv"), lossy);
        Assert.True(cmp.Equal, cmp.Difference);
    }

    [Fact]
    public void XmlLanguageTagsAndNonAscii()
    {
        var r = ReadFile("sparql11/functions/concat02.srx");
        Assert.Equal(["str"], r.Variables);
        Assert.Equal(new Literal("françaisfrançais", "fr"), r.Rows[5][0]);
        Assert.Equal(new Literal("日本語日本語", "ja"), r.Rows[6][0]);
        Assert.Equal(new Literal("abcabc"), r.Rows[0][0]);
    }

    [Fact]
    public void XmlBooleanWithLinkAndSchemaAttributes()
    {
        Assert.True(ReadFile("sparql11/entailment/sparqldl-05.srx").BooleanValue);
        Assert.False(ReadFile("sparql11/entailment/sparqldl-06.srx").BooleanValue);
    }

    [Fact]
    public void TsvAndJsonExpectationsAgree()
    {
        var cmp = ResultComparer.Compare(ReadFile("sparql11/json-res/jsonres01.srj"), ReadFile("sparql11/csv-tsv-res/csvtsv01.tsv"));
        // jsonres01 has 5 (decimal) where csvtsv01 has 5.5, and p2 for s3 where the TSV has p3.
        Assert.False(cmp.Equal);
        Assert.Contains("5.5", cmp.Difference);
    }
}
