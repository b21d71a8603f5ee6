using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.RuleSets;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

public class ClosureTests
{
    [Fact]
    public void Subclass_and_subproperty_closure_on_a_small_graph()
    {
        var program = Program("""
            [rdfs7:  (?x ?q ?y) <- (?p rdfs:subPropertyOf ?q), (?x ?p ?y)]
            [rdfs9:  (?x rdf:type ?d) <- (?c rdfs:subClassOf ?d), (?x rdf:type ?c)]
            [rdfs11: (?c rdfs:subClassOf ?e) <- (?c rdfs:subClassOf ?d), (?d rdfs:subClassOf ?e)]
            """);
        var input = new[]
        {
            T("Dog", "rdfs:subClassOf", "Mammal"),
            T("Mammal", "rdfs:subClassOf", "Animal"),
            T("rex", "rdf:type", "Dog"),
            T("hasPuppy", "rdfs:subPropertyOf", "hasChild"),
            T("rex", "hasPuppy", "fido"),
        };
        var model = new Materialization(program, input);
        var expected = Lines(input.Concat([
            T("Dog", "rdfs:subClassOf", "Animal"),
            T("rex", "rdf:type", "Mammal"),
            T("rex", "rdf:type", "Animal"),
            T("rex", "hasChild", "fido"),
        ]));
        Assert.Equal(expected, Lines(model.Facts));
        Assert.True(model.IsAsserted(T("rex", "rdf:type", "Dog")));
        Assert.False(model.IsAsserted(T("rex", "rdf:type", "Animal")));
    }

    [Fact]
    public void Rdfs_rule_file_types_by_domain_and_range_and_adds_its_axioms()
    {
        Assert.True(RuleFiles.TryLoad([Path.Combine(RulesDirectory, "rdfs.rules")], out var program, out var errors), string.Join("\n", errors));
        var model = new Materialization(program, [
            T("teaches", "rdfs:domain", "Teacher"),
            T("teaches", "rdfs:range", "Course"),
            T("Teacher", "rdfs:subClassOf", "Person"),
            T("ann", "teaches", "math"),
        ]);
        Assert.True(model.Contains(T("ann", "rdf:type", "Teacher")));
        Assert.True(model.Contains(T("ann", "rdf:type", "Person")));
        Assert.True(model.Contains(T("math", "rdf:type", "Course")));
        // Through the axioms: the subject of a domain statement is a property, subClassOf's terms are classes.
        Assert.True(model.Contains(T("teaches", "rdf:type", "rdf:Property")));
        Assert.True(model.Contains(T("Person", "rdf:type", "rdfs:Class")));
        Assert.True(model.Contains(T("rdfs:subClassOf", "rdfs:domain", "rdfs:Class")));
        // rdfs4a is left out: nothing becomes an rdfs:Resource.
        Assert.False(model.Contains(T("ann", "rdf:type", "rdfs:Resource")));
    }

    [Fact]
    public void Range_over_a_literal_does_not_make_a_literal_subject()
    {
        var program = Program("[rdfs3: (?y rdf:type ?c) <- (?p rdfs:range ?c), (?x ?p ?y)]");
        var model = new Materialization(program, [
            T("age", "rdfs:range", "Number"),
            new Triple(I("ann"), I("age"), new Literal("42", Vocab.Xsd.Integer)),
        ]);
        Assert.Equal(2, model.Count);
    }

    [Fact]
    public void Transitive_property_closes_a_chain_and_a_cycle()
    {
        var program = Program("[prp-trp: (?x ?p ?z) <- (?p rdf:type owl:TransitiveProperty), (?x ?p ?y), (?y ?p ?z)]");
        var model = new Materialization(program, [
            T("partOf", "rdf:type", "owl:TransitiveProperty"),
            T("a", "partOf", "b"), T("b", "partOf", "c"), T("c", "partOf", "d"),
        ]);
        var partOf = model.Match(null, I("partOf"), null).Select(t => ((Iri)t.Subject).Value[^1..] + ((Iri)t.Object).Value[^1..]).Order();
        Assert.Equal(["ab", "ac", "ad", "bc", "bd", "cd"], partOf);

        model.Add([T("d", "partOf", "a")]);
        // A cycle of four: every node reaches every node, itself included.
        Assert.Equal(16, model.Match(null, I("partOf"), null).Count());
    }

    [Fact]
    public void Skos_broader_is_read_transitively_through_broaderTransitive()
    {
        Assert.True(RuleFiles.TryLoadOntologyClosure(RulesDirectory, out var program, out var errors), string.Join("\n", errors));
        var model = new Materialization(program, [
            T("aav9", "skos:broader", "aav"),
            T("aav", "skos:broader", "viral-vector"),
            T("viral-vector", "skos:broader", "gene-therapy-product"),
        ]);
        Assert.True(model.Contains(T("aav9", "skos:broaderTransitive", "gene-therapy-product")));
        Assert.True(model.Contains(T("gene-therapy-product", "skos:narrowerTransitive", "aav9")));
        Assert.True(model.Contains(T("aav", "skos:narrower", "aav9")));
        Assert.False(model.Contains(T("aav9", "skos:broader", "viral-vector")));
    }

    [Fact]
    public void Owl_rules_for_inverse_symmetric_equivalence_sameAs_and_restrictions()
    {
        Assert.True(RuleFiles.TryLoadOntologyClosure(RulesDirectory, out var program, out var errors), string.Join("\n", errors));
        var model = new Materialization(program, [
            T("mitigatedBy", "owl:inverseOf", "mitigates"),
            T("risk1", "mitigatedBy", "control1"),
            T("near", "rdf:type", "owl:SymmetricProperty"),
            T("a", "near", "b"),
            T("Kid", "owl:equivalentClass", "Child"),
            T("tim", "rdf:type", "Kid"),
            T("tim", "owl:sameAs", "timothy"),
            T("HasAav", "owl:someValuesFrom", "Aav"),
            T("HasAav", "owl:onProperty", "uses"),
            T("p1", "uses", "vec1"),
            T("vec1", "rdf:type", "Aav"),
            T("Infant", "owl:hasValue", "infancy"),
            T("Infant", "owl:onProperty", "ageGroup"),
            T("baby", "ageGroup", "infancy"),
            T("newborn", "rdf:type", "Infant"),
        ]);
        Assert.True(model.Contains(T("control1", "mitigates", "risk1")));
        Assert.True(model.Contains(T("b", "near", "a")));
        Assert.True(model.Contains(T("tim", "rdf:type", "Child")));
        Assert.True(model.Contains(T("Child", "owl:equivalentClass", "Kid")));
        Assert.True(model.Contains(T("timothy", "rdf:type", "Child")));
        Assert.True(model.Contains(T("timothy", "owl:sameAs", "tim")));
        Assert.True(model.Contains(T("p1", "rdf:type", "HasAav")));
        Assert.True(model.Contains(T("baby", "rdf:type", "Infant")));
        Assert.True(model.Contains(T("newborn", "ageGroup", "infancy")));
    }
}
