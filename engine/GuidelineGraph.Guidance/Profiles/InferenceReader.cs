using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>
/// Reads a profile's result out of a materialised model: the held features, the requirements the reasoner derived,
/// and for each its derivations translated into the domain's terms. Premises are recognised by their predicate
/// (the gg: profile terms of ontology/rules/README.md), never by rule names, so rules stay data.
/// </summary>
internal sealed class InferenceReader(ProfileInference owner, Materialization model)
{
    private static readonly Iri Profile = ProfileInference.ProfileNode;
    private readonly Dictionary<Term, HeldFeature> _held = [];
    private readonly Dictionary<Term, List<(HeldFeature Feature, ClauseReference? Clause)>> _exposures = [];
    private readonly Dictionary<Term, SatisfiedCondition> _satisfied = [];

    public InferenceResult Read(Guideline? guideline)
    {
        var features = model.Match(Profile, GuidelineTerms.HoldsFeature, null).Select(t => Feature(t.Object))
            .OrderBy(f => f.Asserted ? 0 : 1).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var requirements = new List<(ApplicableRequirement Applicable, int Order)>();
        foreach (Triple requires in model.Match(Profile, GuidelineTerms.Requires, null))
        {
            if (requires.Object is not Iri iri || !owner.TryRequirement(iri.Value, out Requirement requirement, out Guideline of, out int order)) continue;
            if (guideline is not null && of.Iri != guideline.Iri) continue;
            requirements.Add((new ApplicableRequirement(requirement, Derive(requires, requirement)), order));
        }
        var inferred = model.Match(Profile, null, null).ToList();
        return new InferenceResult(features, [.. requirements.OrderBy(r => r.Order).Select(r => r.Applicable)]) { Inferred = inferred };
    }

    private RequirementDerivation Derive(Triple requires, Requirement requirement)
    {
        var conditions = model.DerivationsOf(requires).Select(Condition).OrderBy(c => c.Rule, StringComparer.Ordinal).ToList();
        var controls = requirement.Controls.Select(c => new ControlProof(c, Risks(new Iri(c.Iri)))).ToList();
        return new RequirementDerivation(conditions, controls, requirement.Clause);
    }

    private ConditionProof Condition(Derivation derivation)
    {
        var held = new List<HeldFeature>();
        var nested = new List<SatisfiedCondition>();
        foreach (Triple premise in derivation.Premises)
        {
            if (premise.Predicate.Equals(GuidelineTerms.HoldsFeature)) held.Add(Held(premise.Object));
            else if (premise.Predicate.Equals(GuidelineTerms.Satisfies)) nested.Add(Satisfied(premise));
        }
        var absent = derivation.Rule.Negated
            .Where(a => a.Predicate is Constant { Value: Iri p } && p.Equals(GuidelineTerms.HoldsFeature) && a.Object is Constant)
            .Select(a => Feature(((Constant)a.Object).Value) with { Asserted = false }).ToList();
        return new ConditionProof(derivation.Rule.Id.Value, derivation.Rule.Source is { } source ? owner.Text.Clause(source) : null,
            held.Count == 0 && nested.Count == 0, held, nested, absent);
    }

    private SatisfiedCondition Satisfied(Triple satisfies)
    {
        if (_satisfied.TryGetValue(satisfies.Object, out var known)) return known;
        var result = new SatisfiedCondition(ConditionName(satisfies.Object), [.. model.DerivationsOf(satisfies).Select(Condition)]);
        _satisfied[satisfies.Object] = result;
        return result;
    }

    private static string ConditionName(Term condition) => condition is Iri ? GuidelineCatalog.LocalName(condition) : condition.ToString();

    /// <summary>The first premise with this predicate, or null.</summary>
    private static Triple? Premise(Derivation derivation, Iri predicate)
    {
        foreach (Triple premise in derivation.Premises) if (premise.Predicate.Equals(predicate)) return premise;
        return null;
    }

    private ProfileFeature Feature(Term feature)
    {
        bool asserted = model.IsAsserted(new Triple(Profile, GuidelineTerms.HasFeature, feature));
        return owner.FeatureByIri(feature is Iri iri ? iri.Value : "") is { } known
            ? owner.ToProfileFeature(known, asserted)
            : new ProfileFeature(GuidelineCatalog.LocalName(feature), owner.Text.Label(feature), asserted) { Iri = feature.ToString() };
    }

