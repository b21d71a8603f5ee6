using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Tests.Profiles;

public class ProfileSessionTests
{
    private static readonly string[] Pool =
    [
        "aav9", "lentivirus", "crispr-cas", "intrathecal", "intravenous", "subretinal", "infants", "adults", "first-in-human",
        "preconditioning", "hematopoietic-stem-cells", "repeat-dosing", "life-threatening", "single-arm", "immunosuppression",
    ];

    /// <summary>Everything a result says, as comparable lines: features, requirements and every derivation.</summary>
    private static List<string> Fingerprint(InferenceResult result) =>
    [
        .. result.Features.Select(f => $"feature {f.Id} {f.Asserted}"),
        .. result.Requirements.Select(a => $"{a.Requirement.Id}: " + string.Join(" | ", a.Derivation.Conditions.Select(c =>
            c.Rule + " " + string.Join(",", c.Features.Select(h => h.Feature.Id + "<" + string.Join("/", h.Paths.Select(p => string.Join(">", p.Steps.Select(s => s.Id))))))))
            + " controls " + string.Join(",", a.Derivation.Controls.SelectMany(c => c.Risks.Select(k => $"{c.Control.Id}:{k.RiskId}:{k.RaisedBy.Feature.Id}:{k.RiskClause?.Id}:{k.MitigationClause?.Id}")))),
        .. result.Inferred.Select(t => t.ToString()).Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Random_add_and_remove_sequences_end_where_a_fresh_inference_does()
    {
        ProfileInference inference = Inference.Instance;
        var random = new Random(20240105);
        using ProfileSession session = inference.StartSession(["aav9", "infants"]);
        var asserted = new List<string> { "aav9", "infants" };
        for (int step = 0; step < 60; step++)
        {
            string feature = Pool[random.Next(Pool.Length)];
            if (asserted.Remove(feature)) session.Remove(feature);
            else
            {
                asserted.Add(feature);
                session.Add(feature);
            }
            if (step % 6 != 5) continue;
            Assert.Equal(asserted.Order(), session.AssertedFeatureIds.Order());
            Assert.Equal(Fingerprint(inference.Infer(asserted)), Fingerprint(session.Result));
        }
    }

    [Fact]
    public void One_feature_change_reports_the_requirements_it_adds_and_removes()
    {
        using ProfileSession session = Inference.Instance.StartSession(["aav9", "intravenous"]);
        ProfileChange added = session.Add("intrathecal");
        // intrathecal → invasive procedure (4.1 ¶7 s1a, s1b, s2, s3; 3.1 ¶2 s2) and CNS → sensitive site (3.1 ¶2 s3a).
        Assert.Equal(["r-3.1-p2-s2", "r-3.1-p2-s3a", "r-4.1-p7-s1a", "r-4.1-p7-s1b", "r-4.1-p7-s2", "r-4.1-p7-s3"], added.AddedRequirements);
        Assert.Empty(added.RemovedRequirements);
        Assert.Empty(session.Add("intrathecal").AddedRequirements); // already asserted
        ProfileChange removed = session.Remove("aav9");
        Assert.Contains("r-4.1-p4-s1b", removed.RemovedRequirements); // AAV hepatotoxicity
        Assert.Contains("r-3.5-p3-s1a", removed.RemovedRequirements); // no gene-therapy product left
        Assert.DoesNotContain(session.Result.Requirements, a => a.Requirement.Id == "r-4.1-p4-s1b");
    }

    [Fact]
    public void Concurrent_inferences_do_not_disturb_each_other()
    {
        ProfileInference inference = Inference.Instance;
        string[][] profiles = [["aav9", "infants"], ["lentivirus", "hematopoietic-stem-cells"], ["subretinal", "aav2"], ["adults"]];
        var expected = profiles.Select(p => Fingerprint(inference.Infer(p))).ToList();
        Parallel.For(0, 40, i => Assert.Equal(expected[i % 4], Fingerprint(inference.Infer(profiles[i % 4]))));
    }
}
