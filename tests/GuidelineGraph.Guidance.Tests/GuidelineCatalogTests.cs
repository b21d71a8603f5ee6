using System.Reflection;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Store;

namespace GuidelineGraph.Guidance.Tests;

public sealed class GuidelineCatalogTests
{
    private static readonly string OntologyDirectory = typeof(GuidelineCatalogTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OntologyDirectory").Value!;

    private static readonly Lazy<GuidelineCatalog> Real = new(() =>
    {
        LoadedOntology ontology = OntologyLoader.Load(OntologyDirectory);
        Assert.Empty(ontology.Errors);
        return GuidelineCatalog.Read(ontology.Store);
    });

    [Fact]
    public void The_seed_guideline_is_found_by_its_identifier()
    {
        Guideline guideline = Assert.Single(Real.Value.Guidelines);
        Assert.Same(guideline, Real.Value.Find("cde-2024-rare-disease-gt"));
        Assert.Equal("罕见病基因治疗产品临床试验技术指导原则（试行）", guideline.Title.Zh);
        Assert.Equal("2024-01", guideline.Issued);
        Assert.Null(Real.Value.Find("fda-2020-rare-disease-gt"));
    }

    [Fact]
    public void A_requirement_carries_its_quote_clause_controls_sections_and_condition()
    {
        // 三.1 ¶3: 申请人如计划首先在儿童受试者中开展首次人体试验，应明确立题依据，充分评估安全性风险。
        Requirement requirement = Real.Value.Requirements(Real.Value.Guidelines[0]).Single(r => r.Id == "r-3.1-p3-s2a");

        Assert.Equal(Modality.Shall, requirement.Modality);
        Assert.Equal("申请人如计划首先在儿童受试者中开展首次人体试验，应明确立题依据，", requirement.Quote.Zh);
        Assert.NotNull(requirement.Quote.En);
        Assert.Equal("c-3.1-p3", requirement.Clause!.Id);
        Assert.Equal("3.1 ¶3", requirement.Clause.Number);
        Assert.Contains(requirement.Controls, c => c.Id == "paediatric-enrolment-justification" && c.Label.En != null && c.Label.Zh != null);
        Assert.Equal(["2.2.3", "5.1"], requirement.M11Sections);
        Assert.False(requirement.Condition.Always);
        Assert.Equal(["children", "first-in-human"], requirement.Condition.AllOf.Select(m => m.Feature));
        Assert.Empty(requirement.Condition.AnyOf);
    }

    [Fact]
    public void Requirements_come_in_reading_order()
    {
        List<string> ids = Real.Value.Requirements(Real.Value.Guidelines[0]).Select(r => r.Id).ToList();

        Assert.DoesNotContain(-1, new[] { "r-1-p1-s1", "r-3.1-p3-s2a", "r-3.1-p3-s2b", "r-4.1-p1-s1a" }.Select(id => ids.IndexOf(id)));
        Assert.True(ids.IndexOf("r-1-p1-s1") < ids.IndexOf("r-3.1-p3-s2a"));
        Assert.True(ids.IndexOf("r-3.1-p3-s2a") < ids.IndexOf("r-3.1-p3-s2b"));
        Assert.True(ids.IndexOf("r-3.1-p3-s2b") < ids.IndexOf("r-4.1-p1-s1a"));
    }

    [Fact]
    public void Nested_conditions_always_and_natural_order_read_from_a_small_graph()
    {
        const string turtle = """
            @prefix gg: <https://w3id.org/guidelinegraph/ns#> .
            @prefix ggf: <https://w3id.org/guidelinegraph/feature/> .
            @prefix ex: <http://example.org/g/> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            ex:guideline a gg:Guideline ; dcterms:identifier "g1" ; dcterms:title "A"@en .
            ex:c1 a gg:Clause ; gg:order 2 ; gg:number "1" .
            ex:c0 a gg:Clause ; gg:order 1 ; gg:number "0" .
            ex:r-s10 a gg:Requirement ; gg:inGuideline ex:guideline ; gg:fromClause ex:c1 ; gg:modality gg:May ;
                gg:appliesWhen [ a gg:Condition ; gg:anyOf ggf:aav , [ a gg:Condition ; gg:allOf ggf:children ; gg:noneOf ggf:adults ] ] .
            ex:r-s2 a gg:Requirement ; gg:inGuideline ex:guideline ; gg:fromClause ex:c1 ; gg:modality gg:Shall ; gg:appliesWhen gg:Always .
            ex:r-s9 a gg:Requirement ; gg:inGuideline ex:guideline ; gg:fromClause ex:c0 .
            """;
        var store = new QuadStore();
        store.Load(RdfReader.ReadDocument(turtle, new RdfReadOptions { Format = RdfFormat.Turtle }).Quads);
        GuidelineCatalog catalog = GuidelineCatalog.Read(store);

        IReadOnlyList<Requirement> requirements = catalog.Requirements(catalog.Find("g1")!);

        Assert.Equal(["r-s9", "r-s2", "r-s10"], requirements.Select(r => r.Id));
        Assert.Equal(Modality.Informative, requirements[0].Modality); // no modality stated
        Assert.True(requirements[1].Condition.Always);
        Condition condition = requirements[2].Condition;
        Assert.Equal(2, condition.AnyOf.Count);
        Assert.Equal("aav", condition.AnyOf.Single(m => m.Feature != null).Feature);
        Condition nested = condition.AnyOf.Single(m => m.Nested != null).Nested!;
        Assert.Equal(["children"], nested.AllOf.Select(m => m.Feature));
        Assert.Equal(["adults"], nested.NoneOf.Select(m => m.Feature));
    }

    [Theory]
    [InlineData("8.4", "10.1", -1)]
    [InlineData("s2", "s10", -1)]
    [InlineData("s2a", "s2b", -1)]
    [InlineData("6.10", "6.9", 1)]
    [InlineData("a07", "a7", 0)]
    public void Natural_order_compares_numbers_by_value(string x, string y, int sign)
    {
        Assert.Equal(sign, Math.Sign(NaturalComparer.Instance.Compare(x, y)));
    }

    [Fact]
    public void The_ontology_directory_is_found_from_inside_the_checkout()
    {
        Assert.Equal(Path.GetFullPath(OntologyDirectory), OntologyLoader.Find(Path.Combine(OntologyDirectory, "guidelines")));
    }
}
