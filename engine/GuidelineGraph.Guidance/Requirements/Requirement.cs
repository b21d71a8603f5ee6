namespace GuidelineGraph.Guidance.Requirements;

/// <summary>A text in English and Chinese; either may be missing.</summary>
public sealed record BilingualText(string? En, string? Zh);

public enum Modality { Shall, Should, May, Informative }

public sealed record Guideline(string Iri, string Identifier, BilingualText Title, string? Publisher, string? Issued, BilingualText Status);

public sealed record ClauseReference(string Iri, string Id, string? Number);

public sealed record ControlReference(string Iri, string Id, BilingualText Label);

/// <summary>
/// When a requirement applies: <see cref="Always"/>, or every AllOf member, at least one AnyOf member
/// (when there are any) and no NoneOf member hold. A member is a feature id (ggf: local name) or a
/// nested condition.
/// </summary>
public sealed record Condition(bool Always, IReadOnlyList<ConditionMember> AllOf, IReadOnlyList<ConditionMember> AnyOf, IReadOnlyList<ConditionMember> NoneOf)
{
    public static readonly Condition AlwaysApplies = new(true, [], [], []);
}

public sealed record ConditionMember(string? Feature, Condition? Nested);

public sealed record Requirement(
    string Iri,
    string Id,
    string? Number,
    Modality Modality,
    BilingualText Quote,
    ClauseReference? Clause,
    IReadOnlyList<ControlReference> Controls,
    IReadOnlyList<string> M11Sections,
    Condition Condition);
