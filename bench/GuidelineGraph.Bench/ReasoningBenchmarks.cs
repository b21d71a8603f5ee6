using BenchmarkDotNet.Attributes;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.Bench;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;

namespace GuidelineGraph.Bench;

/// <summary>
/// Reasoner: RDFS + OWL RL materialisation of the LUBM-style dataset (the side-by-side with Jena is
/// bench/reasoner-vs-jena.sh), and one profile's inference and one-feature re-inference on the seed guideline.
/// </summary>
[MemoryDiagnoser]
public class ReasoningBenchmarks
{
    private const string Ggf = "https://w3id.org/guidelinegraph/feature/";
    private static readonly Iri Profile = new("urn:gg:bench:profile");
    private static readonly Iri Other = new("urn:gg:bench:other-profile");
    private RuleProgram _closure = null!;
    private List<Triple> _lubm = null!;
    private Materialization _guideline = null!;
    private Triple[] _profile = null!;

    private static Triple Has(string feature, Iri? profile = null) => new(profile ?? Profile, GuidelineTerms.HasFeature, new Iri(Ggf + feature));
    private static Triple[] Features(Iri profile) =>
        [new(profile, Vocab.Rdf.Type, GuidelineTerms.TrialProfile), Has("aav9", profile), Has("intravenous", profile), Has("infants", profile), Has("rare-disease", profile), Has("first-in-human", profile)];

    [GlobalSetup]
    public void Setup()
    {
        var rules = Path.Combine(BenchData.RepositoryRoot, "ontology", "rules");
        if (!RuleFiles.TryLoadOntologyClosure(rules, out _closure, out var errors)) throw new InvalidDataException(string.Join("\n", errors));
        _lubm = LubmGenerator.Generate(100_000);
        var graph = new List<Triple>();
        foreach (var path in Directory.GetFiles(Path.Combine(BenchData.RepositoryRoot, "ontology"), "*.ttl", SearchOption.AllDirectories).Order())
            graph.AddRange(RdfReader.ReadDocument(File.ReadAllText(path), new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri }).Quads.Select(q => q.Triple));
        if (!GuidelineRuleCompiler.TryCreateLayers(rules, graph, out var layers, out errors, out _)) throw new InvalidDataException(string.Join("\n", errors));
        _guideline = new Materialization(layers, graph);
        _guideline.Add(Features(Profile));
        _profile = Features(Other);
    }

    [Benchmark]
    public int LubmMaterialisation() => new Materialization(_closure, _lubm).Count;

    /// <summary>A second profile's inference against the warm model (added, then removed again).</summary>
    [Benchmark]
    public int ProfileInference()
    {
        int added = _guideline.Add(_profile).Added.Length;
        _guideline.Remove(_profile);
        return added;
    }

    /// <summary>Two one-feature changes: intravenous to intrathecal and back.</summary>
    [Benchmark(OperationsPerInvoke = 2)]
    public int OneFeatureChange()
    {
        int n = _guideline.Remove([Has("intravenous")]).Removed.Length + _guideline.Add([Has("intrathecal")]).Added.Length;
        return n + _guideline.Remove([Has("intrathecal")]).Removed.Length + _guideline.Add([Has("intravenous")]).Added.Length;
    }
}
