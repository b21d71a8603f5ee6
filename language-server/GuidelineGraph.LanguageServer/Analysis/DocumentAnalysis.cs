using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.LanguageServer.Workspace;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>What the server knows about one version of a document under one model version.</summary>
public abstract record DocumentAnalysis(OpenDocument Document, int ModelVersion);

/// <summary>An ontology (.ttl/.trig/.nt/.nq) or query (.rq/.sparql/.ru) file: its syntax errors.</summary>
public sealed record SyntaxAnalysis(OpenDocument Document, int ModelVersion, IReadOnlyList<SyntaxError> Errors)
    : DocumentAnalysis(Document, ModelVersion);

/// <summary>A file the server does not read (or Markdown that is not a protocol).</summary>
public sealed record NoAnalysis(OpenDocument Document, int ModelVersion) : DocumentAnalysis(Document, ModelVersion);

/// <summary>
/// A protocol: its sections, front matter and the features it declares, read at once; its index (blocks scanned,
/// M11 mapping), the features detected in its text and what its profile implies are computed on first use, so that
/// a keystroke pays only for what the diagnostics and the request at hand need. The index is built against the
/// previous version's, so an edit re-scans only the blocks it changed. Model is null when no ontology could be loaded.
/// </summary>
public sealed record ProtocolAnalysis : DocumentAnalysis
{
    private readonly Lazy<ProtocolIndex?> _index;
    private readonly Lazy<IReadOnlyList<DetectedFeature>> _detected;
    private readonly Lazy<DocumentMapping?> _mapping;
    private readonly Lazy<InferenceResult?> _profile;
    private readonly Lazy<CheckReport?> _report;
    // The index this one is built against: the previous version's, or the one it would have used when it never
    // built its own (one hop, so no chain of versions is kept); dropped once the index exists.
    private ProtocolIndex? _seed;

    public ProtocolAnalysis(OpenDocument document, GuidelineModel? model, ProtocolDocument protocol, IReadOnlyList<DocumentError> errors,
        IReadOnlyList<(Feature Feature, DeclaredFeatureWord Word)> declared, ProtocolAnalysis? previous = null)
        : base(document, model?.Version ?? 0)
    {
        Model = model;
        Protocol = protocol;
        Errors = errors;
        Declared = declared;
        _seed = previous is null ? null : previous.BuiltIndex ?? previous._seed;
        _index = new(() =>
        {
            ProtocolIndex? index = model?.Checker?.Index(protocol, _seed);
            _seed = null;
            return index;
        });
        _detected = new(() => model is null ? [] : Index?.Features ?? model.FeatureDetector.Detect(protocol));
        _mapping = new(() => Index?.Mapping ?? model?.Mapper.Map(protocol));
        _report = new(() => Index is { } index ? model!.Checker!.Check(index) : null);
        _profile = new(() => model?.Infer(declared.Select(d => d.Feature.Id).Concat(Detected.Where(d => d.Detected).Select(d => d.Feature.Id))));
    }

    public GuidelineModel? Model { get; }
    public ProtocolDocument Protocol { get; }
    public IReadOnlyList<DocumentError> Errors { get; }
    public IReadOnlyList<(Feature Feature, DeclaredFeatureWord Word)> Declared { get; }

    /// <summary>The protocol scanned for checking (ProtocolChecker.Index); null without a reasoner.</summary>
    public ProtocolIndex? Index => _index.Value;

    private ProtocolIndex? BuiltIndex => _index.IsValueCreated ? _index.Value : null;

    public IReadOnlyList<DetectedFeature> Detected => _detected.Value;
    public DocumentMapping? Mapping => _mapping.Value;

    /// <summary>What the protocol's profile (declared and detected features) implies; null without a reasoner.</summary>
    public InferenceResult? Profile => _profile.Value;

    /// <summary>The coverage of every applicable requirement (ProtocolChecker); null without a reasoner.</summary>
    public CheckReport? Report => _report.Value;

    /// <summary>The requirement as it applies to this protocol's profile, or null.</summary>
    public ApplicableRequirement? Applicable(string requirementId) =>
        Profile?.Requirements.FirstOrDefault(a => a.Requirement.Id == requirementId);
}
