using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Coverage;

public enum CoverageStatus { Addressed, Missing, Waived }

/// <summary>What shows a requirement is addressed (or waived): the section, the line, and the sentence or marker.</summary>
public sealed record Evidence(ProtocolSection? Section, int Line, string Text, SourceSpan Span);

/// <summary>
/// One applicable requirement on one protocol: its status, the evidence, the protocol sections where the text belongs
/// (mapped to the requirement's ICH M11 sections; empty means the document start) and a waiver's justification.
/// </summary>
public sealed record RequirementCoverage(ApplicableRequirement Applicable, CoverageStatus Status, IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<ProtocolSection> ExpectedSections, string? WaiverJustification);

/// <summary>A feature of the protocol's profile: declared in the front matter, or detected in the text (with where).</summary>
public sealed record ResolvedProfileFeature(ProfileFeature Feature, string Source, IReadOnlyList<SourceSpan> Found)
{
    public const string Declared = "declared";
    public const string Detected = "detected";
}

/// <summary>A checked protocol: its profile, the coverage of every applicable requirement, and the problems found in the document.</summary>
public sealed record CheckReport(ProtocolDocument Document, IReadOnlyList<ResolvedProfileFeature> Profile,
    IReadOnlyList<RequirementCoverage> Requirements, IReadOnlyList<DocumentError> Errors)
{
    public int Count(CoverageStatus status) => Requirements.Count(r => r.Status == status);
}
