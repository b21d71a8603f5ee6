using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Profiles;
using System.Collections.Concurrent;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.LanguageServer.Workspace;

/// <summary>
/// One load of the ontology and everything the server derives from it once (catalog, detection vocabulary,
/// matchers). Immutable: a reload makes a new model with a higher <see cref="Version"/>, and analyses are
/// cached per (document version, model version).
/// </summary>
public sealed class GuidelineModel
{
    private const int CachedProfiles = 64;

    private readonly ConcurrentDictionary<string, InferenceResult> _profiles = new(StringComparer.Ordinal);

    private GuidelineModel(int version, string directory, LoadedOntology ontology)
    {
        _inference = new Lazy<ProfileInference?>(() =>
        {
            try
            {
                return ProfileInference.Create(ontology);
            }
            catch (OntologyRulesException e)
            {
                Problems = e.Errors;
                return null;
            }
        });
        Version = version;
        Directory = directory;
        Ontology = ontology;
        Catalog = GuidelineCatalog.Read(ontology.Store);
        Vocabulary = DetectionVocabulary.Read(ontology.Store);
        Resolver = new FeatureResolver(Vocabulary.Features);
        FeatureDetector = new FeatureDetector(Vocabulary);
        Mapper = new M11Mapper(Vocabulary.M11Sections);
        FeaturesById = Vocabulary.Features.ToDictionary(f => f.Id, StringComparer.Ordinal);
        Requirements = Catalog.Guidelines.SelectMany(g => Catalog.Requirements(g).Select(r => (Guideline: g, Requirement: r))).ToList();
        _prefixes = GuidelinePrefixes(ontology);
        _checker = new Lazy<ProtocolChecker?>(() => Inference is { } inference ? new ProtocolChecker(inference) : null);
        _requirementsByName = new Dictionary<string, Requirement>(StringComparer.Ordinal);
        foreach (var (_, requirement) in Requirements)
        {
            _requirementsByName.TryAdd(requirement.Id, requirement);
            _requirementsByName.TryAdd(requirement.Iri, requirement);
        }
    }

    private readonly Dictionary<string, Requirement> _requirementsByName;

    public int Version { get; }
    public string Directory { get; }
    public LoadedOntology Ontology { get; }
    public GuidelineCatalog Catalog { get; }
    public DetectionVocabulary Vocabulary { get; }
    public FeatureResolver Resolver { get; }
    public FeatureDetector FeatureDetector { get; }
    public M11Mapper Mapper { get; }
    public IReadOnlyDictionary<string, Feature> FeaturesById { get; }

    private readonly Lazy<ProfileInference?> _inference;
    private readonly Lazy<ProtocolChecker?> _checker;
    private readonly IReadOnlyDictionary<string, string> _prefixes;

    /// <summary>The checker over <see cref="Inference"/>; null when there is no reasoner.</summary>
    public ProtocolChecker? Checker => _checker.Value;

    /// <summary>A requirement as writers and diagnostics name it: "cde:r-4.1-p4-s1d" with its guideline file's prefix, else its IRI.</summary>
    public string CompactName(Requirement requirement)
    {
        string ns = requirement.Iri[..(requirement.Iri.Length - requirement.Id.Length)];
        return _prefixes.TryGetValue(ns, out string? prefix) ? $"{prefix}:{requirement.Id}" : requirement.Iri;
    }

    /// <summary>Namespace to prefix, from the @prefix lines of the guideline files (the graph itself keeps no prefixes).</summary>
    private static Dictionary<string, string> GuidelinePrefixes(LoadedOntology ontology)
    {
        var prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        string guidelines = "guidelines" + Path.DirectorySeparatorChar;
        foreach (var (file, declared) in ontology.Prefixes.Where(p => p.Key.StartsWith(guidelines, StringComparison.Ordinal)).OrderBy(p => p.Key, StringComparer.Ordinal))
        foreach (var (prefix, ns) in declared)
            if (prefix.Length > 0) prefixes.TryAdd(ns, prefix);
        return prefixes;
    }

    /// <summary>
    /// The warm reasoner over this ontology, compiled on first use (materialising the ontology takes most of a
    /// load, and syntax and front-matter diagnostics do not wait for it); null when its rules have errors.
    /// </summary>
    public ProfileInference? Inference => _inference.Value;

    /// <summary>The rule errors that left <see cref="Inference"/> null.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>
    /// What a profile (feature ids) implies, cached by its feature set: most edits leave a protocol's profile as it
    /// was, so they cost no inference. Null without a reasoner.
    /// </summary>
    public InferenceResult? Infer(IEnumerable<string> featureIds)
    {
        if (Inference is null) return null;
        string[] ids = featureIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string key = string.Join(' ', ids);
        if (_profiles.TryGetValue(key, out InferenceResult? cached)) return cached;
        if (_profiles.Count >= CachedProfiles) _profiles.Clear();
        return _profiles[key] = Inference.Infer(ids);
    }

    /// <summary>The requirements a feature brings on its own: those of a profile of just it, less those of every profile.</summary>
    public IReadOnlyList<ApplicableRequirement> TriggeredBy(string featureId)
    {
        if (Infer([featureId]) is not { } alone || Infer([]) is not { } always) return [];
        var baseline = always.Requirements.Select(a => a.Requirement.Id).ToHashSet(StringComparer.Ordinal);
        return alone.Requirements.Where(a => !baseline.Contains(a.Requirement.Id)).ToList();
    }

    /// <summary>Every requirement of every loaded guideline, in reading order.</summary>
    public IReadOnlyList<(Guideline Guideline, Requirement Requirement)> Requirements { get; }

    /// <summary>The requirement a marker or waiver token names (cde:r-1, its IRI, or the bare id).</summary>
    public Requirement? FindRequirement(string token) =>
        _requirementsByName.GetValueOrDefault(token) ?? _requirementsByName.GetValueOrDefault(Guidance.Documents.RequirementIds.LocalId(token));

    public static GuidelineModel Load(int version, string directory, CancellationToken ct) =>
        new(version, directory, OntologyLoader.Load(directory, ct));

    /// <summary>
    /// The ontology/ directory to serve: the nearest one above the workspace root, else the nearest above
    /// gg itself (the checkout it was built from); null when neither has one.
    /// </summary>
    public static string? FindDirectory(string? workspaceRoot) =>
        (workspaceRoot is null ? null : OntologyLoader.Find(workspaceRoot)) ?? OntologyLoader.Find(AppContext.BaseDirectory);
}
