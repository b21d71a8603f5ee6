using System.Text.Json.Nodes;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Tests.Detection;
using GuidelineGraph.Guidance.Tests.Documents;
using Xunit.Abstractions;

namespace GuidelineGraph.Guidance.Tests.Coverage;

/// <summary>
/// The examples judged by hand (examples/protocols/*.judged.json: every applicable requirement with "addressed",
/// "missing" or "waived" and a reason): the checker applies exactly the judged requirements, disagrees with the
/// judgement only where the file says it does (on Markdown and on the Word rendering), and the precision and recall
/// of its "missing" findings over the examples are at least 0.9. An example judged "blind" (written and judged
/// before the checker ever ran on it) is reported apart: it is the honest generalisation figure.
/// </summary>
public sealed class ExampleCoverageTests(ITestOutputHelper output)
{
    private const double Floor = 0.9;

    private static IEnumerable<string> JudgedFiles() =>
        Directory.EnumerateFiles(Graph.ExamplesDirectory, "*.judged.json")
            .Select(f => Path.GetFileName(f).Replace(".judged.json", ".md")).Order(StringComparer.Ordinal);

    public static TheoryData<string> Judged() => new(JudgedFiles());

    private sealed record Judgement(Dictionary<string, string> Status, HashSet<string> KnownFalseMissing, HashSet<string> KnownFalseAddressed, bool Blind)
    {
        public static Judgement Of(string file)
        {
            JsonNode judged = JsonNode.Parse(File.ReadAllText(Path.Combine(Graph.ExamplesDirectory, file.Replace(".md", ".judged.json"))))!;
            var status = judged["requirements"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["status"]!.GetValue<string>());
            Assert.All(status.Values, s => Assert.Contains(s, new[] { "addressed", "missing", "waived" }));
            return new Judgement(status, Ids(judged["knownFalseMissing"]), Ids(judged["knownFalseAddressed"]), judged["blind"]?.GetValue<bool>() ?? false);
        }

        private static HashSet<string> Ids(JsonNode? list) => list?.AsArray().Select(n => n!.GetValue<string>()).ToHashSet() ?? [];
    }

    private sealed record Outcome(int TruePositives, int FalsePositives, int FalseNegatives, List<string> FalseMissing, List<string> FalseAddressed)
    {
        public static Outcome operator +(Outcome a, Outcome b) =>
            new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives, [], []);

        public double Precision => TruePositives / (double)(TruePositives + FalsePositives);
        public double Recall => TruePositives / (double)(TruePositives + FalseNegatives);
        public override string ToString() =>
            $"precision {Precision:F3} ({TruePositives}/{TruePositives + FalsePositives}), recall {Recall:F3} ({TruePositives}/{TruePositives + FalseNegatives})";
    }

    private static readonly Outcome None = new(0, 0, 0, [], []);

    private static Outcome Compare(string file, Judgement judgement, bool word)
    {
        string path = Path.Combine(Graph.ExamplesDirectory, file);
        ProtocolReadResult read = word
            ? ProtocolReader.Read(DocxWriter.FromMarkdown(File.ReadAllText(path)), Path.ChangeExtension(file, ".docx"))
            : ProtocolReader.ReadFile(path);
        Assert.Empty(read.Errors);
        CheckReport report = Checker.Instance.Check(read.Document!);
        Assert.Empty(report.Errors);
        // The judgement covers exactly what the guideline asks of this profile: a changed ontology shows up here.
        Assert.Equal(judgement.Status.Keys.Order(StringComparer.Ordinal), report.Requirements.Select(r => r.Applicable.Requirement.Id).Order(StringComparer.Ordinal));
        Assert.Equal(judgement.Status.Where(p => p.Value == "waived").Select(p => p.Key).Order(StringComparer.Ordinal),
            report.Requirements.Where(r => r.Status == CoverageStatus.Waived).Select(r => r.Applicable.Requirement.Id).Order(StringComparer.Ordinal));
        int tp = 0;
        var falseMissing = new List<string>();
        var falseAddressed = new List<string>();
        foreach (RequirementCoverage c in report.Requirements.Where(r => r.Status != CoverageStatus.Waived))
        {
            string id = c.Applicable.Requirement.Id;
            bool reallyMissing = judgement.Status[id] == "missing";
            if (c.Status == CoverageStatus.Missing && reallyMissing) tp++;
            else if (c.Status == CoverageStatus.Missing) falseMissing.Add(id);
            else if (reallyMissing) falseAddressed.Add(id);
        }
        return new Outcome(tp, falseMissing.Count, falseAddressed.Count, falseMissing, falseAddressed);
    }

    [Theory]
    [MemberData(nameof(Judged))]
    public void The_checker_disagrees_with_the_judgement_only_where_known(string file)
    {
        Judgement judgement = Judgement.Of(file);
        foreach (bool word in new[] { false, true })
        {
            Outcome o = Compare(file, judgement, word);
            Assert.Equal(judgement.KnownFalseMissing.Order(StringComparer.Ordinal), o.FalseMissing.Order(StringComparer.Ordinal));
            Assert.Equal(judgement.KnownFalseAddressed.Order(StringComparer.Ordinal), o.FalseAddressed.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Missing_findings_have_precision_and_recall_of_at_least_0_9()
    {
        Outcome tuned = None, blind = None;
        foreach (string file in JudgedFiles())
        {
            Judgement judgement = Judgement.Of(file);
            Outcome o = Compare(file, judgement, word: false);
            output.WriteLine($"{file}{(judgement.Blind ? " (blind)" : "")}: {o}");
            if (judgement.Blind) blind += o;
            else tuned += o;
        }
        output.WriteLine($"overall, examples the vocabulary was tuned on: {tuned}");
        if (blind.TruePositives + blind.FalsePositives + blind.FalseNegatives > 0) output.WriteLine($"overall, blind examples: {blind}");
        Outcome all = tuned + blind;
        output.WriteLine($"overall, every example: {all}");
        Assert.True(tuned.TruePositives > 0);
        Assert.True(all.Precision >= Floor, $"precision {all}");
        Assert.True(all.Recall >= Floor, $"recall {all}");
    }
}
