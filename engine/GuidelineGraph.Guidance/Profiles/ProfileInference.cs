using System.Collections.Concurrent;
using System.Collections.Immutable;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;
using GuidelineGraph.Store;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>The rules of an ontology could not be read or compiled; each error has its file position.</summary>
public sealed class OntologyRulesException(IReadOnlyList<string> errors)
    : Exception("the ontology's rules have errors:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>
/// Profile inference over one loaded ontology. The facts are the ontology's store (default graph); the rules are
/// its ontology closure (rdfs, owl2rl, skos) and the guidance layer (guidance.rules plus the rules compiled from
/// every gg:appliesWhen). Materialising the ontology is the expensive part, so warm models are pooled: an
/// inference adds the profile's facts to a warm model, reads the result and retracts them again (DRed), and
/// concurrent calls each take their own model.
/// </summary>
public sealed class ProfileInference
{
    /// <summary>The profile resource inside the reasoner; <see cref="InferenceResult.InferredAbout"/> renames it.</summary>
    public static readonly Iri ProfileNode = new("urn:guidelinegraph:profile");

    private readonly Triple[] _graph;
    private readonly ImmutableArray<RuleProgram> _layers;
    private readonly ConcurrentBag<Materialization> _warm = [];
    private readonly Dictionary<string, Feature> _featuresByIri = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Feature> _featuresById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Requirement Requirement, Guideline Guideline, int Order)> _requirements = new(StringComparer.Ordinal);

    private ProfileInference(QuadStore store, ImmutableArray<RuleProgram> layers, Triple[] graph, IReadOnlyList<string> problems)
    {
        _graph = graph;
        _layers = layers;
        Problems = problems;
        Catalog = GuidelineCatalog.Read(store);
        Vocabulary = DetectionVocabulary.Read(store);
        Resolver = new FeatureResolver(Vocabulary.Features);
        Text = new GraphText(store);
        foreach (Feature feature in Vocabulary.Features)
        {
            _featuresByIri[feature.Iri] = feature;
            _featuresById[feature.Id] = feature;
        }
        int order = 0;
        foreach (Guideline guideline in Catalog.Guidelines)
        foreach (Requirement requirement in Catalog.Requirements(guideline))
            _requirements[requirement.Iri] = (requirement, guideline, order++);
    }

    public GuidelineCatalog Catalog { get; }
    public FeatureResolver Resolver { get; }
    public DetectionVocabulary Vocabulary { get; }
    /// <summary>Requirements whose conditions could not be compiled fully (data problems, not fatal).</summary>
    public IReadOnlyList<string> Problems { get; }
    internal GraphText Text { get; }
    /// <summary>Hierarchy paths (f broaderTransitive g → f, …, g) depend on the ontology only, so they are shared.</summary>
    internal ConcurrentDictionary<Triple, IReadOnlyList<Term>> HierarchyChains { get; } = new();

    /// <summary>Compiles the rules of an ontology read by <see cref="OntologyLoader"/> (rules from its rules/ folder).</summary>
    public static ProfileInference Create(LoadedOntology ontology)
    {
        string directory = ontology.Directory ?? throw new ArgumentException("the ontology was not read from a directory, so its rules cannot be found; use Create(store, rulesDirectory)", nameof(ontology));
        return Create(ontology.Store, Path.Combine(directory, "rules"));
    }

    /// <summary>Compiles the rule files in <paramref name="rulesDirectory"/> and the store's requirement conditions, and warms one model.</summary>
    public static ProfileInference Create(QuadStore store, string rulesDirectory)
    {
        Triple[] graph = [.. store.Match(null, null, null, GraphSelector.Default).Select(q => q.Triple)];
        if (!GuidelineRuleCompiler.TryCreateLayers(rulesDirectory, graph, out var layers, out var errors, out var problems))
            throw new OntologyRulesException([.. errors.Select(e => e.ToString())]);
        var inference = new ProfileInference(store, layers, graph, problems);
        inference._warm.Add(inference.NewModel());
        return inference;
    }

    private Materialization NewModel() => new(_layers, _graph);

    internal Materialization Rent() => _warm.TryTake(out var model) ? model : NewModel();

    internal void Return(Materialization model) => _warm.Add(model);

    /// <summary>
    /// The features the asserted ones imply and the requirements that apply, each with its derivation.
    /// Features are ids (ggf: local names) or IRIs; an unknown one is an <see cref="ArgumentException"/> with suggestions.
    /// Only <paramref name="guideline"/>'s requirements when given, else every loaded guideline's.
    /// </summary>
    public InferenceResult Infer(IEnumerable<string> assertedFeatureIds, Guideline? guideline = null)
    {
        Triple[] facts = ProfileFacts(ResolveIds(assertedFeatureIds));
        Materialization model = Rent();
        model.Add(facts);
        InferenceResult result = new InferenceReader(this, model).Read(guideline);
        model.Remove(facts);
        Return(model);
        return result;
    }

    /// <summary>
    /// PROV-O for why each requirement applies to the profile: the proofs of its <c>gg:requires</c> facts, down to
    /// the asserted features, each rule application a prov:Activity whose plan cites the rule's clause.
    /// </summary>
    public IReadOnlyList<Triple> Provenance(IEnumerable<string> assertedFeatureIds, IEnumerable<ApplicableRequirement> requirements)
    {
        Triple[] facts = ProfileFacts(ResolveIds(assertedFeatureIds));
        Materialization model = Rent();
        model.Add(facts);
        var proofs = requirements.SelectMany(a => model.Explain(new Triple(ProfileNode, GuidelineTerms.Requires, new Iri(a.Requirement.Iri))));
        IReadOnlyList<Triple> provenance = ProofRendering.ToProvenance(proofs);
        model.Remove(facts);
        Return(model);
        return provenance;
    }

    /// <summary>A profile kept in its own model for small edits (the language server's case); dispose it to give the model back.</summary>
    public ProfileSession StartSession(IEnumerable<string> assertedFeatureIds) => new(this, ResolveIds(assertedFeatureIds));

    internal static Triple HasFeature(Feature feature) => new(ProfileNode, GuidelineTerms.HasFeature, new Iri(feature.Iri));

    internal static Triple[] ProfileFacts(IEnumerable<Feature> features) =>
        [new Triple(ProfileNode, Vocab.Rdf.Type, GuidelineTerms.TrialProfile), .. features.Select(HasFeature)];

    internal List<Feature> ResolveIds(IEnumerable<string> ids)
    {
        var features = new List<Feature>();
        foreach (string id in ids)
        {
            Feature feature = FindFeature(id);
            if (!features.Contains(feature)) features.Add(feature);
        }
        return features;
    }

    /// <summary>A feature by id or IRI; an <see cref="ArgumentException"/> with "did you mean" when there is none.</summary>
    public Feature FindFeature(string id) =>
        _featuresById.TryGetValue(id, out Feature? byId) ? byId
        : _featuresByIri.TryGetValue(id, out Feature? byIri) ? byIri
        : throw new ArgumentException(Resolver.Resolve(id) is { Kind: ResolutionKind.Resolved } r
            ? $"'{id}' is not a feature id; the word names {r.Feature!.Id}"
            : Resolver.Resolve(id).Describe(), nameof(id));

    internal Feature? FeatureByIri(string iri) => _featuresByIri.GetValueOrDefault(iri);

    internal bool TryRequirement(string iri, out Requirement requirement, out Guideline guideline, out int order)
    {
        bool found = _requirements.TryGetValue(iri, out var entry);
        (requirement, guideline, order) = entry;
        return found;
    }

    internal ProfileFeature ToProfileFeature(Feature feature, bool asserted) => new(feature.Id, feature.Title, asserted) { Iri = feature.Iri };
}
