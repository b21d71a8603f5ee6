using System.Text;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Guidance.Tests.Coverage;

/// <summary>
/// The language server's path (read the new version against the previous one, index it against the previous index,
/// check) must give exactly the report of a check from scratch, whatever the edit.
/// </summary>
public sealed class IncrementalCheckTests
{
    // Words that move the profile, the evidence or the structure when typed.
    private static readonly string[] Typed =
    [
        "x", " ", "\n", "not ", "will not be monitored ", "intrathecal ", "infants ", "liver function tests ", "ALT and AST ",
        "\n\n## 8.9 Vector Shedding\n\nNot applicable.\n\n", "\n# 9 New chapter\n\n", "不进行", "鞘内注射", "\n```\n", "<!--\n", "]:",
        "\n---\n", "\n- item\n", "| a | b |\n|---|---|\n| 1 | 2 |\n",
    ];

    [Fact]
    public void Random_edits_checked_incrementally_give_the_report_of_a_full_check()
    {
        ProtocolChecker checker = Checker.Instance;
        var random = new Random(20261204);
        string text = LargeProtocol.Markdown(4);
        ProtocolDocument document = MarkdownProtocolReader.Read(text, "p.md").Document!;
        ProtocolIndex index = checker.Index(document);
        for (int edit = 0; edit < 120; edit++)
        {
            text = Edit(text, random);
            document = MarkdownProtocolReader.Read(text, "p.md", document).Document!;
            index = checker.Index(document, index);
            CheckReport incremental = checker.Check(index);

            CheckReport full = checker.Check(MarkdownProtocolReader.Read(text, "p.md").Document!);
            Assert.Equal(Digest(full), Digest(incremental));
        }
    }

    [Fact]
    public void Typing_a_negation_into_evidence_turns_a_requirement_missing_on_the_incremental_path()
    {
        ProtocolChecker checker = Checker.Instance;
        string text = "# 8.4 Safety Assessments and Procedures\n\nALT and AST are measured weekly.\n\n# 5 Trial Population\n\nInfants with SMA type 1 receive AAV9 intrathecally.\n";
        ProtocolDocument before = MarkdownProtocolReader.Read(text, "p.md").Document!;
        ProtocolIndex index = checker.Index(before);
        RequirementCoverage Liver(CheckReport report) => report.Requirements.First(r => r.Applicable.Requirement.Controls.Any(c => c.Id == "liver-function-monitoring"));
        Assert.Equal(CoverageStatus.Addressed, Liver(checker.Check(index)).Status);

        string edited = text.Replace("are measured", "are not measured");
        ProtocolDocument after = MarkdownProtocolReader.Read(edited, "p.md", before).Document!;
        Assert.Equal(CoverageStatus.Missing, Liver(checker.Check(checker.Index(after, index))).Status);
    }

    private static string Edit(string text, Random random)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(4))
        {
            case 0 when text.Length > 0:
            {
                // Delete up to a line's worth, never half a surrogate pair.
                int length = Math.Min(text.Length - at, random.Next(1, 80));
                string edited = text.Remove(at, length);
                return edited.Length > 0 && at < edited.Length && char.IsLowSurrogate(edited[at]) ? edited.Remove(at, 1) : edited;
            }
            case 1:
            {
                // A whole line goes (or comes back elsewhere).
                int start = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
                int end = text.IndexOf('\n', at);
                string line = text[start..(end < 0 ? text.Length : end + 1)];
                string without = text.Remove(start, line.Length);
                return random.Next(2) == 0 ? without : without.Insert(random.Next(without.Length + 1), line);
            }
            default:
                if (at < text.Length && char.IsLowSurrogate(text[at])) at--;
                return text.Insert(at, Typed[random.Next(Typed.Length)]);
        }
    }

    private static string Digest(CheckReport report)
    {
        var digest = new StringBuilder();
        foreach (ResolvedProfileFeature f in report.Profile) digest.Append($"P {f.Feature.Id} {f.Source} {string.Join(',', f.Found)}\n");
        foreach (RequirementCoverage c in report.Requirements)
        {
            digest.Append($"R {c.Applicable.Requirement.Id} {c.Status} {c.WaiverJustification} {string.Join(',', c.ExpectedSections.Select(s => s.Index + ":" + s.Heading))}\n");
            foreach (Evidence e in c.Evidence) digest.Append($"  E {e.Section?.Index} {e.Line} {e.Span} {e.Text}\n");
        }
        foreach (DocumentError e in report.Errors) digest.Append($"X {e.Span} {e.Message}\n");
        return digest.ToString();
    }
}
