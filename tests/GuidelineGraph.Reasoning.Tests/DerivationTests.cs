using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Evaluation;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

public class DerivationTests
{
    private static Materialization TwoProofs() => new(Program("""
        @source <http://example.org/clause/7>
        [cax-sco: (?x rdf:type ?d) <- (?c rdfs:subClassOf ?d), (?x rdf:type ?c)]
        """), [
        T("Dog", "rdfs:subClassOf", "Pet"),
        T("Cat", "rdfs:subClassOf", "Pet"),
        T("tom", "rdf:type", "Dog"),
        T("tom", "rdf:type", "Cat"),
    ]);

    [Fact]
    public void A_fact_with_two_proofs_records_both()
    {
        var model = TwoProofs();
        var derivations = model.DerivationsOf(T("tom", "rdf:type", "Pet"));
        Assert.Equal(2, derivations.Count);
        var viaDog = derivations.Single(d => d.Premises.Contains(T("tom", "rdf:type", "Dog")));
        Assert.Equal([T("Dog", "rdfs:subClassOf", "Pet"), T("tom", "rdf:type", "Dog")], viaDog.Premises.ToArray());
        // Bindings follow the rule's variable order: ?x, ?d, ?c.
        Assert.Equal(["x", "d", "c"], viaDog.Rule.Variables.Select(v => v.Name));
        Assert.Equal([I("tom"), I("Pet"), I("Dog")], viaDog.Bindings.ToArray());
        Assert.Empty(model.DerivationsOf(T("tom", "rdf:type", "Dog")));
        Assert.True(model.IsAsserted(T("tom", "rdf:type", "Dog")));

        // Taking one support away keeps the fact with the other derivation only.
        model.Remove([T("tom", "rdf:type", "Cat")]);
        Assert.Equal(viaDog.ToString(), Assert.Single(model.DerivationsOf(T("tom", "rdf:type", "Pet"))).ToString());
    }

    [Fact]
    public void Proof_renders_as_an_indented_tree_ending_at_the_source()
    {
        var model = new Materialization(Program("""
            @source <http://example.org/clause/3>
            [chain: (?x ex:needs ?c) <- (?x ex:has ?f), (?f ex:raises ?r), (?r ex:mitigatedBy ?c)]
            [sub: (?x ex:has ?g) <- (?x ex:has ?f), (?f ex:broader ?g)]
            """), [
            T("p1", "has", "aav9"), T("aav9", "broader", "aav"), T("aav", "raises", "immunity"), T("immunity", "mitigatedBy", "screening"),
        ]);
        var proofs = model.Explain(T("p1", "needs", "screening"));
        var prefixes = new Dictionary<string, string> { ["ex"] = Ex };
        Assert.Equal("""
            ex:p1 ex:needs ex:screening  [chain, source ex:clause/3]
              ex:p1 ex:has ex:aav  [sub]
                ex:p1 ex:has ex:aav9  [asserted]
                ex:aav9 ex:broader ex:aav  [asserted]
              ex:aav ex:raises ex:immunity  [asserted]
              ex:immunity ex:mitigatedBy ex:screening  [asserted]

            """.Replace("\r", ""), ProofRendering.ToText(Assert.Single(proofs), prefixes));
    }

    [Fact]
    public void Proof_of_a_fact_with_two_derivations_gives_two_trees_and_asserted_leaf()
    {
        var model = TwoProofs();
        model.Add([T("tom", "rdf:type", "Pet")]);
        var proofs = model.Explain(T("tom", "rdf:type", "Pet"));
        Assert.Equal(3, proofs.Length);
        Assert.True(proofs[0].Asserted);
        Assert.All(proofs.Skip(1), p => Assert.Equal("cax-sco", p.Derivation!.Rule.Id.Value));
        Assert.Empty(model.Explain(T("tom", "rdf:type", "Fish")));
    }

    [Fact]
    public void Proof_of_a_cyclic_fact_is_finite()
    {
        var model = new Materialization(Program("[trans: (?x ex:p ?z) <- (?x ex:p ?y), (?y ex:p ?z)]"),
            [T("a", "p", "b"), T("b", "p", "a")]);
        // a p a also has the derivation (a p a), (a p a): recorded, but no proof.
        Assert.Equal(2, model.DerivationsOf(T("a", "p", "a")).Count);
        var proof = Assert.Single(model.Explain(T("a", "p", "a")));
        Assert.Equal(2, proof.Premises.Length);
        Assert.All(proof.Premises, p => Assert.True(p.Asserted));
        // a p b is asserted; its two derivations both use it.
        Assert.Equal(2, model.DerivationsOf(T("a", "p", "b")).Count);
        Assert.True(Assert.Single(model.Explain(T("a", "p", "b"))).Asserted);
    }

    [Fact]
    public void Provenance_is_prov_o_with_qualified_derivations_and_the_rule_plan()
    {
        var model = TwoProofs();
        var prov = ProofRendering.ToProvenance(model.Explain(T("tom", "rdf:type", "Pet")));
        const string P = "http://www.w3.org/ns/prov#";
        int Count(string p, Term? o = null) => prov.Count(t => t.Predicate.Value == p && (o is null || t.Object.Equals(o)));
        Assert.Equal(2, Count(P + "wasGeneratedBy"));
        Assert.Equal(4, Count(P + "wasDerivedFrom"));
        Assert.Equal(4, Count(P + "qualifiedDerivation"));
        Assert.Equal(4, Count(P + "hadActivity"));
        Assert.Equal(2, Count(P + "hadPlan", new Iri("https://w3id.org/guidelinegraph/rule/cax-sco")));
        Assert.Equal(1, Count("http://purl.org/dc/terms/source", new Iri("http://example.org/clause/7")));
        // Five statements: the conclusion and four distinct premises.
        Assert.Equal(5, Count(Vocab.Rdf.Type.Value, Vocab.Rdf.Statement));
    }
}
