namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>Errors are values with 1-based line:column positions and say what was expected.</summary>
public sealed class ErrorTests
{
    private static Rdf.SyntaxError QueryError(string query)
    {
        var result = SparqlParser.ParseQuery(query);
        Assert.False(result.Success, "expected a syntax error");
        return result.Error!;
    }

    [Theory]
    [InlineData("SELECT * WHERE { ?s ?p }", 1, 24, "expected a variable or an RDF term, found '}'")]
    [InlineData("SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}", 4, 15, "expected an expression, found ')'")]
    [InlineData("SELECT * { ex:a ?p ?o }", 1, 12, "undefined prefix 'ex:' (declare it with PREFIX ex: <…>)")]
    [InlineData("SELECT * {\n  ?s ?p <http://example.org/", 2, 9, "unterminated IRI: '>' is missing")]
    [InlineData("SELECT * {\n  { ?s ?p ?o }\n", 3, 1, "expected '}' to close the group opened at 1:10, found end of input")]
    [InlineData("SELECT * { ?s ?p \"abc\n\" }", 1, 18, "line break inside a short string (use \"\"\" for multi-line strings)")]
    [InlineData("SELECT * { ?s ?p 'unterminated }", 1, 18, "unterminated string")]
    [InlineData("SELECT * { ?s ?p ?o } LIMIT x", 1, 29, "expected an integer after LIMIT, found 'x'")]
    [InlineData("SELECT * { ?s ?p ?o } LIMIT foo-bar", 1, 29, "unknown word 'foo-bar' (a prefixed name needs ':')")]
    [InlineData("SELECT * { ?s ?p ?o } LIMIT ?x", 1, 29, "expected an integer after LIMIT, found '?x'")]
    [InlineData("SELECT ?x { ?s ?p ?o } GROUP BY ?s", 1, 8, "?x is projected but is neither a GROUP BY key nor an aggregate")]
    [InlineData("SELECT * { ?s ?p ?o BIND(1 AS ?o) }", 1, 31, "BIND assigns ?o, which is already in scope in this group")]
    [InlineData("SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }", 1, 28, "aggregates are allowed only in SELECT expressions, HAVING and ORDER BY, and not inside another aggregate")]
    [InlineData("SELECT (SUM(MAX(?o)) AS ?x) { ?s ?p ?o }", 1, 13, "aggregates are allowed only in SELECT expressions, HAVING and ORDER BY, and not inside another aggregate")]
    [InlineData("SELECT * { FILTER(SUBSTR(?x)) }", 1, 25, "SUBSTR takes 2 to 3 argument(s), not 1")]
    [InlineData("SELECT * { FILTER(FOO(?x)) }", 1, 19, "expected an expression, found unknown function 'FOO'")]
    [InlineData("SELECT * { ?s ?p \"\\q\" }", 1, 19, "invalid escape sequence in string")]
    [InlineData("SELECT * { ?s ?p ?o } trailing", 1, 23, "expected end of query, found 'trailing'")]
    [InlineData("SELECT * { ?s ?p ?o } ORDER BY", 1, 31, "expected '(', a function call or a built-in call, found end of input")]
    [InlineData("SELECT * { <http://a b> ?p ?o }", 1, 21, "character ' ' (space) is not allowed in an IRI")]
    [InlineData("SELECT * { ?s ?p ?o ?s ?p ?o }", 1, 21, "expected '.' before the next triple pattern, or '}', found '?s'")]
    [InlineData("SELECT * { {} SELECT * {} }", 1, 15, "a sub-select must be alone inside its own { }")]
    [InlineData("SELECT * { OPTINAL {} }", 1, 12, "expected '}' to close the group, found 'OPTINAL'")]
    [InlineData("CONSTRUCT", 1, 10, "expected '{' to open the CONSTRUCT template, or WHERE, found end of input")]
    [InlineData("", 1, 1, "expected SELECT, CONSTRUCT, ASK or DESCRIBE, found end of input")]
    public void QueryErrorsHavePositions(string query, int line, int column, string message)
    {
        var error = QueryError(query);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Start.Line, error.Start.Column));
        Assert.True(error.End.Offset >= error.Start.Offset);
    }

    [Fact]
    public void ErrorRangeCoversTheOffendingToken()
    {
        var error = QueryError("SELECT * { ?s ?p ?o } GROUP BY ?s ORDER BY foo:bar");
        Assert.Equal("undefined prefix 'foo:' (declare it with PREFIX foo: <…>)", error.Message);
        Assert.Equal(43, error.Start.Offset);
        Assert.Equal(50, error.End.Offset);
    }

    [Theory]
    // Scope errors found by the algebra builder cover the construct at fault.
    [InlineData("SELECT ?x (COUNT(*) AS ?n) { ?x ?p ?o } GROUP BY ?p", 7, 9)]
    [InlineData("SELECT (1 AS ?o) { ?s ?p ?o }", 7, 16)]
    [InlineData("SELECT * { ?s ?p ?o } GROUP BY ?s", 0, 8)]
    [InlineData("SELECT * { ?s ?p ?o BIND(1 AS ?o) }", 30, 32)]
    public void ScopeErrorsSpanTheirConstruct(string query, int start, int end)
    {
        var error = QueryError(query);
        Assert.Equal((start, end), (error.Start.Offset, error.End.Offset));
    }

    [Theory]
    [InlineData("INSERT DATA { ?s <p> <o> }", 1, 15, "variables are not allowed in INSERT DATA or DELETE DATA")]
    [InlineData("DELETE { ?s <p> [] } WHERE { ?s ?p ?o }", 1, 17, "blank nodes are not allowed in DELETE")]
    [InlineData("CLEAR GRAPH <g> CLEAR ALL", 1, 17, "expected ';' between operations or end of input, found 'CLEAR'")]
    [InlineData("INSERT DATA { _:a <p> <o> } ; INSERT DATA { _:a <p> <o> }", 1, 45, "blank node _:a is used in two INSERT DATA operations of one request")]
    [InlineData("SELECT * {}", 1, 1, "expected an update operation, found 'SELECT'")]
    public void UpdateErrorsHavePositions(string update, int line, int column, string message)
    {
        var result = SparqlParser.ParseUpdate(update);
        Assert.False(result.Success);
        Assert.Equal(message, result.Error!.Message);
        Assert.Equal((line, column), (result.Error.Start.Line, result.Error.Start.Column));
    }

    [Fact]
    public void ColumnsCountUtf16AndLinesAcceptCrLf()
    {
        var error = QueryError("SELECT *\r\n{ ?s ?p \"é\" , }");
        Assert.Equal("expected a variable or an RDF term, found '}'", error.Message);
        Assert.Equal((2, 15), (error.Start.Line, error.Start.Column));
    }
}
