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
/// A protocol: its sections, front matter, the features it declares and those detected in its text, and the
/// M11 mapping of its sections, and what its profile implies. Model is null when no ontology could be loaded.
/// </summary>
public sealed record ProtocolAnalysis(
    OpenDocument Document,
    GuidelineModel? Model,
    ProtocolDocument Protocol,
    IReadOnlyList<DocumentError> Errors,
    IReadOnlyList<(Feature Feature, DeclaredFeatureWord Word)> Declared,
    IReadOnlyList<DetectedFeature> Detected,
    DocumentMapping? Mapping,
    InferenceResult? Profile)
    : DocumentAnalysis(Document, Model?.Version ?? 0)
{
    /// <summary>The requirement as it applies to this protocol's profile (declared and detected features), or null.</summary>
    public ApplicableRequirement? Applicable(string requirementId) =>
        Profile?.Requirements.FirstOrDefault(a => a.Requirement.Id == requirementId);
}
