using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>A feature the profile holds: asserted, or derived from an asserted one through the hierarchy.</summary>
public sealed record ProfileFeature(string Id, BilingualText Label, bool Asserted)
{
    public string Iri { get; init; } = "";
}

/// <summary>A requirement that applies to the profile, with why.</summary>
public sealed record ApplicableRequirement(Requirement Requirement, RequirementDerivation Derivation);

/// <summary>
/// What a profile implies: the features it holds (asserted first) and the requirements that apply, in the
/// guideline's reading order. <see cref="Inferred"/> is the inferred graph about the profile node
/// <see cref="ProfileInference.ProfileNode"/> (gg:holdsFeature, gg:requires, gg:needsControl, gg:exposedTo,
/// gg:mitigationFor), ready to be written as RDF.
/// </summary>
public sealed record InferenceResult(IReadOnlyList<ProfileFeature> Features, IReadOnlyList<ApplicableRequirement> Requirements)
{
    public IReadOnlyList<Triple> Inferred { get; init; } = [];

    /// <summary>The inferred graph with the profile node renamed, so it joins the caller's own profile resource.</summary>
    public IEnumerable<Triple> InferredAbout(Term profile) =>
        Inferred.Select(t => t.Subject.Equals(ProfileInference.ProfileNode) ? t with { Subject = profile } : t);
}

/// <summary>
/// Why a requirement applies: every way its condition holds (one per derivation the reasoner recorded), for each
/// demanded control the risks of this profile it mitigates, and the clause the rule comes from.
/// </summary>
public sealed record RequirementDerivation(IReadOnlyList<ConditionProof> Conditions, IReadOnlyList<ControlProof> Controls, ClauseReference? Clause);

/// <summary>
/// One derivation of a condition: the rule (compiled from gg:appliesWhen, its source the clause), the features
/// it matched and how each is held, nested conditions it needed, and the features whose absence it relied on
/// (gg:noneOf). <see cref="Always"/> when the condition asks for nothing (gg:Always).
/// </summary>
public sealed record ConditionProof(string Rule, ClauseReference? Source, bool Always, IReadOnlyList<HeldFeature> Features,
    IReadOnlyList<SatisfiedCondition> Nested, IReadOnlyList<ProfileFeature> Absent);

/// <summary>A nested gg:Condition that holds, with every derivation of it.</summary>
public sealed record SatisfiedCondition(string Condition, IReadOnlyList<ConditionProof> Ways);

/// <summary>A held feature and every way the profile holds it.</summary>
public sealed record HeldFeature(ProfileFeature Feature, IReadOnlyList<FeaturePath> Paths);

/// <summary>From an asserted feature up the hierarchy (skos:broader) to the held one; one step when asserted.</summary>
public sealed record FeaturePath(IReadOnlyList<ProfileFeature> Steps)
{
    public ProfileFeature Asserted => Steps[0];
}

/// <summary>A control a requirement demands, and the risks of the profile it mitigates (empty when none is linked).</summary>
public sealed record ControlProof(ControlReference Control, IReadOnlyList<RiskProof> Risks);

/// <summary>
/// feature → risk → control: the profile holds <see cref="RaisedBy"/>, which raises the risk (a gg:RiskLink citing
/// <see cref="RiskClause"/>), and the control mitigates it (a gg:MitigationLink citing <see cref="MitigationClause"/>).
/// </summary>
public sealed record RiskProof(string RiskId, BilingualText RiskLabel, HeldFeature RaisedBy, ClauseReference? RiskClause, ClauseReference? MitigationClause);
