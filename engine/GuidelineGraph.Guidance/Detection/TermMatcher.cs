namespace GuidelineGraph.Guidance.Detection;

/// <summary>One occurrence of a term in a text: [Start, Start+Length) of the text searched.</summary>
public readonly record struct TermMatch<T>(int Start, int Length, string Label, T Payload);

/// <summary>
/// Finds labels in text: case- and width-insensitive, word-boundary aware at Latin ends, abbreviations
/// only as written, CJK as substrings, the longest label winning at a position, matches not overlapping.
/// </summary>
public sealed class TermMatcher<T>
{
    private sealed record Entry(string Folded, string AsWritten, bool CaseSensitive, bool BoundaryBefore, bool BoundaryAfter, string Label, T Payload);

    private readonly Dictionary<char, Entry[]> _byFirst;

    public TermMatcher(IEnumerable<(string Label, T Payload)> terms)
    {
        var entries = new List<Entry>();
        var seen = new HashSet<(string, bool)>();
        foreach ((string label, T payload) in terms)
        {
            string trimmed = label.Trim();
            if (trimmed.Length == 0) continue;
            string folded = TextFold.Fold(trimmed);
            bool caseSensitive = TextFold.IsAbbreviation(trimmed);
            if (!seen.Add((caseSensitive ? TextFold.Width(trimmed) : folded, caseSensitive))) continue;
            entries.Add(new Entry(folded, TextFold.Width(trimmed), caseSensitive,
                TextFold.IsLatinWordChar(folded[0]), TextFold.IsLatinWordChar(folded[^1]), trimmed, payload));
        }
        _byFirst = entries.GroupBy(e => e.Folded[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Folded.Length).ToArray());
    }

    public List<TermMatch<T>> Find(string text)
    {
        var matches = new List<TermMatch<T>>();
        string folded = TextFold.Fold(text);
        for (int i = 0; i < folded.Length;)
        {
            Entry? hit = _byFirst.TryGetValue(folded[i], out Entry[]? candidates) ? Longest(text, folded, i, candidates) : null;
            if (hit is null)
            {
                i++;
                continue;
            }
            matches.Add(new TermMatch<T>(i, hit.Folded.Length, hit.Label, hit.Payload));
            i += hit.Folded.Length;
        }
        return matches;
    }

    private static Entry? Longest(string text, string folded, int at, Entry[] candidates)
    {
        foreach (Entry e in candidates)
        {
            if (at + e.Folded.Length > folded.Length) continue;
            if (e.BoundaryBefore && at > 0 && TextFold.IsLatinWordChar(folded[at - 1])) return null;
            if (!folded.AsSpan(at, e.Folded.Length).SequenceEqual(e.Folded)) continue;
            int end = at + e.Folded.Length;
            if (e.BoundaryAfter && end < folded.Length && TextFold.IsLatinWordChar(folded[end])) continue;
            if (e.CaseSensitive && !WrittenAs(text, at, e.AsWritten)) continue;
            // A one-character Chinese label (眼) names the thing only standing alone, not inside a word (眼动危象).
            if (e.Folded.Length == 1 && TextFold.IsCjk(e.Folded[0])
                && ((at > 0 && TextFold.IsCjk(folded[at - 1])) || (end < folded.Length && TextFold.IsCjk(folded[end])))) continue;
            return e;
        }
        return null;
    }

    private static bool WrittenAs(string text, int at, string written)
    {
        for (int i = 0; i < written.Length; i++)
            if (TextFold.Width(text[at + i]) != written[i]) return false;
        return true;
    }
}
