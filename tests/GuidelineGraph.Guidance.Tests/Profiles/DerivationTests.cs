using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Tests.Profiles;

public class DerivationTests
{
    private static ApplicableRequirement Find(InferenceResult result, string id) => Assert.Single(result.Requirements, a => a.Requirement.Id == id);

    [Fact]
    public void Aav_hepatotoxicity_is_explained_from_the_asserted_serotype_through_the_risk_to_the_clause()
    {
        ApplicableRequirement a = Find(Inference.Instance.Infer(["aav9"]), "r-4.1-p4-s1b");
        ConditionProof condition = Assert.Single(a.Derivation.Conditions);
        Assert.Equal("requires r-4.1-p4-s1b", condition.Rule);
        Assert.Equal("c-4.1-p4", condition.Source!.Id);
        HeldFeature aav = Assert.Single(condition.Features);
        Assert.Equal(["aav9", "aav"], Assert.Single(aav.Paths).Steps.Select(s => s.Id));
        ControlProof control = Assert.Single(a.Derivation.Controls);
        Assert.Equal("liver-function-monitoring", control.Control.Id);
        RiskProof risk = Assert.Single(control.Risks);
        Assert.Equal(("hepatotoxicity", "aav", "4.1 ¶4", "4.1 ¶4"), (risk.RiskId, risk.RaisedBy.Feature.Id, risk.RiskClause!.Number, risk.MitigationClause!.Number));

        string[] lines = DerivationText.Render(a).Split('\n');
        Assert.Equal("r-4.1-p4-s1b  [informative]  For example, some adeno-associated virus (AAV) serotypes are hepatotoxic.", lines[0]);
        Assert.Equal("  applies by rule \u201Crequires r-4.1-p4-s1b\u201D  [4.1 ¶4]", lines[1]);
        Assert.Equal("    holds aav (adeno-associated virus vector) \u21D0 aav9 (asserted) \u2192 aav", lines[2]);
        Assert.Equal("  control liver-function-monitoring (Liver function monitoring)", lines[3]);
        Assert.Equal("    mitigates hepatotoxicity (Hepatotoxicity)  [4.1 ¶4]", lines[4]);
        Assert.StartsWith("  clause 4.1 ¶4 (c-4.1-p4)", lines[6]);
        Assert.Equal("    \u201C例如部分腺相关病毒（Adeno-associated virus，AAV）载体型别存在肝毒性，\u201D", DerivationText.Render(a, "zh").Split('\n')[7]);
    }

    [Fact]
    public void Every_derivation_is_kept_when_two_alternatives_hold()
    {
        // 4.1 ¶7 s3 applies on an invasive procedure, surgery or preconditioning: subretinal is invasive and surgical, and preconditioning is asserted.
        ApplicableRequirement a = Find(Inference.Instance.Infer(["subretinal", "preconditioning"]), "r-4.1-p7-s3");
        Assert.Equal(["invasive-procedure", "preconditioning", "surgical-administration"],
            a.Derivation.Conditions.Select(c => Assert.Single(c.Features).Feature.Id).Order());
    }

    [Fact]
    public void A_feature_reached_from_two_asserted_features_has_both_paths()
    {
        // viral vector from AAV9 (aav9 → aav → viral-vector) and from the lentivirus (lentivirus → viral-vector).
        InferenceResult result = Inference.Instance.Infer(["aav9", "lentivirus"]);
        HeldFeature viral = Assert.Single(Find(result, "r-4.1-p5-s1").Derivation.Conditions).Features.Single();
        Assert.Equal(["aav9>aav>viral-vector", "lentivirus>viral-vector"], viral.Paths.Select(p => string.Join(">", p.Steps.Select(s => s.Id))).Order());
        Assert.False(result.Features.Single(f => f.Id == "viral-vector").Asserted);
    }

    [Fact]
    public void Always_requirements_say_so_and_the_inferred_graph_names_the_profile()
    {
        InferenceResult result = Inference.Instance.Infer(["adults"]);
        Assert.True(Assert.Single(Find(result, "r-2-p1-s1").Derivation.Conditions).Always);
        var profile = new Rdf.Iri("urn:example:p");
        var triples = result.InferredAbout(profile).ToList();
        Assert.All(triples, t => Assert.Equal(profile, t.Subject));
        Assert.Contains(triples, t => t.Predicate.Value.EndsWith("#requires") && t.Object.ToString().Contains("r-2-p1-s1"));
    }

    [Fact]
    public void Unknown_feature_ids_are_refused_with_suggestions()
    {
        var e = Assert.Throws<ArgumentException>(() => Inference.Instance.Infer(["aav99"]));
        Assert.Contains("did you mean", e.Message);
    }
}
