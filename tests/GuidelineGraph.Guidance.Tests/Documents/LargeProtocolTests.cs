using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Guidance.Tests.Documents;

/// <summary>The generated long protocol that benchmarks and editor tests use reads cleanly and has the size asked for.</summary>
public sealed class LargeProtocolTests
{
    [Fact]
    public void Three_hundred_pages_read_without_errors_with_the_example_skeleton_and_cohort_subsections()
    {
        string text = LargeProtocol.Markdown(300);
        Assert.InRange(text.Length, 300 * LargeProtocol.CharactersPerPage, 320 * LargeProtocol.CharactersPerPage);
        Assert.Equal(text, LargeProtocol.Markdown(300));

        ProtocolReadResult read = MarkdownProtocolReader.Read(text, "large.md");
        Assert.Empty(read.Errors);
        ProtocolDocument document = read.Document!;
        // The example's front matter (six features, one waiver) and marker survive.
        Assert.Equal(6, document.FrontMatter!.DeclaredFeatures.Count);
        Assert.Single(document.FrontMatter.Waivers);
        Assert.Contains(document.Markers, m => m.Id == "r-3.1-p3-s2a");
        ProtocolSection safety = document.Sections.Single(s => s.Heading == "8.4 Safety Assessments and Procedures");
        Assert.True(safety.Children.Count > 10);
        Assert.All(safety.Children, c => Assert.StartsWith("8.4.", c.Heading));
        Assert.Equal("8.4.1 Cohort 1", safety.Children[0].Heading);
    }

    [Fact]
    public void A_short_protocol_still_has_one_cohort_per_subsection()
    {
        ProtocolDocument document = MarkdownProtocolReader.Read(LargeProtocol.Markdown(1), "small.md").Document!;
        Assert.Contains(document.Sections, s => s.Heading == "8.4.1 Cohort 1");
        Assert.DoesNotContain(document.Sections, s => s.Heading == "8.4.2 Cohort 2");
    }
}
