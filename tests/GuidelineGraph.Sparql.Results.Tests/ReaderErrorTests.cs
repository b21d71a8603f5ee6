using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results.Tests;

public class ReaderErrorTests
{
    private static SyntaxError ErrorOf(string text, QueryResultsFormat format)
    {
        var parse = QueryResultsReader.Read(text, format);
        Assert.False(parse.Success);
        return parse.Error!;
    }

    [Fact]
    public void JsonSyntaxErrorHasLineAndColumn()
    {
        var e = ErrorOf("{\"head\": {\"vars\": [\"x\"]},\n  \"results\": {\"bindings\": [ } }", QueryResultsFormat.Json);
        Assert.Equal(2, e.Start.Line);
        Assert.Equal(29, e.Start.Column);
        Assert.StartsWith("invalid JSON", e.Message);
    }

    [Fact]
    public void JsonUnknownTermType()
    {
        var e = ErrorOf("{\"head\":{\"vars\":[\"x\"]},\n\"results\":{\"bindings\":[{\"x\":{\"type\":\"iri\",\"value\":\"a\"}}]}}", QueryResultsFormat.Json);
        Assert.Equal(new TextPosition(2, 29, 52), e.Start);
        Assert.Contains("\"iri\"", e.Message);
    }

    [Fact]
    public void JsonUndeclaredVariable()
    {
        var e = ErrorOf("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"y\":{\"type\":\"uri\",\"value\":\"a\"}}]}}", QueryResultsFormat.Json);
        Assert.Contains("\"y\" is not in \"head\"", e.Message);
    }

    [Fact]
    public void JsonHeadAfterResults()
    {
        var r = QueryResultsReader.Read("{\"results\":{\"bindings\":[{\"x\":{\"type\":\"uri\",\"value\":\"http://a\"}}]},\"head\":{\"vars\":[\"x\"]}}", QueryResultsFormat.Json);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(new Iri("http://a"), r.Results!.Rows[0][0]);
    }

    [Fact]
    public void JsonLanguageAndDatatypeConflict()
    {
        var e = ErrorOf("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"a\",\"xml:lang\":\"en\",\"datatype\":\"http://ex/d\"}}]}}", QueryResultsFormat.Json);
        Assert.Contains("either", e.Message);
    }

    [Fact]
    public void JsonLoneSurrogateEscape()
    {
        var e = ErrorOf("{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[{\"x\":{\"type\":\"literal\",\"value\":\"\\uD800\"}}]}}", QueryResultsFormat.Json);
        Assert.Contains("valid Unicode", e.Message);
        Assert.Equal(78, e.Start.Column);
    }

    [Fact]
    public void JsonInvalidUtf8IsPositioned()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\"head\":{\"vars\":[\"x\"]},\n\"boolean\":\"é\"}");
        bytes[^3] = 0xFF;
        var parse = QueryResultsReader.Read(new MemoryStream(bytes), QueryResultsFormat.Json);
        Assert.Equal(new TextPosition(2, 12, 35), parse.Error!.Start);
        Assert.Equal("invalid UTF-8", parse.Error.Message);
    }

    [Fact]
    public void XmlWrongNamespace()
    {
        var e = ErrorOf("<sparql xmlns='http://example.org/'><head/><boolean>true</boolean></sparql>", QueryResultsFormat.Xml);
        Assert.Contains("<sparql>", e.Message);
        Assert.Equal(1, e.Start.Line);
    }

    [Fact]
    public void XmlMalformed()
    {
        var e = ErrorOf("<sparql xmlns='http://www.w3.org/2005/sparql-results#'>\n<head>\n<variable name='x'/>\n</hed>", QueryResultsFormat.Xml);
        Assert.Equal(4, e.Start.Line);
        Assert.StartsWith("invalid XML", e.Message);
    }

    [Fact]
    public void XmlDtdRefused()
    {
        var e = ErrorOf("<!DOCTYPE sparql [<!ENTITY a 'aaaa'>]><sparql xmlns='http://www.w3.org/2005/sparql-results#'/>", QueryResultsFormat.Xml);
        Assert.StartsWith("invalid XML", e.Message);
    }

    [Fact]
    public void XmlTwoTermsInABinding()
    {
        var e = ErrorOf("<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head><variable name='x'/></head><results>\n<result><binding name='x'><uri>a</uri><uri>b</uri></binding></result></results></sparql>", QueryResultsFormat.Xml);
        Assert.Equal(2, e.Start.Line);
        Assert.Contains("exactly one", e.Message);
    }

    [Fact]
    public void TsvBadTermHasColumn()
    {
        var e = ErrorOf("?x\t?y\n<http://a>\t\"abc\"@\n", QueryResultsFormat.Tsv);
        Assert.Equal(2, e.Start.Line);
        Assert.Equal(17, e.Start.Column);
        Assert.Contains("language tag", e.Message);
    }

    [Fact]
    public void TsvWrongFieldCount()
    {
        var e = ErrorOf("?x\t?y\n<http://a>\n", QueryResultsFormat.Tsv);
        Assert.Equal(2, e.Start.Line);
        Assert.Contains("1 values for 2 variables", e.Message);
    }

    [Fact]
    public void TsvPrefixedNamesAreNotTerms() =>
        Assert.Contains("not an RDF term", ErrorOf("?x\nex:a\n", QueryResultsFormat.Tsv).Message);

    [Fact]
    public void TsvUnicodeEscapes()
    {
        var r = QueryResultsReader.Read("?x\t?y\n\"a\\u00E9\\U0001F600\"\t<http://ex/\\u00E9>\n", QueryResultsFormat.Tsv).Results!;
        Assert.Equal(new Literal("aé\U0001F600"), r.Rows[0][0]);
        Assert.Equal(new Iri("http://ex/é"), r.Rows[0][1]);
    }

    [Fact]
    public void CsvUnterminatedQuote()
    {
        var e = ErrorOf("x,y\r\na,\"bc\r\n", QueryResultsFormat.Csv);
        Assert.Equal(new TextPosition(2, 3, 7), e.Start);
        Assert.Contains("unterminated", e.Message);
    }

    [Fact]
    public void CsvQuotedNewlineAndEmptyString()
    {
        var r = QueryResultsReader.Read("x,y\r\n\"a\r\nb\",\"\"\r\n,c\r\n", QueryResultsFormat.Csv).Results!;
        Assert.Equal(new Literal("a\r\nb"), r.Rows[0][0]);
        Assert.Equal(new Literal(""), r.Rows[0][1]);
        Assert.Null(r.Rows[1][0]);
    }

    [Fact]
    public void CsvVariableNamedTrue()
    {
        var r = QueryResultsReader.Read("true\r\nyes\r\n", QueryResultsFormat.Csv).Results!;
        Assert.Null(r.BooleanValue);
        Assert.Equal(["true"], r.Variables);
        Assert.Equal(new Literal("yes"), r.Rows[0][0]);
    }

    [Fact]
    public void StreamingReaderStopsAtError()
    {
        var text = "?x\n<http://a>\n<http://b\n<http://c>\n";
        using var reader = QueryResultsReader.Open(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), QueryResultsFormat.Tsv);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(new Iri("http://a"), first[0]);
        Assert.False(reader.TryRead(out _));
        Assert.Equal(3, reader.Error!.Start.Line);
        Assert.False(reader.TryRead(out _));
    }
}
