namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>
/// Error recovery: every independent syntax error is reported with its position (for editors), while the first
/// error, and whether a text parses at all, stay what they were without recovery.
/// </summary>
public sealed class RecoveryTests
{
    private static (int Line, int Column, string Message)[] Positions(IReadOnlyList<Rdf.SyntaxError> errors) =>
        errors.Select(e => (e.Start.Line, e.Start.Column, e.Message)).ToArray();

    [Fact]
    public void Every_broken_element_of_a_group_is_reported()
    {
        const string query = "SELECT * WHERE {\n  ?s ?p .\n  ?a <http://e/x> ?b .\n  ?c ?d ?e ?f .\n  FILTER(?a > )\n}";
        var result = SparqlParser.ParseQuery(query);
        Assert.Null(result.Value);
        Assert.Equal(
            [
                (2, 9, "expected a variable or an RDF term, found '.'"),
                (4, 12, "expected '.' before the next triple pattern, or '}', found '?f'"),
                (5, 15, "expected an expression, found ')'"),
            ],
            Positions(result.Errors));
        Assert.Same(result.Errors[0], result.Error);
    }

    [Fact]
    public void Lexing_goes_on_after_a_lexical_error()
    {
        const string query = "SELECT * {\n  ?s ?p \"abc\n  . ?x ?y .\n}";
        var errors = SparqlParser.ParseQuery(query).Errors;
        Assert.Equal(
            [
                (2, 9, "line break inside a short string (use \"\"\" for multi-line strings)"),
                (3, 11, "expected a variable or an RDF term, found '.'"),
            ],
            Positions(errors));
    }

    [Fact]
    public void A_bad_prologue_declaration_and_a_bad_pattern_are_both_reported()
    {
        const string query = "PREFIX ex <http://e/>\nPREFIX : <http://e/>\nSELECT ?x WHERE { ?x :p ?y ?z }";
        var errors = SparqlParser.ParseQuery(query).Errors;
        Assert.Equal([(1, 8), (3, 28)], errors.Select(e => (e.Start.Line, e.Start.Column)));
        Assert.Equal("expected '.' before the next triple pattern, or '}', found '?z'", errors[1].Message);
    }

    [Fact]
    public void The_select_clause_resynchronises_at_WHERE()
    {
        var errors = SparqlParser.ParseQuery("SELECT (?x AS) WHERE { ?s ?p }").Errors;
        Assert.Equal([(1, 14), (1, 30)], errors.Select(e => (e.Start.Line, e.Start.Column)));
        Assert.Equal("expected a variable or an RDF term, found '}'", errors[1].Message);
    }

    [Fact]
    public void Update_operations_resynchronise_at_the_semicolon()
    {
        const string update = "INSERT DATA { <http://e/a> <http://e/b> ?x } ;\nCLEAR GRAFF <http://e/g> ;\nDROP ALL";
        var result = SparqlParser.ParseUpdate(update);
        Assert.Null(result.Value);
        Assert.Equal([(1, 41), (2, 7)], result.Errors.Select(e => (e.Start.Line, e.Start.Column)));
    }

    [Fact]
    public void Errors_are_capped()
    {
        string query = "SELECT * {\n" + string.Concat(Enumerable.Repeat("  ?s ?p .\n", 150)) + "}";
        var errors = SparqlParser.ParseQuery(query).Errors;
        Assert.Equal(100, errors.Count);
        Assert.Equal(Enumerable.Range(2, 100), errors.Select(e => e.Start.Line));
    }

    [Fact]
    public void A_valid_text_has_no_errors_and_an_unrecoverable_one_just_its_first()
    {
        Assert.Empty(SparqlParser.ParseQuery("SELECT * { ?s ?p ?o . FILTER(?o > 1) }").Errors);
        Assert.Empty(SparqlParser.ParseUpdate("INSERT DATA { <http://e/a> <http://e/b> 1 }").Errors);
        var errors = SparqlParser.ParseQuery("SELECT * {\n  { ?s ?p ?o }\n").Errors;
        Assert.Equal([(3, 1)], errors.Select(e => (e.Start.Line, e.Start.Column)));
    }
}
