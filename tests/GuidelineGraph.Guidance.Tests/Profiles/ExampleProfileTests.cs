using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Guidance.Tests.Profiles;

/// <summary>
/// The eight realistic profiles of examples/profiles, each with the requirements expected by reading the guideline
/// (ontology/guidelines/cde-2024-rare-disease-gt/source.txt) and its conditions, written here by hand. Every
/// profile is a gene-therapy product for a rare disease, so the requirements that apply to every product
/// (gg:Always, "gene therapy product", "rare disease") apply to all of them; the sets below are the rest, the
/// requirements whose condition names a more specific feature, grouped by that condition.
/// </summary>
public class ExampleProfileTests
{
    // Hand-written from the requirement conditions (feature → requirement ids).
    private static readonly string[] Children = ["r-3.1-p3-s1c", "r-4.2-p1-s1", "r-4.2-p1-s2a", "r-4.2-p1-s2b", "r-4.2-p1-s3a", "r-4.2-p1-s3b"];
    private static readonly string[] Monogenic = ["r-3.1-p4-s1", "r-3.1-p4-s2", "r-3.1-p4-s3", "r-3.1-p4-s4"];
    private static readonly string[] ViralVector = ["r-4.1-p4-s1a", "r-4.1-p4-s1c", "r-4.1-p4-s1d", "r-4.1-p4-s1e", "r-4.1-p4-s1g", "r-4.1-p5-s1"];
    private static readonly string[] Aav = ["r-4.1-p4-s1b", "r-4.1-p4-s1f"];
    private static readonly string[] SeriousDisease = ["r-4.1-p8-s1", "r-4.1-p8-s2", "r-4.1-p8-s3"]; // any of rapidly progressive, life-threatening, disabling
    private static readonly string[] ConcomitantMedication = ["r-3.9-p1-s1", "r-3.9-p1-s2", "r-3.9-p1-s3a", "r-3.9-p1-s3b"];
    private static readonly string[] SingleArm = ["r-3.2.3-p1-s1b", "r-3.2.3-p1-s2"];
    private static readonly string[] HistoricalControl = ["r-3.2.3-p1-s3a", "r-3.2.3-p1-s3b"];
    private static readonly string[] InvasiveOrSurgical = ["r-4.1-p7-s1a", "r-4.1-p7-s1b", "r-4.1-p7-s2"];
    private const string ProcedureRiskEvenIfUnsuccessful = "r-4.1-p7-s3"; // also preconditioning
    private static readonly string[] LocalizedOrgan = ["r-3.2.2-p1-s1", "r-3.2.2-p1-s2"];
    private static readonly string[] Integrating = ["r-3.5-p3-s1c", "r-3.5-p4-s1a", "r-3.5-p4-s1b"];
    private static readonly string[] RepeatDosing = ["r-3.3-p4-s2a", "r-3.3-p4-s2b"];
    private static readonly string[] FirstInHuman = ["r-3.3-p2-s1b", "r-4.3-p1-s2a", "r-4.3-p1-s2b", "r-4.3-p1-s2c"];
    private static readonly string[] EarlyPhase = ["r-3.1-p1-s6b", "r-4.3-p1-s1"];
    private static readonly string[] EarlyPhaseOrFirstInHuman = ["r-3.1-p3-s1a", "r-4.3-p1-s3"];
    private static readonly string[] PatientReportedOutcome = ["r-3.4.5-p1-s6a", "r-3.4.5-p1-s6b", "r-3.4.5-p1-s6c"];

    public sealed record Case(string File, string[] Asserted, string[] Expected, string[] Absent)
    {
        public override string ToString() => File;
    }

