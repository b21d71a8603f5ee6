using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

public class RuleSyntaxTests
{
    [Fact]
    public void Parses_prefixes_source_negation_builtins_literals_and_axioms()
    {
        var doc = RuleParser.Parse("""
            # a comment
            PREFIX ex: <http://example.org/>
            @source ex:clause-1
            [r1: (?x ex:grade "high"@EN) <- (?x a ex:Pupil), (?x ex:score ?s), ?s >= 90, not (?x ex:flag true), notLiteral(?x)]
            [ax: (ex:a ex:b 3.5)]
            """, "f.rules");
        Assert.True(doc.Succeeded, string.Join("\n", doc.Errors));
        Assert.Equal(2, doc.Rules.Length);
        var r1 = doc.Rules[0];
        Assert.Equal("r1", r1.Id.Value);
        Assert.Equal(new Iri("http://example.org/clause-1"), r1.Source);
        Assert.Equal(new Constant(new Literal("high", "en")), r1.Head.Object);
        Assert.Equal(new Constant(Vocab.Rdf.Type), r1.Body[0].Predicate);
        Assert.Equal(BuiltinKind.GreaterOrEqual, r1.Builtins[0].Kind);
        Assert.Equal(new Constant(new Literal("90", Vocab.Xsd.Integer)), r1.Builtins[0].Arguments[1]);
        Assert.Equal(BuiltinKind.NotLiteral, r1.Builtins[1].Kind);
        Assert.Equal(new Constant(new Literal("true", Vocab.Xsd.Boolean)), r1.Negated[0].Object);
        Assert.Equal("f.rules:4:1", r1.Span.ToString());
        Assert.True(doc.Rules[1].IsAxiom);
        Assert.Null(doc.Rules[1].Source);
        Assert.Equal(new Constant(new Literal("3.5", Vocab.Xsd.Decimal)), doc.Rules[1].Head.Object);
    }

    [Theory]
    [InlineData("[r: (?x ex:p ?y) <- (?x ex:q ?y]", "x.rules:2:32: expected ')' closing the atom, found ']'")]
    [InlineData("[r: (?x zz:p ?y) <- (?x ex:q ?y)]", "x.rules:2:9: undeclared prefix 'zz:'")]
    [InlineData("[r: (?x ex:p ?y) <- (?x ex:q _:b)]", "x.rules:2:30: blank nodes are not allowed in rules; use a variable or an IRI")]
    [InlineData("[r: (?x \"p\" ?y) <- (?x ex:q ?y)]", "x.rules:2:9: a predicate must be an IRI or a variable")]
    [InlineData("[r: (?x ex:p ?y) <- (?x ex:q ?y), frob(?x)]", "x.rules:2:35: unknown builtin 'frob' (known: isIri, isBlank, isLiteral, notLiteral, =, !=, <, <=, >, >=)")]
    [InlineData("@sauce ex:c\n[r: (?x ex:p ?y) <- (?x ex:q ?y)]", "x.rules:2:1: unknown directive '@sauce' (known: @source)")]
    [InlineData("[r: (?x ex:p ?y) <- (?x ex:q ?y) (?y ex:q ?x)]", "x.rules:2:34: expected ',' or ']' in rule r, found '('")]
    [InlineData("[r: (?x ex:p \"open) <- (?x ex:q ?y)]", "x.rules:2:14: unterminated string literal")]
    public void Syntax_errors_have_file_line_and_column(string rules, string expected)
    {
        var doc = RuleParser.Parse("PREFIX ex: <http://example.org/>\n" + rules, "x.rules");
        Assert.Equal(expected, Assert.Single(doc.Errors).ToString());
    }

    [Fact]
    public void Reading_resumes_after_an_error_and_reports_every_one()
    {
        var doc = RuleParser.Parse("""
            PREFIX ex: <http://example.org/>
            [a: (?x ex:p ?y) <- (?x ex:q ?y)]
            [c: (?x ex:p ?y) <- ?x ex:q ?y]
            [d: (?x ex:p ?y) <- (?x ex:r ?y)]
            [a: (?x ex:p ?y) <- (?x ex:s ?y)]
            """, "y.rules");
        Assert.Equal([
            "y.rules:3:24: expected an atom '(', 'not', a builtin or a comparison operator, found 'e'",
            "y.rules:5:2: duplicate rule id 'a'",
        ], doc.Errors.Select(e => e.ToString()));
        Assert.Equal(["a", "d"], doc.Rules.Select(r => r.Id.Value));
    }

    [Fact]
    public void Program_checks_report_unsafe_variables_with_positions()
    {
        var doc = RuleParser.Parse("""
            PREFIX ex: <http://example.org/>
            [r: (?x ex:p ?z) <- (?x ex:q ?y)]
            [s: (?x ex:p ?y) <- (?x ex:q ?y), not (?x ex:r ?w), ?v != ?x]
            """, "z.rules");
        Assert.True(doc.Succeeded);
        Assert.False(RuleProgram.TryCreate(doc.Rules, out _, out var errors));
        Assert.Equal([
            "z.rules:2:5: rule r: variable ?z in the head does not occur in a positive body atom",
            "z.rules:3:39: rule s: variable ?w in a negated atom does not occur in a positive body atom",
            "z.rules:3:53: rule s: variable ?v in a builtin does not occur in a positive body atom",
        ], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void The_rule_files_in_the_ontology_parse_and_stratify()
    {
        foreach (var file in Directory.GetFiles(RulesDirectory, "*.rules"))
        {
            var doc = RuleParser.ParseFile(file);
            Assert.True(doc.Succeeded, string.Join("\n", doc.Errors));
            Assert.NotEmpty(doc.Rules);
        }
        Assert.True(RuleFiles.TryLoadOntologyClosure(RulesDirectory, out var program, out var errors), string.Join("\n", errors));
        Assert.Contains(program.Rules, r => r.Id.Value == "rdfs9");
        Assert.Contains(program.Rules, r => r.Id.Value == "cls-hv2");
    }
}
