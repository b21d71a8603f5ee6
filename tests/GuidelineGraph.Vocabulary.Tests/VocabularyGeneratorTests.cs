using GuidelineGraph.Vocabulary.Generator;
using Microsoft.CodeAnalysis;

namespace GuidelineGraph.Vocabulary.Tests;

public sealed class VocabularyGeneratorTests
{
    private const string Prefixes = """
        @prefix ex:   <http://example.org/ns#> .
        @prefix f:    <http://example.org/feature/> .
        @prefix sec:  <http://example.org/m11/> .
        @prefix owl:  <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .

        """;

    private static readonly Dictionary<string, string> ClassNames = new()
    {
        ["GuidelineGraphVocabularyClassNames"] = "ex=Core,f=Features,sec=M11",
    };

    [Fact]
    public void Emits_one_class_per_namespace_with_classes_properties_and_concepts()
    {
        var run = GeneratorHarness.Generate(ClassNames, ("core.ttl", Prefixes + """
            <http://example.org/ns> a owl:Ontology .
            ex:Requirement a owl:Class ; rdfs:label "Requirement"@en, "要求"@zh .
            ex:demandsControl a owl:ObjectProperty, owl:FunctionalProperty .
            ex:Shall a ex:Modality .
            f:aav9 a skos:Concept ; skos:prefLabel "AAV9载体"@zh, "AAV9 vector"@en ; skos:broader f:aav .
            f:car-t a skos:Concept .
            <http://example.org/m11/8.4.1> a skos:Concept ; skos:notation "8.4.1" .
            sec:10.10 a skos:Concept .
            """));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal("http://example.org/ns#Requirement", run.Constant("GuidelineGraph.Vocabulary.Core+Classes", "Requirement"));
        Assert.Equal("http://example.org/ns#demandsControl", run.Constant("GuidelineGraph.Vocabulary.Core+Properties", "DemandsControl"));
        Assert.Equal("http://example.org/ns#Shall", run.Constant("GuidelineGraph.Vocabulary.Core", "Shall"));
        Assert.Equal("http://example.org/ns#", run.Constant("GuidelineGraph.Vocabulary.Core", "Namespace"));
        Assert.Equal("http://example.org/feature/aav9", run.Constant("GuidelineGraph.Vocabulary.Features", "Aav9"));
        Assert.Equal("http://example.org/feature/car-t", run.Constant("GuidelineGraph.Vocabulary.Features", "CarT"));
        Assert.Equal("http://example.org/m11/8.4.1", run.Constant("GuidelineGraph.Vocabulary.M11", "S8_4_1"));
        Assert.Equal("http://example.org/m11/10.10", run.Constant("GuidelineGraph.Vocabulary.M11", "S10_10"));
        // The English label documents the constant; f:aav (only an object) is not declared.
        Assert.Contains("/// <summary>AAV9 vector — <c>f:aav9</c></summary>", run.Source("Features.g.cs"));
        Assert.DoesNotContain("Aav ", run.Source("Features.g.cs"));
        Assert.Equal(["Core.g.cs", "Features.g.cs", "M11.g.cs"],
            run.Result.GeneratedTrees.Select(tree => Path.GetFileName(tree.FilePath)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_configured_name_the_class_is_the_prefix_pascal_cased()
    {
        var run = GeneratorHarness.Generate(null, ("a.ttl", Prefixes + "ex:Thing a owl:Class .\n"));

        Assert.Empty(run.CompileErrors);
        Assert.Equal("http://example.org/ns#Thing", run.Constant("GuidelineGraph.Vocabulary.Ex+Classes", "Thing"));
    }

    [Fact]
    public void Nested_blank_nodes_collections_and_long_strings_declare_nothing_and_keep_line_numbers()
    {
        var run = GeneratorHarness.Generate(ClassNames, ("nested.ttl", Prefixes + "" +
            "ex:x ex:p [ a ex:Hidden ; ex:q ( ex:a [ a ex:AlsoHidden ] \"s\"@en 1.5e3 true ) ] .\n" +  // line 8
            "[ a ex:Anonymous ] .\n" +                                                              // line 9
            "ex:y a ex:Thing ; rdfs:comment \"\"\"two\nlines\"\"\" ; ex:n -1, .5, 2 .\n" +           // lines 10-11
            "ex:z a ex:Thing ;; .\n" +                                                               // line 12
            "ex:broken a\n"));                                                                       // line 13

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("GGV001", error.Id);
        FileLinePositionSpan span = error.Location.GetLineSpan();
        Assert.Equal("nested.ttl", span.Path);
        Assert.Equal(13, span.StartLinePosition.Line + 1);
        Assert.Contains("expected an object", error.GetMessage());
        string core = run.Source("Core.g.cs");
        Assert.Contains("public const string Y = \"http://example.org/ns#y\";", core);
        Assert.Contains("public const string Z = \"http://example.org/ns#z\";", core);
        Assert.DoesNotContain("Hidden", core);
        Assert.DoesNotContain("Anonymous", core);
        Assert.DoesNotContain(" X =", core);
    }

    [Fact]
    public void A_grammar_error_is_reported_with_its_position_and_reading_resumes_after_the_next_dot()
    {
        var run = GeneratorHarness.Generate(ClassNames, ("broken.ttl", Prefixes +
            "ex:A a owl:Class .\n" +      // line 7
            "ex:B a owl:Class ex:C .\n" + // line 8: missing ';'
            "ex:D a zz:Class .\n" +       // line 9: undefined prefix
            "ex:E a owl:Class .\n"));     // line 10

        Assert.Collection(run.Diagnostics.OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line),
            first =>
            {
                Assert.Equal("GGV001", first.Id);
                Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(7, 17), first.Location.GetLineSpan().StartLinePosition);
                Assert.Equal("expected '.' at the end of the statement", first.GetMessage());
            },
            second =>
            {
                Assert.Equal("GGV001", second.Id);
                Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(8, 7), second.Location.GetLineSpan().StartLinePosition);
                Assert.Equal("undefined prefix 'zz:'", second.GetMessage());
            });
        string core = run.Source("Core.g.cs");
        Assert.Contains(" A = ", core);
        Assert.Contains(" E = ", core);
        Assert.DoesNotContain(" B = ", core);
        Assert.DoesNotContain(" D = ", core);
    }

