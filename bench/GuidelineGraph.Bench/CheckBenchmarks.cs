using BenchmarkDotNet.Attributes;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Bench;

/// <summary>
/// Protocol checking on the generated 300-page protocol (LargeProtocol, about 0.9 MB of Markdown):
/// <list type="bullet">
/// <item>a warm re-check of a read and indexed document (target under 30 ms);</item>
/// <item>index and check of a read document (every block scanned, sections mapped);</item>
/// <item>the language server's keystroke: one character typed in a cohort paragraph, the new version read and indexed
/// against the previous one, then checked;</item>
/// <item>read + check from text, as gg check does in-process.</item>
/// </list>
/// The end-to-end `gg check` process time is measured by bench/check-e2e.sh, the editor's latency by bench/lsp.sh.
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private ProtocolChecker _checker = null!;
    private string _markdown = null!;
    private ProtocolDocument _document = null!;
    private int _editAt;
    private int _edits;
    private ProtocolDocument _previous = null!;
    private ProtocolIndex _previousIndex = null!;

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
        // A cohort paragraph halfway through: the edit leaves the outline as it was, as typing in a paragraph does.
        TextBlock paragraph = _document.Blocks.Skip(_document.Blocks.Count / 2).First(b => b.Kind == BlockKind.Paragraph && b.Text.Length > 40);
        _editAt = (int)paragraph.Span.Start.Offset + 10;
        _previous = _document;
        _previousIndex = _checker.Index(_document);
    }

    [Benchmark]
    public CheckReport Recheck300Pages() => _checker.Check(_document);

    [Benchmark]
    public CheckReport IndexAndCheck300Pages() => _checker.Check(_checker.Scanner.Index(_document));

    [Benchmark]
    public CheckReport EditAndRecheck300Pages()
    {
        // Alternate two versions, so every call is a real edit against the version before it.
        string text = (_edits++ & 1) == 0 ? _markdown.Insert(_editAt, "x") : _markdown;
        ProtocolDocument document = MarkdownProtocolReader.Read(text, "large.md", _previous).Document!;
        ProtocolIndex index = _checker.Index(document, _previousIndex);
        (_previous, _previousIndex) = (document, index);
        return _checker.Check(index);
    }

    [Benchmark]
    public CheckReport ReadAndCheck300Pages() => _checker.Check(MarkdownProtocolReader.Read(_markdown, "large.md").Document!);
}
