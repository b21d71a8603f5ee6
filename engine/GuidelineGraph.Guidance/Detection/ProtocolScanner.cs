using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>
/// Builds <see cref="ProtocolIndex"/>es with one detection vocabulary (feature and evidence matchers, M11 mapper),
/// built once per loaded ontology. Incremental: given the index of the previous version of a document, a block
/// whose text object is the previous version's (readers reuse the blocks of unchanged sections) keeps its scan, and the M11
/// mapping is carried over when the section outline (levels, numbers, titles) is the same, since the mapping
/// reads nothing else. Thread-safe.
/// </summary>
public sealed class ProtocolScanner
{
    private readonly IReadOnlyDictionary<string, M11Section> _m11ByNotation;

    public ProtocolScanner(DetectionVocabulary vocabulary)
    {
        Features = new FeatureDetector(vocabulary);
        Evidence = new EvidenceDetector(vocabulary.Controls.Values);
        Mapper = new M11Mapper(vocabulary.M11Sections);
        _m11ByNotation = vocabulary.M11Sections.ToDictionary(s => s.Notation, StringComparer.Ordinal);
    }

    public FeatureDetector Features { get; }
    public EvidenceDetector Evidence { get; }
    public M11Mapper Mapper { get; }

    /// <param name="previous">The index of an earlier version of the same document, whose mapping may be carried over.</param>
    public ProtocolIndex Index(ProtocolDocument document, ProtocolIndex? previous = null, CancellationToken cancellationToken = default)
    {
        if (previous is not null && previous.Scanner != this) previous = null;
        // Keyed by the text object, not its content: a reader hands an unchanged block the same string again.
        Dictionary<string, BlockScan>? known = null;
        if (previous is not null)
        {
            known = new Dictionary<string, BlockScan>(previous.Document.Blocks.Count, ReferenceEqualityComparer.Instance);
            foreach (TextBlock block in previous.Document.Blocks) known.TryAdd(block.Text, previous.ScanOf(block));
        }
        var scans = new BlockScan[document.Blocks.Count];
        for (int i = 0; i < scans.Length; i++)
        {
            if ((i & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            TextBlock block = document.Blocks[i];
            scans[i] = known is not null && known.TryGetValue(block.Text, out BlockScan? scan) && scan.Kind == block.Kind ? scan : Scan(block);
        }
        bool sameOutline = previous is not null && SameOutline(previous.Document, document);
        var index = new ProtocolIndex(this, sameOutline ? Carry(previous!.Mapping, document) : Mapper.Map(document), scans);
        if (sameOutline) index.CarryFrom(previous!);
        return index;
    }

    public BlockScan Scan(TextBlock block)
    {
        string folded = TextFold.Fold(block.Text);
        return new BlockScan(block.Kind, Features.Scan(block.Kind, block.Text, folded), Evidence.Scan(block.Text, folded),
            EvidenceDetector.SaysNotApplicable(folded));
    }

    private static bool SameOutline(ProtocolDocument a, ProtocolDocument b)
    {
        if (a.Sections.Count != b.Sections.Count) return false;
        for (int i = 0; i < a.Sections.Count; i++)
        {
            ProtocolSection x = a.Sections[i], y = b.Sections[i];
            if (x.Level != y.Level || x.Number != y.Number || x.Title != y.Title) return false;
        }
        return true;
    }

    /// <summary>The same section-by-section mapping over the new version's section objects.</summary>
    private DocumentMapping Carry(DocumentMapping previous, ProtocolDocument document)
    {
        var sections = new SectionMapping?[document.Sections.Count];
        for (int i = 0; i < sections.Length; i++)
            sections[i] = previous.Sections[i] is { } m ? m with { Section = document.Sections[i] } : null;
        return new DocumentMapping(document, sections, previous.NumberingFollowsM11, _m11ByNotation);
    }
}
