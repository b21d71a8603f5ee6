using GuidelineGraph.Rdf;
using GuidelineGraph.Vocabulary;
using static GuidelineGraph.Ontology.Tests.OntologyGraph;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>The feature ids and hierarchy facts that requirement conditions rely on (brief: ontology contract).</summary>
public sealed class FeatureContractTests
{
    private static readonly OntologyGraph Graph = OntologyGraph.Instance;

    private static readonly Dictionary<string, string[]> ContractIds = new()
    {
        ["product-modality"] =
        [
            "gene-therapy-product", "viral-vector", "aav", "aav2", "aav5", "aav8", "aav9", "aavrh10", "lentivirus",
            "gamma-retrovirus", "integrating-vector", "adenovirus", "hsv1-vector", "non-viral-vector", "plasmid-dna", "rna-product",
            "mrna", "lnp", "genome-editing", "crispr-cas", "base-editing", "zinc-finger-nuclease", "ex-vivo-modified-cells",
            "hematopoietic-stem-cells", "car-t", "engineered-bacteria", "replication-competent-vector", "oncolytic-virus",
        ],
        ["administration-route"] =
        [
            "systemic-administration", "intravenous", "intrathecal", "intracerebroventricular", "intracranial", "intraparenchymal",
            "intraputaminal", "subretinal", "intravitreal", "intramuscular", "intradermal", "topical", "ex-vivo-infusion",
            "invasive-procedure", "surgical-administration", "sensitive-site-delivery", "cns-delivery",
        ],
        ["target-organ"] = ["central-nervous-system", "eye", "retina", "liver", "muscle", "skin", "heart", "hematopoietic-system", "lung"],
        ["population"] =
        [
            "children", "infants", "neonates", "adolescents", "adults", "healthy-volunteers", "high-risk-population",
            "advanced-disease", "women-of-childbearing-potential",
        ],
        ["disease-characteristic"] =
        [
            "rare-disease", "monogenic-disease", "genetic-defect-confirmed", "rapidly-progressive", "life-threatening",
            "teratogenic-or-disabling", "no-effective-treatment", "localized-organ-disease", "natural-history-available",
            "natural-history-insufficient", "early-onset", "disease-severity-heterogeneous",
        ],
        ["trial-design"] =
        [
            "first-in-human", "early-phase", "randomized-controlled", "placebo-controlled", "multiple-dose-groups",
            "stratified-randomization", "intra-patient-control", "single-arm", "external-control", "historical-control",
            "run-in-period", "dose-escalation", "repeat-dosing", "immunosuppression", "preconditioning", "surrogate-endpoint",
            "patient-reported-outcome", "concomitant-medication", "local-effect", "long-term-follow-up", "companion-diagnostic",
        ],
    };

    [Fact]
    public void Every_contract_feature_is_a_profile_feature_of_its_scheme_with_synonyms()
    {
        var offenders = new List<string>();
        foreach ((string scheme, string[] ids) in ContractIds)
        {
            var schemeIri = new Iri(Features.Namespace + scheme);
            if (!Graph.HasType(schemeIri, "http://www.w3.org/2004/02/skos/core#ConceptScheme")) offenders.Add($"ggf:{scheme} is not a skos:ConceptScheme");
            foreach (string id in ids)
            {
                var feature = new Iri(Features.Namespace + id);
                if (!Graph.HasType(feature, Gg.Classes.ProfileFeature) || !Graph.HasType(feature, "http://www.w3.org/2004/02/skos/core#Concept"))
                    offenders.Add($"ggf:{id} is not a gg:ProfileFeature and skos:Concept");
                if (!Graph.Objects(feature, SkosInScheme).Contains(schemeIri))
                    offenders.Add($"ggf:{id} is not in ggf:{scheme}");
                if (!Graph.Objects(feature, "http://www.w3.org/2004/02/skos/core#altLabel").Any())
                    offenders.Add($"ggf:{id} has no skos:altLabel");
            }
        }
        Offenders.AssertNone(offenders, "contract features missing or misplaced");
    }

    [Theory]
    [InlineData("lentivirus", "integrating-vector")]
    [InlineData("gamma-retrovirus", "integrating-vector")]
    [InlineData("aav2", "aav")]
    [InlineData("aav5", "aav")]
    [InlineData("aav8", "aav")]
    [InlineData("aav9", "aav")]
    [InlineData("aavrh10", "aav")]
    [InlineData("aav9", "viral-vector")]
    [InlineData("aav9", "gene-therapy-product")]
    [InlineData("hsv1-vector", "viral-vector")]
    [InlineData("adenovirus", "viral-vector")]
    [InlineData("intrathecal", "invasive-procedure")]
    [InlineData("subretinal", "invasive-procedure")]
    [InlineData("intracranial", "invasive-procedure")]
    [InlineData("intraparenchymal", "invasive-procedure")]
    [InlineData("intracerebroventricular", "invasive-procedure")]
    [InlineData("intravitreal", "invasive-procedure")]
    [InlineData("intraputaminal", "intraparenchymal")]
    [InlineData("intraputaminal", "intracranial")]
    [InlineData("intrathecal", "cns-delivery")]
    [InlineData("intracranial", "cns-delivery")]
    [InlineData("intracerebroventricular", "cns-delivery")]
    [InlineData("cns-delivery", "sensitive-site-delivery")]
    [InlineData("intrathecal", "sensitive-site-delivery")]
    [InlineData("subretinal", "sensitive-site-delivery")]
    [InlineData("infants", "children")]
    [InlineData("neonates", "children")]
    [InlineData("crispr-cas", "genome-editing")]
    [InlineData("base-editing", "genome-editing")]
    [InlineData("zinc-finger-nuclease", "genome-editing")]
    [InlineData("mrna", "rna-product")]
    [InlineData("intravenous", "systemic-administration")]
    public void The_contract_hierarchy_holds(string narrower, string broader)
    {
        HashSet<Term> ancestors = Graph.BroaderClosure(new Iri(Features.Namespace + narrower));
        Assert.True(ancestors.Contains(new Iri(Features.Namespace + broader)),
            $"ggf:{narrower} skos:broader* ggf:{broader} does not hold; ancestors: {string.Join(", ", ancestors.Select(Show).Order())}");
    }

    [Theory]
    [InlineData(Gg.Classes.ProfileFeature)]
    [InlineData(Gg.Classes.ProtocolSection)]
    public void Every_label_names_one_concept_so_that_wording_resolves_without_ambiguity(string type)
    {
        var owners = new Dictionary<(string Text, string? Language), HashSet<Term>>();
        foreach (Term concept in Graph.InstancesOf(type))
        {
            IEnumerable<Literal> labels = Graph.Objects(concept, SkosPrefLabel)
                .Concat(Graph.Objects(concept, "http://www.w3.org/2004/02/skos/core#altLabel")).OfType<Literal>();
            foreach (Literal label in labels)
            {
                var key = (label.Lexical.ToLowerInvariant(), label.Language?.ToLowerInvariant());
                if (!owners.TryGetValue(key, out HashSet<Term>? set)) owners[key] = set = [];
                set.Add(concept);
            }
        }
        Offenders.AssertNone(owners.Where(o => o.Value.Count > 1)
            .Select(o => $"\"{o.Key.Text}\"@{o.Key.Language} labels {string.Join(", ", o.Value.Select(Show).Order())}"),
            "labels shared by several concepts");
    }
}
