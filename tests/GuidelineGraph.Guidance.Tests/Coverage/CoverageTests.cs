using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Trace;

namespace GuidelineGraph.Guidance.Tests.Coverage;

public sealed class CoverageTests
{
    // Intrathecal AAV9: r-4.3-p2-s1 (shall, stopping rules, M11 4.3) applies; the writer's text decides its status.
    private const string Front = "---\nguidelinegraph:\n  features: [AAV9, intrathecal, children]\n{0}---\n\n# 1 PROTOCOL SUMMARY\n\nA trial.\n\n# 4 TRIAL DESIGN\n\n## 4.3 Trial Stopping Rules\n\n{1}\n";

    private static RequirementCoverage Coverage(CheckReport report, string id) => Assert.Single(report.Requirements, r => r.Applicable.Requirement.Id == id);

    [Fact]
    public void A_control_term_in_the_expected_section_addresses_the_requirement_with_its_line_and_sentence()
    {
        CheckReport report = Checker.Check(string.Format(Front, "", "Dosing is paused if a serious adverse event occurs. Stopping rules are reviewed by the DSMB."));
        RequirementCoverage c = Coverage(report, "r-4.3-p2-s1");
        Assert.Equal(CoverageStatus.Addressed, c.Status);
        Evidence e = Assert.Single(c.Evidence, e => e.Line == 14);
        Assert.Equal("4.3 Trial Stopping Rules", e.Section!.Heading);
        Assert.Equal("Stopping rules are reviewed by the DSMB.", e.Text);
        Assert.Equal("4.3 Trial Stopping Rules", Assert.Single(c.ExpectedSections).Heading);
    }

    [Fact]
    public void A_negated_control_is_missing_and_points_at_the_section_heading()
    {
        CheckReport report = Checker.Check(string.Format(Front, "", "No stopping rules will be applied in this trial."));
        RequirementCoverage c = Coverage(report, "r-4.3-p2-s1");
        Assert.Equal(CoverageStatus.Missing, c.Status);
        Assert.Empty(c.Evidence);
        Assert.Equal(12, c.ExpectedSections[0].HeadingSpan.Start.Line);
    }

    [Fact]
    public void A_requirement_without_a_mapped_section_expects_the_document_start()
    {
        CheckReport report = Checker.Check("---\nguidelinegraph:\n  features: [AAV9, intrathecal, children]\n---\n\n# 1 PROTOCOL SUMMARY\n\nA trial.\n");
        RequirementCoverage c = Coverage(report, "r-4.3-p2-s1");
        Assert.Equal(CoverageStatus.Missing, c.Status);
        Assert.Empty(c.ExpectedSections);
    }

    [Fact]
    public void A_waiver_and_a_marker_decide_before_the_text()
    {
        string waiver = "waivers:\n  - requirement: cde:r-4.3-p2-s1\n    justification: Single participant; stopping is at the investigator's discretion.\n";
        RequirementCoverage waived = Coverage(Checker.Check(string.Format(Front, waiver, "Nothing.")), "r-4.3-p2-s1");
        Assert.Equal(CoverageStatus.Waived, waived.Status);
        Assert.Equal("Single participant; stopping is at the investigator's discretion.", waived.WaiverJustification);

        RequirementCoverage marked = Coverage(Checker.Check(string.Format(Front, "", "See the DMC charter.\n<!-- gg:addresses cde:r-4.3-p2-s1 -->")), "r-4.3-p2-s1");
        Assert.Equal(CoverageStatus.Addressed, marked.Status);
        Assert.Equal("4.3 Trial Stopping Rules", Assert.Single(marked.Evidence).Section!.Heading);
    }

    [Fact]
    public void The_profile_says_which_features_were_declared_and_which_detected_and_where()
    {
        CheckReport report = Checker.Check(string.Format(Front, "", "Infants under 6 months are dosed one at a time."));
        Assert.Equal(ResolvedProfileFeature.Declared, Assert.Single(report.Profile, p => p.Feature.Id == "intrathecal").Source);
        ResolvedProfileFeature infants = Assert.Single(report.Profile, p => p.Feature.Id == "infants");
        Assert.Equal(ResolvedProfileFeature.Detected, infants.Source);
        Assert.Equal((14, 1), (infants.Found[0].Start.Line, infants.Found[0].Start.Column));
        // Informative sentences are not obligations, so they are never findings.
        Assert.DoesNotContain(report.Requirements, r => r.Applicable.Requirement.Modality == Requirements.Modality.Informative);
    }

    [Fact]
    public void An_unknown_declared_feature_is_an_error_at_its_word()
    {
        ProtocolDocument document = MarkdownProtocolReader.Read("---\nguidelinegraph:\n  features: [AAV9, intrathekal]\n---\n# 1 Summary\n", "p.md").Document!;
        DocumentError error = Assert.Single(Checker.Instance.Check(document).Errors);
        Assert.Equal(3, error.Span!.Value.Start.Line);
        Assert.Contains("did you mean intrathecal", error.Message);
    }

    [Fact]
    public void The_matrix_has_a_row_per_requirement_and_a_heat_map_cell_per_M11_chapter_and_guideline_section()
    {
        CheckReport report = Checker.Check(string.Format(Front, "", "Stopping rules are reviewed by the DSMB."));
        TraceabilityMatrix matrix = TraceabilityMatrix.Build(report);
        Assert.Equal(report.Requirements.Count, matrix.Rows.Count);
        TraceabilityRow row = Assert.Single(matrix.Rows, r => r.RequirementId == "r-4.3-p2-s1");
        Assert.Equal("4.3 ¶2", row.Clause);
        Assert.Equal("4.3 Trial Stopping Rules (line 12)", row.SectionsText);
        HeatCell cell = matrix.Cell("4", "4.3");
        Assert.True(cell.Addressed >= 1);
        Assert.Equal(matrix.Rows.Count(r => r.GuidelineSection == "4.3" && r.M11Sections.Any(s => s.Split('.')[0] == "4")), cell.Total);
        string csv = MatrixWriters.ToString(MatrixWriters.WriteCsv, matrix);
        Assert.StartsWith("Clause,Requirement,Modality,Quote (zh),Quote (en),Control,Status,Protocol sections,Evidence\r\n", csv);
        Assert.Equal(matrix.Rows.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        string html = MatrixWriters.ToString(MatrixWriters.WriteHtml, matrix);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html);
        Assert.Contains("<tr class=\"addressed\">", html);
    }
}
