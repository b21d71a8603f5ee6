using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Guidance.Trace;

/// <summary>A protocol section a row points to, with the line of its heading (or of the evidence).</summary>
public sealed record SectionReference(string Heading, int Line);

/// <summary>One requirement of the guideline against the protocol: where it comes from, its status, where and what the evidence is.</summary>
public sealed record TraceabilityRow(
    string Clause,
    string RequirementId,
    string Modality,
    string QuoteZh,
    string QuoteEn,
    string Control,
    CoverageStatus Status,
    IReadOnlyList<SectionReference> Sections,
    IReadOnlyList<string> Evidence,
    string? WaiverJustification,
    IReadOnlyList<string> M11Sections)
{
    public string StatusName => Status.ToString().ToLowerInvariant();

    /// <summary>"8.4 Safety Assessments (line 75); …", or "document start" when the protocol has no section for it.</summary>
    public string SectionsText => Sections.Count == 0 ? "document start" : string.Join("; ", Sections.Select(s => $"{s.Heading} (line {s.Line})"));

    public string EvidenceText => string.Join(" | ", Evidence);

    /// <summary>The guideline section of the clause: "3.5" of "3.5 ¶3".</summary>
    public string GuidelineSection => Clause.Split(' ')[0];
}

/// <summary>Counts of statuses in one cell of the heat map.</summary>
public sealed record HeatCell(int Addressed, int Missing, int Waived)
{
    public int Total => Addressed + Missing + Waived;
}

/// <summary>
/// The traceability matrix of a checked protocol: rows are guideline clauses and requirements; columns the status,
/// the protocol sections with line references, and the evidence. Used by <c>gg trace</c> and the language server.
/// The heat map counts requirements per ICH M11 chapter (rows) and guideline section (columns).
/// </summary>
public sealed class TraceabilityMatrix
{
    public static readonly IReadOnlyList<string> Columns =
        ["Clause", "Requirement", "Modality", "Quote (zh)", "Quote (en)", "Control", "Status", "Protocol sections", "Evidence"];

    private TraceabilityMatrix(string? document, IReadOnlyList<TraceabilityRow> rows)
    {
        Document = document;
        Rows = rows;
        GuidelineSections = rows.Select(r => r.GuidelineSection).Distinct().OrderBy(s => s, NaturalComparer.Instance).ToList();
        M11Chapters = rows.SelectMany(Chapters).Distinct().OrderBy(s => s, NaturalComparer.Instance).ToList();
    }

    public string? Document { get; }
    public IReadOnlyList<TraceabilityRow> Rows { get; }
    public IReadOnlyList<string> GuidelineSections { get; }
    public IReadOnlyList<string> M11Chapters { get; }

    /// <summary>The row's cells in <see cref="Columns"/> order, as text.</summary>
    public static IReadOnlyList<string> Cells(TraceabilityRow row) =>
        [row.Clause, row.RequirementId, row.Modality, row.QuoteZh, row.QuoteEn, row.Control,
         row.WaiverJustification is null ? row.StatusName : $"{row.StatusName}: {row.WaiverJustification}", row.SectionsText, row.EvidenceText];

    public HeatCell Cell(string m11Chapter, string guidelineSection)
    {
        var rows = Rows.Where(r => r.GuidelineSection == guidelineSection && Chapters(r).Contains(m11Chapter)).ToList();
        return new HeatCell(rows.Count(r => r.Status == CoverageStatus.Addressed), rows.Count(r => r.Status == CoverageStatus.Missing),
            rows.Count(r => r.Status == CoverageStatus.Waived));
    }

    public static TraceabilityMatrix Build(CheckReport report)
    {
        var rows = new List<TraceabilityRow>();
        foreach (RequirementCoverage coverage in report.Requirements)
        {
            Requirement r = coverage.Applicable.Requirement;
            IReadOnlyList<SectionReference> sections = coverage.Status == CoverageStatus.Addressed
                ? coverage.Evidence.Where(e => e.Section is not null).GroupBy(e => e.Section!)
                    .Select(g => new SectionReference(g.Key.Heading, g.Min(e => e.Line))).ToList()
                : coverage.ExpectedSections.Select(s => new SectionReference(s.Heading, s.HeadingSpan.Start.Line)).ToList();
            rows.Add(new TraceabilityRow(
                r.Clause?.Number ?? r.Number ?? r.Id,
                r.Id,
                r.Modality.ToString().ToLowerInvariant(),
                r.Quote.Zh ?? "",
                r.Quote.En ?? "",
                string.Join("; ", r.Controls.Select(c => c.Label.En ?? c.Id)),
                coverage.Status,
                sections,
                coverage.Evidence.Select(e => $"line {e.Line}: {e.Text}").ToList(),
                coverage.WaiverJustification,
                r.M11Sections));
        }
        return new TraceabilityMatrix(report.Document.Path, rows);
    }

    private static IEnumerable<string> Chapters(TraceabilityRow row) =>
        row.M11Sections.Count == 0 ? ["—"] : row.M11Sections.Select(s => s.Split('.')[0]).Distinct();
}
