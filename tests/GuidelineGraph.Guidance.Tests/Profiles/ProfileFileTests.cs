using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Tests.Profiles;

public class ProfileFileTests
{
    [Fact]
    public void Json_syntax_errors_have_line_and_column()
    {
        ProfileFile file = ProfileFile.Parse("p.json", "{\n  \"features\": [\"aav9\",, \"infants\"]\n}");
        var error = Assert.Single(file.Errors);
        Assert.Equal((2, 23), (error.Span!.Value.Start.Line, error.Span.Value.Start.Column));
        Assert.StartsWith("p.json:2:23: invalid JSON", error.ToString());
    }

    [Fact]
    public void Unknown_words_are_errors_at_their_position_with_suggestions()
    {
        ProfileFile file = ProfileFile.Parse("p.yaml", "features:\n  - AAV9\n  - intrathcal\n");
        Assert.Empty(file.Errors);
        var (features, errors) = file.Resolve(Inference.Instance.Resolver);
        Assert.Equal(["aav9"], features.Select(f => f.Id));
        var error = Assert.Single(errors);
        Assert.Equal((3, 5), (error.Span!.Value.Start.Line, error.Span.Value.Start.Column));
        Assert.Contains("did you mean intrathecal", error.Message);
    }

    [Fact]
    public void Rdf_profile_features_are_located_in_the_text()
    {
        const string Text = "@prefix gg: <https://w3id.org/guidelinegraph/ns#> .\n@prefix ggf: <https://w3id.org/guidelinegraph/feature/> .\n"
            + "<urn:p> a gg:TrialProfile ;\n    gg:hasFeature ggf:aav9 , ggf:nonsense .\n";
        ProfileFile file = ProfileFile.Parse("p.ttl", Text);
        Assert.Equal("urn:p", file.Id);
        var (_, errors) = file.Resolve(Inference.Instance.Resolver);
        var error = Assert.Single(errors);
        Assert.Equal((4, 30), (error.Span!.Value.Start.Line, error.Span.Value.Start.Column));
    }

    [Fact]
    public void Missing_features_and_unknown_extensions_are_reported()
    {
        Assert.Contains("no 'features:'", Assert.Single(ProfileFile.Parse("p.yaml", "id: x\n").Errors).Message);
        Assert.Contains("cannot tell the profile format", Assert.Single(ProfileFile.Parse("p.txt", "x").Errors).Message);
        Assert.Contains("2 profiles", Assert.Single(ProfileFile.Parse("p.ttl",
            "@prefix gg: <https://w3id.org/guidelinegraph/ns#> .\n<urn:a> a gg:TrialProfile .\n<urn:b> a gg:TrialProfile .\n").Errors).Message);
    }
}
