using System.Reflection;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Ontology;

namespace GuidelineGraph.Guidance.Tests.Detection;

/// <summary>The real ontology, read once for the detection tests.</summary>
internal static class Graph
{
    private static string Metadata(string key) => typeof(Graph).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    public static string ExamplesDirectory => Metadata("ExamplesDirectory");

    private static readonly Lazy<DetectionVocabulary> LazyVocabulary = new(() =>
    {
        LoadedOntology ontology = OntologyLoader.Load(Metadata("OntologyDirectory"));
        Assert.Empty(ontology.Errors);
        return DetectionVocabulary.Read(ontology.Store);
    });

    public static DetectionVocabulary Vocabulary => LazyVocabulary.Value;

    private static readonly Lazy<M11Mapper> LazyMapper = new(() => new M11Mapper(Vocabulary.M11Sections));
    private static readonly Lazy<FeatureDetector> LazyDetector = new(() => new FeatureDetector(Vocabulary));
    private static readonly Lazy<FeatureResolver> LazyResolver = new(() => new FeatureResolver(Vocabulary.Features));
    private static readonly Lazy<ProtocolScanner> LazyScanner = new(() => new ProtocolScanner(Vocabulary));

    public static M11Mapper Mapper => LazyMapper.Value;
    public static FeatureDetector Features => LazyDetector.Value;
    public static FeatureResolver Resolver => LazyResolver.Value;
    public static ProtocolScanner Scanner => LazyScanner.Value;
    public static EvidenceDetector Evidence => Scanner.Evidence;
}
