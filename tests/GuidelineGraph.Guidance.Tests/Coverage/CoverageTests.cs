using System.Text.Json.Nodes;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Tests.Detection;
using GuidelineGraph.Guidance.Tests.Documents;
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

/// <summary>
/// The examples' hand-judged coverage (the "coverage" object of *.expected.json): the checker's disagreements are
/// exactly the listed known ones, on Markdown and on the Word rendering, and the precision and recall of
/// "missing" over all judged examples are at least 0.9.
/// </summary>
public sealed class ExampleCoverageTests
{
    private static IEnumerable<string> JudgedFiles() =>
        Directory.EnumerateFiles(Graph.ExamplesDirectory, "*.expected.json")
            .Where(f => JsonNode.Parse(File.ReadAllText(f))!["coverage"] is not null)
            .Select(f => Path.GetFileName(f).Replace(".expected.json", ".md")).Order(StringComparer.Ordinal);

    public static TheoryData<string> Judged() => new(JudgedFiles());

    private sealed record Outcome(int TruePositives, int FalsePositives, int FalseNegatives);

    private static (Outcome, List<string> FalseMissing, List<string> FalseAddressed) Compare(string file, bool word)
    {
        string path = Path.Combine(Graph.ExamplesDirectory, file);
        ProtocolReadResult read = word
            ? ProtocolReader.Read(DocxWriter.FromMarkdown(File.ReadAllText(path)), Path.ChangeExtension(file, ".docx"))
            : ProtocolReader.ReadFile(path);
        Assert.Empty(read.Errors);
        CheckReport report = Checker.Instance.Check(read.Document!);
        Assert.Empty(report.Errors);
        JsonNode judged = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(path, null) + ".expected.json"))!["coverage"]!;
        HashSet<string> addressed = Ids(judged["addressed"]), waived = Ids(judged["waived"]);
        Assert.Equal(waived.Order(), report.Requirements.Where(r => r.Status == CoverageStatus.Waived).Select(r => r.Applicable.Requirement.Id).Order());
        int tp = 0;
        var falseMissing = new List<string>();
        var falseAddressed = new List<string>();
        foreach (RequirementCoverage c in report.Requirements.Where(r => r.Status != CoverageStatus.Waived))
        {
            string id = c.Applicable.Requirement.Id;
            bool reallyMissing = !addressed.Contains(id);
            if (c.Status == CoverageStatus.Missing && reallyMissing) tp++;
            else if (c.Status == CoverageStatus.Missing) falseMissing.Add(id);
            else if (reallyMissing) falseAddressed.Add(id);
        }
        return (new Outcome(tp, falseMissing.Count, falseAddressed.Count), falseMissing, falseAddressed);
    }

    private static HashSet<string> Ids(JsonNode? list) => list?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];

    [Theory]
    [MemberData(nameof(Judged))]
    public void The_checker_disagrees_with_the_judgement_only_where_known(string file)
    {
        JsonNode judged = JsonNode.Parse(File.ReadAllText(Path.Combine(Graph.ExamplesDirectory, file.Replace(".md", ".expected.json"))))!["coverage"]!;
        foreach (bool word in new[] { false, true })
        {
            var (_, falseMissing, falseAddressed) = Compare(file, word);
            Assert.Equal(Ids(judged["knownFalseMissing"]).Order(), falseMissing.Order());
            Assert.Equal(Ids(judged["knownFalseAddressed"]).Order(), falseAddressed.Order());
        }
    }

    [Fact]
    public void Missing_findings_have_precision_and_recall_of_at_least_0_9()
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (string file in JudgedFiles())
        {
            Outcome o = Compare(file, word: false).Item1;
            (tp, fp, fn) = (tp + o.TruePositives, fp + o.FalsePositives, fn + o.FalseNegatives);
        }
        double precision = tp / (double)(tp + fp), recall = tp / (double)(tp + fn);
        Console.WriteLine($"missing findings: precision {precision:F3} ({tp}/{tp + fp}), recall {recall:F3} ({tp}/{tp + fn})");
        Assert.True(tp > 0);
        Assert.True(precision >= 0.9, $"precision {precision:F3}");
        Assert.True(recall >= 0.9, $"recall {recall:F3}");
    }
}