    public static TheoryData<Case> Cases => new()
    {
        // AAV9 → AAV → viral vector; 婴儿 → infants → children; immunosuppression → concomitant medication; historical → external control.
        new("sma-systemic-aav9-infants.yaml",
            ["aav9", "historical-control", "immunosuppression", "infants", "intravenous", "life-threatening", "monogenic-disease", "rare-disease", "single-arm"],
            [.. Children, .. Monogenic, .. ViralVector, .. Aav, .. SeriousDisease, "r-4.1-p3-s5", .. ConcomitantMedication, .. SingleArm, .. HistoricalControl],
            // integrating vector; invasive procedure; children in a first-in-human trial; early-phase trial in a life-threatening disease
            ["r-3.5-p4-s1a", ProcedureRiskEvenIfUnsuccessful, "r-3.1-p3-s2a", "r-3.3-p3-s1a", "r-3.1-p2-s2"]),
        // subretinal → invasive, surgical, sensitive site, ocular; inherited retinal disease → localized organ and monogenic.
        new("rpe65-subretinal-aav2.json",
            ["aav2", "adults", "inherited-retinal-disease", "intra-patient-control", "local-effect", "rare-disease", "subretinal"],
            ["r-3.1-p2-s2", "r-3.1-p2-s3a", .. Monogenic, .. LocalizedOrgan, "r-3.2.2-p1-s3", .. ViralVector, .. Aav, .. InvasiveOrSurgical, ProcedureRiskEvenIfUnsuccessful],
            [.. Children, .. Integrating, "r-3.5-p4-s1c", .. SeriousDisease]),
        // lentivirus → viral vector and integrating vector; with HSCs the insertion-site clause 3.5 ¶4 s1c; preconditioning → 4.1 ¶7 s3 only.
        new("mld-lentiviral-hsc.ttl",
            ["children", "ex-vivo-infusion", "hematopoietic-stem-cells", "lentivirus", "metabolic-disease", "monogenic-disease", "preconditioning", "rapidly-progressive", "rare-disease"],
            [.. Integrating, "r-3.5-p4-s1c", .. ViralVector, ProcedureRiskEvenIfUnsuccessful, .. Children, .. Monogenic, .. SeriousDisease],
            [.. Aav, .. InvasiveOrSurgical, "r-3.1-p2-s2", "r-3.1-p2-s3a"]),
        // CRISPR edits, nothing integrates: no insertion-site requirements; adolescents are children (ICH E11).
        new("scd-crispr-edited-hsc.yaml",
            ["adolescents", "adults", "crispr-cas", "ex-vivo-infusion", "hematologic-disease", "hematopoietic-stem-cells", "monogenic-disease", "preconditioning", "rare-disease", "single-arm"],
            [ProcedureRiskEvenIfUnsuccessful, .. Children, .. Monogenic, .. SingleArm],
            [.. Integrating, "r-3.5-p4-s1c", .. ViralVector, .. InvasiveOrSurgical, .. HistoricalControl]),
        // topical HSV-1: a viral vector, but no invasive procedure; the intra-patient control clause via local effect and localized disease.
        new("deb-topical-hsv1.json",
            ["children", "hsv1-vector", "inherited-skin-disease", "intra-patient-control", "local-effect", "rare-disease", "repeat-dosing", "topical"],
            [.. ViralVector, .. LocalizedOrgan, "r-3.2.2-p1-s3", .. Monogenic, .. RepeatDosing, .. Children],
            [.. InvasiveOrSurgical, ProcedureRiskEvenIfUnsuccessful, .. Aav, .. Integrating, .. FirstInHuman]),
        // intraputaminal → intraparenchymal → intracranial → invasive, surgical, CNS → sensitive site; young children → children.
        new("aadc-intraputaminal-aav2-children.ttl",
            ["aav2", "early-onset", "intraputaminal", "monogenic-disease", "neurological-disease", "rare-disease", "young-children"],
            ["r-3.1-p2-s2", "r-3.1-p2-s3a", "r-3.1-p3-s1b", .. Children, .. Monogenic, .. ViralVector, .. Aav, .. InvasiveOrSurgical, ProcedureRiskEvenIfUnsuccessful],
            ["r-3.1-p3-s2a", "r-3.1-p3-s2b", .. FirstInHuman, .. Integrating]),
        // first-in-human is an early-phase trial; LNP-mRNA is not a viral vector (no shedding, no vector organ toxicity).
        new("fih-lnp-mrna.yaml",
            ["adults", "dose-escalation", "first-in-human", "intravenous", "lnp", "metabolic-disease", "mrna", "rare-disease", "repeat-dosing"],
            [.. EarlyPhase, .. EarlyPhaseOrFirstInHuman, .. FirstInHuman, "r-4.3-p1-s4", .. RepeatDosing],
            [.. ViralVector, "r-3.1-p3-s2a", .. Integrating, "r-3.3-p3-s1a", .. Children]),
        // engineered bacteria given orally in a placebo-controlled randomised trial with several dose groups and PROs.
        new("engineered-bacteria-pku.json",
            ["adults", "concomitant-medication", "engineered-bacteria", "metabolic-disease", "multiple-dose-groups", "oral", "patient-reported-outcome", "placebo-controlled", "randomized-controlled", "rare-disease"],
            ["r-3.2.1-p3-s1", "r-3.2.1-p2-s2", .. PatientReportedOutcome, .. ConcomitantMedication],
            [.. ViralVector, .. Integrating, .. InvasiveOrSurgical, .. Children, .. FirstInHuman, "r-4.1-p3-s5"]),
    };

    /// <summary>Requirements every gene-therapy product for a rare disease gets: the condition is Always or names only one of those two features.</summary>
    private static HashSet<string> General(GuidelineCatalog catalog) =>
        [.. catalog.Guidelines.SelectMany(catalog.Requirements).Where(r => r.Condition.Always
            || (r.Condition.AnyOf.Count == 0 && r.Condition.NoneOf.Count == 0 && r.Condition.AllOf is [{ Feature: "gene-therapy-product" or "rare-disease" }]))
            .Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Example_profile_gets_exactly_the_expected_requirements(Case c)
    {
        ProfileInference inference = Inference.Instance;
        ProfileFile file = ProfileFile.Read(Path.Combine(Inference.ProfilesDirectory, c.File));
        Assert.Empty(file.Errors);
        var (features, errors) = file.Resolve(inference.Resolver);
        Assert.Empty(errors);
        Assert.Equal(c.Asserted, features.Select(f => f.Id).Order(StringComparer.Ordinal));

        InferenceResult result = inference.Infer(features.Select(f => f.Id));
        HashSet<string> general = General(inference.Catalog);
        Assert.Equal(51 + 45 + 15, general.Count); // counted by hand in guideline.ttl: 51 Always, 45 gene-therapy-product, 15 rare-disease
        var ids = result.Requirements.Select(a => a.Requirement.Id).ToHashSet();
        Assert.Subset(ids, general);
        Assert.Equal(c.Expected.Distinct().Order(StringComparer.Ordinal), ids.Except(general).Order(StringComparer.Ordinal));
        foreach (string absent in c.Absent) Assert.DoesNotContain(absent, ids);
        Assert.Equal(c.Asserted, result.Features.Where(f => f.Asserted).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_profile_that_is_no_gene_therapy_product_gets_only_what_its_features_ask_for()
    {
        InferenceResult result = Inference.Instance.Infer(["adults", "randomized-controlled"]);
        var ids = result.Requirements.Select(a => a.Requirement.Id).ToHashSet();
        Assert.Contains("r-3.2.1-p3-s1", ids);
        Assert.DoesNotContain("r-3.5-p3-s1a", ids); // gene-therapy-product: long-term follow-up
        Assert.DoesNotContain("r-1-p1-s3", ids); // rare-disease
        Assert.Equal(51 + 1, ids.Count);
    }
}
