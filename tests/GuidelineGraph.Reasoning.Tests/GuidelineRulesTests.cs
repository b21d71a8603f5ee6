using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

public class GuidelineRulesTests
{
    private const string Ggf = "https://w3id.org/guidelinegraph/feature/";
    private static readonly Iri Profile = new("http://example.org/profile/1");

    private static List<Triple> Read(params string[] paths) => [.. paths.SelectMany(path =>
        RdfReader.ReadDocument(File.ReadAllText(path), new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri }) is var doc && doc.Errors.Count == 0
            ? doc.Quads.Select(q => q.Triple)
            : throw new InvalidDataException($"{path}: {string.Join("; ", doc.Errors)}"))];

    private static IEnumerable<Triple> ProfileFacts(params string[] features) =>
        features.Select(f => new Triple(Profile, GuidelineTerms.HasFeature, new Iri(Ggf + f)))
            .Prepend(new Triple(Profile, Vocab.Rdf.Type, GuidelineTerms.TrialProfile));

    private static Materialization Model(List<Triple> graph, params string[] features)
    {
        Assert.True(GuidelineRuleCompiler.TryCreateLayers(RulesDirectory, graph, out var layers, out var errors, out var problems), string.Join("\n", errors));
        Assert.Empty(problems);
        return new Materialization(layers, graph.Concat(ProfileFacts(features)));
    }

    private static string[] Required(Materialization model) =>
        [.. model.Match(Profile, GuidelineTerms.Requires, null).Select(t => ((Iri)t.Object).Value[Ex.Length..]).Order()];

    private static List<Triple> Mini() => Read(Path.Combine(AppContext.BaseDirectory, "Data", "guideline-mini.ttl"));

    [Fact]
    public void Conditions_compile_to_one_rule_per_alternative_with_the_clause_as_source()
    {
        var compiled = GuidelineRuleCompiler.Compile(Mini());
        Assert.Empty(compiled.Problems);
        Assert.Equal(["requires r-always", "requires r-any #1", "requires r-any #2", "requires r-integrating", "requires r-nested",
            "requires r-none", "requires r-vector", "satisfies systemic-aav"], compiled.Rules.Select(r => r.Id.Value).Order());
        var none = compiled.Rules.Single(r => r.Id.Value == "requires r-none");
        Assert.Equal(new Iri(Ex + "c4"), none.Source);
        Assert.Equal("[requires r-none: (?p <https://w3id.org/guidelinegraph/ns#requires> <http://example.org/r-none>) <- "
            + "(?p <https://w3id.org/guidelinegraph/ns#holdsFeature> <https://w3id.org/guidelinegraph/feature/viral-vector>), "
            + "not (?p <https://w3id.org/guidelinegraph/ns#holdsFeature> <https://w3id.org/guidelinegraph/feature/integrating-vector>)]", none.ToString());
        var always = compiled.Rules.Single(r => r.Id.Value == "requires r-always");
        Assert.Equal(new Constant(GuidelineTerms.TrialProfile), Assert.Single(always.Body).Object);
    }

    [Fact]
    public void Systemic_aav_in_infants_and_then_intrathecal_instead_of_intravenous()
    {
        var model = Model(Mini(), "aav9", "intravenous", "infants");
        // aav9 -> aav -> viral-vector; infants -> children; the nested systemic AAV condition holds, so r-nested does not apply.
        Assert.Equal(["r-always", "r-any", "r-none", "r-vector"], Required(model));
        Assert.True(model.Contains(new Triple(Profile, GuidelineTerms.NeedsControl, I("shedding-monitoring"))));
        Assert.True(model.Contains(new Triple(Profile, GuidelineTerms.MitigationFor, I("antibody-screening"))));

        // Without intravenous the nested condition fails, so r-nested starts to apply (negation over a removal).
        var change = model.Remove([new Triple(Profile, GuidelineTerms.HasFeature, new Iri(Ggf + "intravenous"))]);
        Assert.Contains(new Triple(Profile, GuidelineTerms.Requires, I("r-nested")), change.Added);
        model.Add([new Triple(Profile, GuidelineTerms.HasFeature, new Iri(Ggf + "intrathecal"))]);
        Assert.Equal(["r-always", "r-any", "r-nested", "r-none", "r-vector"], Required(model));
        // r-any now holds twice: through intrathecal and through infants -> children.
        Assert.Equal(2, model.DerivationsOf(new Triple(Profile, GuidelineTerms.Requires, I("r-any"))).Count);

        model.Add([new Triple(Profile, GuidelineTerms.HasFeature, new Iri(Ggf + "lentivirus"))]);
        Assert.Equal(["r-always", "r-any", "r-integrating", "r-nested", "r-vector"], Required(model));
    }

    [Fact]
    public void Explanation_reads_feature_risk_control_clause()
    {
        var model = Model(Mini(), "aav9");
        var proof = Assert.Single(model.Explain(new Triple(Profile, GuidelineTerms.MitigationFor, I("antibody-screening"))));
        var text = ProofRendering.ToText(proof, new Dictionary<string, string>
        {
            ["ex"] = Ex, ["gg"] = GuidelineTerms.Namespace, ["ggf"] = Ggf, ["skos"] = Vocab.Skos.Namespace, ["rdf"] = Vocab.Rdf.Namespace,
        });
        var lines = text.Split('\n');
        Assert.Equal("ex:profile/1 gg:mitigationFor ex:antibody-screening  [mitigation]", lines[0]);
        Assert.Equal("  ex:profile/1 gg:exposedTo ex:immunogenicity  [exposure]", lines[1]);
        Assert.Equal("    ex:profile/1 gg:holdsFeature ggf:aav  [holds-broader]", lines[2]);
        Assert.Equal("      ex:profile/1 gg:hasFeature ggf:aav9  [asserted]", lines[3]);
        Assert.Contains("ggf:aav9 skos:broaderTransitive ggf:aav  [rdfs7]", lines[4]);
        Assert.Contains(lines, l => l.Trim().EndsWith("gg:citesClause ex:c7  [asserted]"));
        Assert.EndsWith("gg:citesClause ex:c8  [asserted]", lines.Last(l => l.Length > 0).Trim());
    }

    [Fact]
    public void Seed_guideline_requirements_for_systemic_aav_in_infants()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "ontology"), "*.ttl", SearchOption.AllDirectories);
        var graph = Read(files);
        Assert.True(GuidelineRuleCompiler.TryCreateLayers(RulesDirectory, graph, out var layers, out var errors, out var problems), string.Join("\n", errors));
        Assert.True(problems.IsEmpty, string.Join("\n", problems));
        var model = new Materialization(layers, graph.Concat(ProfileFacts("aav9", "intravenous", "infants", "rare-disease")));
        const string Cde = "https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/";
        bool Requires(string r) => model.Contains(new Triple(Profile, GuidelineTerms.Requires, new Iri(Cde + r)));
        Assert.True(Requires("r-4.1-p4-s1b"));   // allOf ggf:aav
        Assert.True(Requires("r-3.1-p3-s1c"));   // allOf ggf:children (infants are children)
        Assert.False(Requires("r-3.5-p3-s1c"));  // allOf ggf:integrating-vector
        var proof = model.Explain(new Triple(Profile, GuidelineTerms.Requires, new Iri(Cde + "r-4.1-p4-s1b")))[0];
        Assert.Equal(new Iri(Cde + "c-4.1-p4"), proof.Derivation!.Rule.Source);
    }
}