    /// <summary>How the profile holds a feature: one path per derivation of (profile gg:holdsFeature f).</summary>
    private HeldFeature Held(Term feature)
    {
        if (_held.TryGetValue(feature, out var known)) return known;
        var paths = new List<FeaturePath>();
        foreach (Derivation d in model.DerivationsOf(new Triple(Profile, GuidelineTerms.HoldsFeature, feature)))
        {
            if (Premise(d, GuidelineTerms.HasFeature) is not { } asserted) continue;
            Term start = asserted.Object;
            Triple link = d.Premises.FirstOrDefault(p => p.Subject.Equals(start) && p.Object.Equals(feature));
            IReadOnlyList<Term> chain = start.Equals(feature) || link.Predicate is null ? [start] : owner.HierarchyChains.GetOrAdd(link, Chain);
            paths.Add(new FeaturePath([.. chain.Select(Feature)]));
        }
        var result = new HeldFeature(Feature(feature), [.. paths.OrderBy(p => p.Steps.Count).ThenBy(p => p.Asserted.Id, StringComparer.Ordinal)]);
        _held[feature] = result;
        return result;
    }

    /// <summary>
    /// The steps of a hierarchy link (f broaderTransitive g): the asserted feature-to-feature facts at the leaves of
    /// its shortest proof, read left to right, which for a transitive chain is the path from f to g.
    /// </summary>
    private IReadOnlyList<Term> Chain(Triple link)
    {
        var steps = new List<Term> { link.Subject };
        // Of the ways to prove the link, the one with fewest asserted steps is the shortest path.
        ProofNode? proof = model.Explain(link).Where(p => !p.Asserted).MinBy(p => Leaves(p).Count());
        if (proof is null) return [link.Subject, link.Object];
        foreach (Triple leaf in Leaves(proof))
        {
            if (leaf.Subject.Equals(steps[^1]) && owner.FeatureByIri(leaf.Object is Iri o ? o.Value : "") is not null && !steps.Contains(leaf.Object))
                steps.Add(leaf.Object);
        }
        if (!steps[^1].Equals(link.Object)) return [link.Subject, link.Object];
        return steps;
    }

    private static IEnumerable<Triple> Leaves(ProofNode node) =>
        node.Premises.IsEmpty ? (node.Asserted ? [node.Fact] : []) : node.Premises.SelectMany(Leaves);

    /// <summary>The profile's risks a control mitigates: every (mitigation derivation × exposure derivation) pair.</summary>
    private List<RiskProof> Risks(Iri control)
    {
        var risks = new List<RiskProof>();
        foreach (Derivation mitigation in model.DerivationsOf(new Triple(Profile, GuidelineTerms.MitigationFor, control)))
        {
            if (Premise(mitigation, GuidelineTerms.ExposedTo) is not { } exposed) continue;
            Term risk = exposed.Object;
            ClauseReference? mitigationClause = CitedClause(mitigation);
            foreach (var (feature, riskClause) in Exposures(exposed))
                risks.Add(new RiskProof(GuidelineCatalog.LocalName(risk), owner.Text.Label(risk), feature, riskClause, mitigationClause));
        }
        return [.. risks.OrderBy(r => r.RiskId, StringComparer.Ordinal).ThenBy(r => r.RaisedBy.Feature.Id, StringComparer.Ordinal)
            .ThenBy(r => r.MitigationClause?.Id, StringComparer.Ordinal).ThenBy(r => r.RiskClause?.Id, StringComparer.Ordinal)];
    }

    private List<(HeldFeature Feature, ClauseReference? Clause)> Exposures(Triple exposed)
    {
        if (_exposures.TryGetValue(exposed.Object, out var known)) return known;
        var result = new List<(HeldFeature, ClauseReference?)>();
        foreach (Derivation exposure in model.DerivationsOf(exposed))
        {
            if (Premise(exposure, GuidelineTerms.HoldsFeature) is { } holds) result.Add((Held(holds.Object), CitedClause(exposure)));
        }
        _exposures[exposed.Object] = result;
        return result;
    }

    private static readonly Iri CitesClause = new(GuidelineTerms.Namespace + "citesClause");

    private ClauseReference? CitedClause(Derivation derivation) =>
        derivation.Premises.Where(p => p.Predicate.Equals(CitesClause)).Select(p => owner.Text.Clause(p.Object)).FirstOrDefault();
}