    [Theory]
    [InlineData("ex:a a <http://example.org/unclosed .\n", 7, 8, "IRI not closed")]
    [InlineData("ex:a rdfs:label \"open\n", 7, 17, "string not closed before the end of the line")]
    [InlineData("ex:a rdfs:label \"\"\"open\n\n", 7, 17, "string not closed before the end of the file")]
    [InlineData("ex:a rdfs:label \"bad \\q\" .\n", 7, 17, "bad escape '\\q'")]
    public void A_lexical_error_ends_the_file_with_its_position(string statement, int line, int column, string message)
    {
        var run = GeneratorHarness.Generate(ClassNames, ("lex.ttl", Prefixes + statement + "ex:After a owl:Class .\n"));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("GGV001", error.Id);
        Assert.Equal(line, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(column, error.Location.GetLineSpan().StartLinePosition.Character + 1);
        Assert.StartsWith(message, error.GetMessage());
        Assert.DoesNotContain(run.Result.GeneratedTrees, tree => tree.GetText().ToString().Contains("After"));
    }

    [Fact]
    public void Two_terms_with_one_csharp_name_are_an_error_at_the_later_one()
    {
        var run = GeneratorHarness.Generate(ClassNames, ("clash.ttl", Prefixes +
            "f:car-t a skos:Concept .\n" +
            "f:carT a skos:Concept .\n"));

        Diagnostic error = Assert.Single(run.Diagnostics);
        Assert.Equal("GGV002", error.Id);
        Assert.Equal(8, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("<http://example.org/feature/carT> and <http://example.org/feature/car-t> both map to Features.CarT", error.GetMessage());
        Assert.Equal("http://example.org/feature/car-t", run.Constant("GuidelineGraph.Vocabulary.Features", "CarT"));
    }

    [Fact]
    public void A_term_declared_in_two_files_is_one_constant_and_reserved_names_get_an_underscore()
    {
        var run = GeneratorHarness.Generate(ClassNames,
            ("b.ttl", Prefixes + "ex:Risk a skos:Concept .\nex:namespace a ex:Thing .\nex:core a ex:Thing .\n"),
            ("a.ttl", Prefixes + "ex:Risk a owl:Class .\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompileErrors);
        Assert.Equal("http://example.org/ns#Risk", run.Constant("GuidelineGraph.Vocabulary.Core+Classes", "Risk"));
        Assert.Equal("http://example.org/ns#namespace", run.Constant("GuidelineGraph.Vocabulary.Core", "Namespace_"));
        Assert.Equal("http://example.org/ns#core", run.Constant("GuidelineGraph.Vocabulary.Core", "Core_"));
    }

    [Fact]
    public void A_bad_setting_is_reported_and_the_default_is_used()
    {
        var run = GeneratorHarness.Generate(
            new Dictionary<string, string> { ["GuidelineGraphVocabularyClassNames"] = "ex", ["GuidelineGraphVocabularyNamespace"] = "1bad" },
            ("a.ttl", Prefixes + "ex:Thing a owl:Class .\n"));

        Assert.Equal(["GGV003", "GGV003"], run.Diagnostics.Select(d => d.Id));
        Assert.Equal("http://example.org/ns#Thing", run.Constant("GuidelineGraph.Vocabulary.Ex+Classes", "Thing"));
    }

    [Fact]
    public void Running_again_on_the_same_files_reuses_every_step()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(ClassNames, ("a.ttl", Prefixes + "ex:Thing a owl:Class .\n"));
        driver = GeneratorHarness.RunDriver(driver).Driver;

        var second = GeneratorHarness.RunDriver(driver);

        IEnumerable<IncrementalStepRunReason> reasons = second.Result.Results.Single().TrackedOutputSteps
            .SelectMany(step => step.Value).SelectMany(step => step.Outputs).Select(output => output.Reason);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
    }

    [Theory]
    [InlineData("8.4.1", "S8_4_1")]
    [InlineData("8.41", "S8_41")]
    [InlineData("10.10", "S10_10")]
    [InlineData("car-t", "CarT")]
    [InlineData("hsv1-vector", "Hsv1Vector")]
    [InlineData("aavrh10", "Aavrh10")]
    [InlineData("demandsControl", "DemandsControl")]
    [InlineData("liver-function-monitoring", "LiverFunctionMonitoring")]
    [InlineData("a1-2b", "A1_2b")]
    [InlineData("-", null)]
    public void Local_names_become_csharp_identifiers_deterministically(string local, string? expected)
    {
        Assert.Equal(expected, CSharpNames.ToIdentifier(local));
    }
}
