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

/// <summary>
/// Looks for a control's evidence terms (gg:evidenceTerm and labels, en and zh, from the graph) in the
/// protocol sections mapped to given M11 sections or below them. A negated mention is not evidence, and
/// a heading is not evidence when its own body says "not applicable".
/// </summary>
public sealed class EvidenceDetector
{
    private const int SnippetLength = 160;

    private readonly Dictionary<string, TermMatcher<ControlTerms>> _matchers;

    public EvidenceDetector(IEnumerable<ControlTerms> controls)
    {
        _matchers = controls.ToDictionary(c => c.Id, c => new TermMatcher<ControlTerms>(c.Terms.Select(t => (t.Text, c))), StringComparer.Ordinal);
    }

    /// <param name="m11Sections">M11 notations; empty means the whole document.</param>
    public ControlEvidence Find(DocumentMapping mapping, ControlTerms control, IReadOnlyCollection<string> m11Sections)
    {
        if (!_matchers.TryGetValue(control.Id, out TermMatcher<ControlTerms>? matcher))
            _matchers[control.Id] = matcher = new TermMatcher<ControlTerms>(control.Terms.Select(t => (t.Text, control)));
        IEnumerable<ProtocolSection> sections = m11Sections.Count == 0
            ? mapping.Document.Sections
            : mapping.Document.Sections.Where(s => mapping.For(s) is { } m && m11Sections.Any(n => m.M11.IsWithin(n)));
        var found = new List<EvidenceHit>();
        var negated = new List<EvidenceHit>();
        foreach (ProtocolSection section in sections)
        {
            var body = new List<EvidenceHit>();
            foreach (TextBlock block in section.Blocks)
            foreach (TermMatch<ControlTerms> match in matcher.Find(block.Text))
                body.Add(Hit(mapping, control, section, block, match, Negation.IsNegated(block.Text, match.Start, match.Length)));
            // A heading names the topic; it is no evidence when the body is empty, says "not applicable" or denies the control.
            bool headingDenied = section.Blocks.Count == 0 || SaysNotApplicable(section) || body.Any(h => h.Negated);
            foreach (TermMatch<ControlTerms> match in matcher.Find(section.HeadingBlock.Text))
            {
                EvidenceHit hit = Hit(mapping, control, section, section.HeadingBlock, match, headingDenied || Negation.IsNegated(section.HeadingBlock.Text, match.Start, match.Length));
                (hit.Negated ? negated : found).Add(hit);
            }
            foreach (EvidenceHit hit in body) (hit.Negated ? negated : found).Add(hit);
        }
        return new ControlEvidence(control, found, negated);
    }

    private static EvidenceHit Hit(DocumentMapping mapping, ControlTerms control, ProtocolSection section, TextBlock block, TermMatch<ControlTerms> match, bool negated)
    {
        SourceSpan span = block.SourceSpanOf(match.Start, match.Length);
        return new EvidenceHit(control.Id, match.Label, section, mapping.For(section)?.M11.Notation, span.Start.Line,
            Snippet(block.Text, match.Start, match.Length), span, negated);
    }

    /// <summary>A body that opens with "Not applicable" / "N/A" / "None" / 不适用 / 无 declares the heading's topic absent.</summary>
    private static bool SaysNotApplicable(ProtocolSection section)
    {
        if (section.Blocks.Count == 0) return false;
        string first = TextFold.Fold(section.Blocks[0].Text).TrimStart();
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
