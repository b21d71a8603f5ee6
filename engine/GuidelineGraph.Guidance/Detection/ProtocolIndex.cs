using System.Collections.Concurrent;
using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>
/// What the detection vocabulary finds in one text block: feature labels and every control's evidence terms,
/// each with its negation, and whether the block opens with "not applicable". It depends only on the block's
/// text and kind, so an unchanged block keeps its scan from one version of a document to the next.
/// </summary>
public sealed record BlockScan(BlockKind Kind, IReadOnlyList<FeatureMatch> Features, IReadOnlyList<ControlMatch> Controls, bool SaysNotApplicable);

/// <summary>
/// A protocol read once for checking: its M11 mapping and every block scanned once (each block folded once, all
/// terms matched in one pass), with the control hits grouped per control in document order. Coverage looks hits
/// up here instead of scanning text. Immutable once built; safe for concurrent readers.
/// </summary>
public sealed class ProtocolIndex
{
    private readonly BlockScan[] _scans;
    private readonly List<(TextBlock Block, ControlMatch Match)>[] _byControl;
    private readonly Lazy<IReadOnlyList<DetectedFeature>> _features;
    private readonly ConcurrentDictionary<string, bool[]> _within = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<ProtocolSection>> _expected = new(StringComparer.Ordinal);

    internal ProtocolIndex(ProtocolScanner scanner, DocumentMapping mapping, BlockScan[] scans)
    {
        Scanner = scanner;
        Mapping = mapping;
        _scans = scans;
        _byControl = new List<(TextBlock, ControlMatch)>[scanner.Evidence.ControlCount];
        for (int i = 0; i < _byControl.Length; i++) _byControl[i] = [];
        IReadOnlyList<TextBlock> blocks = mapping.Document.Blocks;
        for (int b = 0; b < blocks.Count; b++)
            foreach (ControlMatch match in scans[b].Controls)
                _byControl[match.Control].Add((blocks[b], match));
        _features = new(() => FeatureDetector.Collect(blocks.Select(b => (b, _scans[b.Index].Features))));
    }

    internal ProtocolScanner Scanner { get; }
    public ProtocolDocument Document => Mapping.Document;
    public DocumentMapping Mapping { get; }

    /// <summary>Every feature mentioned, in order of first occurrence (as <see cref="FeatureDetector.Detect"/>).</summary>
    public IReadOnlyList<DetectedFeature> Features => _features.Value;

    public BlockScan ScanOf(TextBlock block) => _scans[block.Index];

    internal IReadOnlyList<(TextBlock Block, ControlMatch Match)> HitsOf(int control) => _byControl[control];

    /// <summary>True when the section's body opens with "not applicable" (or "none", 不适用, 无).</summary>
    public bool SaysNotApplicable(ProtocolSection section) => section.Blocks.Count > 0 && _scans[section.Blocks[0].Index].SaysNotApplicable;

    /// <summary><see cref="DocumentMapping.EvidenceSections"/> (the M11 chapters of the sections), once per set; null (every section) when none is given.</summary>
    internal bool[]? SectionsWithin(IReadOnlyCollection<string> m11Sections) =>
        m11Sections.Count == 0 ? null : _within.GetOrAdd(string.Join(' ', m11Sections), _ => Mapping.EvidenceSections(m11Sections)!);

    /// <summary>
    /// Takes over what an earlier version with the same outline (so the same mapping) worked out from its mapping:
    /// which sections lie within, and where requirements' text belongs.
    /// </summary>
    internal void CarryFrom(ProtocolIndex previous)
    {
        foreach ((string key, bool[] within) in previous._within) _within.TryAdd(key, within);
        foreach ((string key, IReadOnlyList<ProtocolSection> sections) in previous._expected)
            _expected.TryAdd(key, sections.Select(s => Document.Sections[s.Index]).ToList());
    }

    /// <summary><see cref="DocumentMapping.ExpectedSections"/>, once per set of M11 sections.</summary>
    public IReadOnlyList<ProtocolSection> ExpectedSections(IReadOnlyList<string> m11Sections) =>
        _expected.GetOrAdd(string.Join(' ', m11Sections), _ => Mapping.ExpectedSections(m11Sections));
}
