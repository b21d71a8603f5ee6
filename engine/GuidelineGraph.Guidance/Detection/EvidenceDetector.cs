using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>A control's term found in a protocol section: where, and the sentence around it.</summary>
public sealed record EvidenceHit(
    string ControlId,
    string Term,
    ProtocolSection Section,
    string? M11Section,
    int Line,
    string Snippet,
    SourceSpan Span,
    bool Negated);

/// <summary>What the protocol says about one control in the expected sections: real evidence, and negated mentions.</summary>
public sealed record ControlEvidence(ControlTerms Control, IReadOnlyList<EvidenceHit> Found, IReadOnlyList<EvidenceHit> Negated)
{
    public bool IsEvidenced => Found.Count > 0;
}

/// <summary>A control's evidence term at [Match.Start, +Length) of a block's text; Control is its index in the detector.</summary>
public readonly record struct ControlMatch(int Control, TermMatch<ControlTerms> Match, bool Negated);

/// <summary>
/// Looks for a control's evidence terms (gg:evidenceTerm and labels, en and zh, from the graph) in the
/// protocol sections mapped within the M11 chapters of given M11 sections. A negated mention is not evidence, and
/// a heading is not evidence when its own body says "not applicable". Every control's terms are matched in
/// one pass per block (<see cref="Scan"/>); <see cref="Find"/> then reads the hits from a <see cref="ProtocolIndex"/>.
/// </summary>
public sealed class EvidenceDetector
{
    private const int SnippetLength = 160;

    private readonly TermMatcher<ControlTerms> _matcher;
    private readonly Dictionary<string, int> _indexOf;

    public EvidenceDetector(IEnumerable<ControlTerms> controls)
    {
        List<ControlTerms> list = controls.ToList();
        _indexOf = list.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _matcher = new TermMatcher<ControlTerms>(list.Select(c => c.Terms.Select(t => (t.Text, c))).ToList());
    }

    public int ControlCount => _matcher.GroupCount;

    /// <summary>Every control's terms in one block, each with its negation.</summary>
    public IReadOnlyList<ControlMatch> Scan(string text, string folded)
    {
        List<ControlMatch>? found = null;
        foreach ((int control, TermMatch<ControlTerms> match) in _matcher.FindGrouped(text, folded))
            (found ??= []).Add(new ControlMatch(control, match, Negation.IsNegated(text, folded, match.Start, match.Length)));
        return found ?? (IReadOnlyList<ControlMatch>)[];
    }

    /// <param name="m11Sections">M11 notations; empty means the whole document.</param>
    /// <param name="enough">Stop after the section where this many hits of evidence are found (the negated ones seen so far come too).</param>
    public ControlEvidence Find(ProtocolIndex index, ControlTerms control, IReadOnlyCollection<string> m11Sections, int enough = int.MaxValue)
    {
        if (!_indexOf.TryGetValue(control.Id, out int at))
            throw new ArgumentException($"control '{control.Id}' is not in the detection vocabulary", nameof(control));
        bool[]? within = index.SectionsWithin(m11Sections);
        var found = new List<EvidenceHit>();
        var negated = new List<EvidenceHit>();
        IReadOnlyList<(TextBlock Block, ControlMatch Match)> hits = index.HitsOf(at);
        // Hits come in document order, so a section's heading hits, then its body hits, are consecutive.
        for (int i = 0; i < hits.Count && found.Count < enough;)
        {
            ProtocolSection? section = hits[i].Block.Section;
            int end = i;
            while (end < hits.Count && hits[end].Block.Section == section) end++;
            if (section is not null && (within is null || within[section.Index]))
                Add(index, control, section, hits, i, end, found, negated);
            i = end;
        }
        return new ControlEvidence(control, found, negated);
    }

    private static void Add(ProtocolIndex index, ControlTerms control, ProtocolSection section,
        IReadOnlyList<(TextBlock Block, ControlMatch Match)> hits, int from, int to, List<EvidenceHit> found, List<EvidenceHit> negated)
    {
        var heading = new List<EvidenceHit>();
        var body = new List<EvidenceHit>();
        for (int i = from; i < to; i++)
        {
            (TextBlock block, ControlMatch match) = hits[i];
            (block == section.HeadingBlock ? heading : body).Add(Hit(index.Mapping, control, section, block, match.Match, match.Negated));
        }
        // A heading names the topic; it is no evidence when the body is empty, says "not applicable" or denies the control.
        bool headingDenied = section.Blocks.Count == 0 || index.SaysNotApplicable(section) || body.Any(h => h.Negated);
        foreach (EvidenceHit hit in heading)
        {
            EvidenceHit h = headingDenied ? hit with { Negated = true } : hit;
            (h.Negated ? negated : found).Add(h);
        }
        foreach (EvidenceHit hit in body) (hit.Negated ? negated : found).Add(hit);
    }

    private static EvidenceHit Hit(DocumentMapping mapping, ControlTerms control, ProtocolSection section, TextBlock block, TermMatch<ControlTerms> match, bool negated)
    {
        SourceSpan span = block.SourceSpanOf(match.Start, match.Length);
        return new EvidenceHit(control.Id, match.Label, section, mapping.For(section)?.M11.Notation, span.Start.Line,
            Snippet(block.Text, match.Start, match.Length), span, negated);
    }

    /// <summary>A body that opens with "Not applicable" / "N/A" / "None" / 不适用 / 无 declares the heading's topic absent.</summary>
    internal static bool SaysNotApplicable(string foldedFirstBlock)
    {
        string first = foldedFirstBlock.TrimStart();
        return first.StartsWith("not applicable", StringComparison.Ordinal) || first.StartsWith("n/a", StringComparison.Ordinal)
            || first.StartsWith("none", StringComparison.Ordinal) || first.StartsWith("不适用", StringComparison.Ordinal)
            || first == "无" || first.StartsWith("无。", StringComparison.Ordinal);
    }

    /// <summary>The sentence around a match, cut to a readable length.</summary>
    private static string Snippet(string text, int start, int length)
    {
        const string Ends = ".;!?。；！？";
        int s = start;
        while (s > 0 && !(Ends.Contains(text[s - 1]) && (s >= text.Length || char.IsWhiteSpace(text[s]) || TextFold.IsCjk(text[s])))) s--;
        int e = start + length;
        while (e < text.Length && !Ends.Contains(text[e])) e++;
        if (e < text.Length) e++;
        if (e - s > SnippetLength)
        {
            s = Math.Max(s, start - SnippetLength / 2);
            e = Math.Min(e, Math.Max(start + length, s + SnippetLength));
            if (s > 0 && char.IsLowSurrogate(text[s])) s++;
            if (e < text.Length && char.IsLowSurrogate(text[e])) e--;
        }
        return text[s..e].Trim();
    }
}
