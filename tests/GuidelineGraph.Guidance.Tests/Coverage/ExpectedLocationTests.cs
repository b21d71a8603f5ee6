using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Tests.Coverage;

/// <summary>Where a missing requirement points when the protocol lacks its M11 section: the nearest mapped parent.</summary>
public sealed class ExpectedLocationTests
{
    // r-4.3-p2-s1 (stopping rules) belongs in M11 4.3 Trial Stopping Rules.
    private const string Front = "---\nguidelinegraph:\n  features: [AAV9, intrathecal, children]\n---\n\n# 1 PROTOCOL SUMMARY\n\nA trial.\n\n";

    private static RequirementCoverage StoppingRules(string body) =>
        Assert.Single(Checker.Check(Front + body).Requirements, r => r.Applicable.Requirement.Id == "r-4.3-p2-s1");

    [Fact]
    public void Without_its_own_section_a_requirement_expects_the_parent_M11_heading_not_a_sibling()
    {
        RequirementCoverage c = StoppingRules("# 4 TRIAL DESIGN\n\nAn open-label trial.\n\n## 4.1 Overall Design\n\nSingle arm.\n");
        Assert.Equal(CoverageStatus.Missing, c.Status);
        AssertHeading("4 TRIAL DESIGN", 10, Assert.Single(c.ExpectedSections));
    }

    [Fact]
    public void A_parent_mapped_by_title_under_the_writers_own_numbering_is_found_too()
    {
        RequirementCoverage c = StoppingRules("# 3. Study Design\n\nAn open-label trial.\n\n## 3.1 Dose Cohorts\n\nTwo cohorts.\n");
        AssertHeading("3. Study Design", 10, Assert.Single(c.ExpectedSections));
    }

    [Fact]
    public void With_its_own_section_the_parent_is_not_used()
    {
        RequirementCoverage c = StoppingRules("# 4 TRIAL DESIGN\n\nAn open-label trial.\n\n## 4.3 Trial Stopping Rules\n\nNone yet.\n");
        AssertHeading("4.3 Trial Stopping Rules", 14, Assert.Single(c.ExpectedSections));
    }

    [Fact]
    public void Evidence_counts_anywhere_in_the_requirements_M11_chapter_but_not_in_another_chapter()
    {
        RequirementCoverage inDesign = StoppingRules("# 4 TRIAL DESIGN\n\n## 4.1 Description of Trial Design\n\nSingle arm. Stopping rules are reviewed by the DSMB.\n");
        Assert.Equal(CoverageStatus.Addressed, inDesign.Status);
        Assert.Equal("4.1 Description of Trial Design", Assert.Single(inDesign.Evidence).Section!.Heading);
        AssertHeading("4 TRIAL DESIGN", 10, Assert.Single(inDesign.ExpectedSections));

        RequirementCoverage inAssessments = StoppingRules("# 4 TRIAL DESIGN\n\nSingle arm.\n\n# 8 TRIAL ASSESSMENTS AND PROCEDURES\n\nStopping rules are reviewed by the DSMB.\n");
        Assert.Equal(CoverageStatus.Missing, inAssessments.Status);
    }

    private static void AssertHeading(string heading, int line, ProtocolSection section)
    {
        Assert.Equal(heading, section.Heading);
        Assert.Equal(line, section.HeadingSpan.Start.Line);
    }
}
