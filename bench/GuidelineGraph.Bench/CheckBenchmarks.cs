using BenchmarkDotNet.Attributes;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Bench;

/// <summary>
/// Protocol checking on the generated 300-page protocol (LargeProtocol, about 0.9 MB of Markdown): a warm
/// re-check of the parsed document (the language server's case, target under 30 ms) and read + check from text.
/// The end-to-end `gg check` process time is measured by bench/check-e2e.sh.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private ProtocolChecker _checker = null!;
    private string _markdown = null!;
    private ProtocolDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        string directory = Path.Combine(BenchData.RepositoryRoot, "ontology");
        LoadedOntology ontology = OntologyLoader.Load(directory);
        _checker = new ProtocolChecker(ProfileInference.Create(ontology.Store, Path.Combine(directory, "rules")));
        _markdown = LargeProtocol.Markdown(300);
        _document = MarkdownProtocolReader.Read(_markdown, "large.md").Document!;
        CheckReport report = _checker.Check(_document);
        if (report.Requirements.Count == 0 || report.Errors.Count > 0) throw new InvalidDataException("the large protocol did not check");
    }

    [Benchmark]
    public CheckReport Recheck300Pages() => _checker.Check(_document);

    [Benchmark]
    public CheckReport ReadAndCheck300Pages() => _checker.Check(MarkdownProtocolReader.Read(_markdown, "large.md").Document!);
}
