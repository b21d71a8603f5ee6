using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Derivations;

/// <summary>
/// One way a fact was derived: a rule, the terms bound to its variables (in <see cref="Rules.Rule.Variables"/>
/// order) and the facts matched by its positive atoms (in body order). Facts are decoded triples because fact ids
/// are private to a layer of the materialisation.
/// </summary>
public sealed record Derivation(Rule Rule, ImmutableArray<Term> Bindings, ImmutableArray<Triple> Premises, Triple Conclusion)
{
    public RuleId RuleId => Rule.Id;

    /// <summary>A canonical one-line form, equal for equal derivations.</summary>
    public override string ToString()
    {
        var vars = Rule.Variables;
        var bindings = string.Join(", ", vars.Select((v, i) => $"{v}={Bindings[i]}"));
        return $"{Rule.Id} {{{bindings}}} : {string.Join(" ", Premises)} => {Conclusion}";
    }
}

/// <summary>
/// A proof: a fact with the derivation chosen for it and the proofs of its premises. An asserted (input)
/// fact has no derivation. Below the root, each fact shows its shortest well-founded derivation, so the tree is
/// finite even when derivations are cyclic.
/// </summary>
public sealed record ProofNode(Triple Fact, Derivation? Derivation, ImmutableArray<ProofNode> Premises)
{
    public bool Asserted => Derivation is null;
}
