namespace GuidelineGraph.Guidance.Detection;

/// <summary>One occurrence of a term in a text: [Start, Start+Length) of the text searched.</summary>
public readonly record struct TermMatch<T>(int Start, int Length, string Label, T Payload);

/// <summary>
/// Finds labels in text: case- and width-insensitive, word-boundary aware at Latin ends, abbreviations
/// only as written, CJK as substrings, English words in any inflection ("trained" for "training"), the
/// longest label winning at a position, matches not overlapping. Labels may come in groups (one per
/// control): each group is matched as if on its own, so one pass over a text serves every group.
/// </summary>
public sealed class TermMatcher<T>
{
    /// <summary>A Latin word of a label (compared by stem) or the literal text between words.</summary>
    private readonly record struct Token(string Text, bool IsWord, int StemLength);

    private sealed record Entry(string Folded, string AsWritten, bool CaseSensitive, bool BoundaryBefore, bool BoundaryAfter,
        Token[]? Tokens, string Label, T Payload, int Group);

    private readonly Dictionary<char, Entry[]> _byFirst;

    public TermMatcher(IEnumerable<(string Label, T Payload)> terms) : this([terms]) { }

    /// <param name="groups">Labels per group; matches of one group never overlap, those of different groups may.</param>
    public TermMatcher(IReadOnlyList<IEnumerable<(string Label, T Payload)>> groups)
    {
        var entries = new List<Entry>();
        for (int group = 0; group < groups.Count; group++)
        {
            var seen = new HashSet<(string, bool)>();
            foreach ((string label, T payload) in groups[group])
            {
                string trimmed = label.Trim();
                if (trimmed.Length == 0) continue;
                string folded = TextFold.Fold(trimmed);
                bool caseSensitive = TextFold.IsAbbreviation(trimmed);
                if (!seen.Add((caseSensitive ? TextFold.Width(trimmed) : folded, caseSensitive))) continue;
                entries.Add(new Entry(folded, TextFold.Width(trimmed), caseSensitive,
                    TextFold.IsLatinWordChar(folded[0]), TextFold.IsLatinWordChar(folded[^1]),
                    caseSensitive ? null : Tokenize(folded), trimmed, payload, group));
            }
        }
        GroupCount = groups.Count;
        // Stable: within a group, equally long labels keep their given order (the first wins).
        _byFirst = entries.GroupBy(e => e.Folded[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Folded.Length).ToArray());
    }

    public int GroupCount { get; }

    public List<TermMatch<T>> Find(string text) => Find(text, TextFold.Fold(text));

    /// <param name="folded"><see cref="TextFold.Fold(string)"/> of <paramref name="text"/>, when the caller has it.</param>
    public List<TermMatch<T>> Find(string text, string folded)
    {
        var matches = new List<TermMatch<T>>();
        foreach ((_, TermMatch<T> match) in FindGrouped(text, folded)) matches.Add(match);
        return matches;
    }

    /// <summary>Every group's matches in one pass, in order of position (each group's own matches in its order).</summary>
    public List<(int Group, TermMatch<T> Match)> FindGrouped(string text, string folded)
    {
        var matches = new List<(int, TermMatch<T>)>();
        // The first position each group may match at again: its matches do not overlap, and the longest comes first.
        int[] next = new int[GroupCount];
        for (int i = 0; i < folded.Length; i++)
        {
            if (!_byFirst.TryGetValue(folded[i], out Entry[]? candidates)) continue;
            // Labels sharing a first character share its boundary rule.
            if (candidates[0].BoundaryBefore && i > 0 && TextFold.IsLatinWordChar(folded[i - 1])) continue;
            foreach (Entry e in candidates)
            {
                if (next[e.Group] > i) continue;
                int end = End(text, folded, i, e);
                if (end < 0) continue;
                matches.Add((e.Group, new TermMatch<T>(i, end - i, e.Label, e.Payload)));
                next[e.Group] = end;
            }
        }
        return matches;
    }

    /// <summary>Where the label ends when it occurs at <paramref name="at"/>, or -1.</summary>
    private static int End(string text, string folded, int at, Entry e)
    {
        int end = e.Tokens is null ? ExactEnd(folded, at, e) : InflectedEnd(folded, at, e.Tokens);
        if (end < 0) return -1;
        if (e.BoundaryAfter && end < folded.Length && TextFold.IsLatinWordChar(folded[end])) return -1;
        if (e.CaseSensitive && !WrittenAs(text, at, e.AsWritten)) return -1;
        // A one-character Chinese label (眼) names the thing only standing alone, not inside a word (眼动危象).
        if (e.Folded.Length == 1 && TextFold.IsCjk(e.Folded[0])
            && ((at > 0 && TextFold.IsCjk(folded[at - 1])) || (end < folded.Length && TextFold.IsCjk(folded[end])))) return -1;
        return end;
    }

    private static int ExactEnd(string folded, int at, Entry e) =>
        at + e.Folded.Length <= folded.Length && folded.AsSpan(at, e.Folded.Length).SequenceEqual(e.Folded) ? at + e.Folded.Length : -1;

    /// <summary>The end of the label matched word by word (each Latin word by its stem, the text between exactly), or -1.</summary>
    private static int InflectedEnd(string folded, int at, Token[] tokens)
    {
        int i = at;
        foreach (Token token in tokens)
        {
            if (!token.IsWord)
            {
                if (i + token.Text.Length > folded.Length || !folded.AsSpan(i, token.Text.Length).SequenceEqual(token.Text)) return -1;
                i += token.Text.Length;
                continue;
            }
            // The stem is a prefix of the word: compare it before finding the word's end (most candidates fail here).
            if (i + token.StemLength > folded.Length || !folded.AsSpan(i, token.StemLength).SequenceEqual(token.Text.AsSpan(0, token.StemLength))) return -1;
            int end = i;
            while (end < folded.Length && TextFold.IsLatinWordChar(folded[end])) end++;
            ReadOnlySpan<char> word = folded.AsSpan(i, end - i);
            if (word.IsEmpty) return -1;
            if (Stem.Length(word) != token.StemLength) return -1;
            i = end;
        }
        return i;
    }

    /// <summary>The folded label as words and separators; null when it has no Latin word (then it matches exactly).</summary>
    private static Token[]? Tokenize(string folded)
    {
        var tokens = new List<Token>();
        bool hasWord = false;
        for (int i = 0; i < folded.Length;)
        {
            int s = i;
            bool isWord = TextFold.IsLatinWordChar(folded[i]);
            while (i < folded.Length && TextFold.IsLatinWordChar(folded[i]) == isWord) i++;
            string part = folded[s..i];
            int stem = isWord ? Stem.Length(part) : part.Length;
            hasWord |= isWord;
            tokens.Add(new Token(part, isWord, stem));
        }
        return hasWord ? tokens.ToArray() : null;
    }

    private static bool WrittenAs(string text, int at, string written)
    {
        for (int i = 0; i < written.Length; i++)
            if (TextFold.Width(text[at + i]) != written[i]) return false;
        return true;
    }
}

/// <summary>
/// A light English stemmer whose stem is always a prefix of the (folded, lower-case) word, so texts are
/// compared without allocating: train/trains/trained/training → "train", dose/doses/dosing → "dos",
/// study/studies → "stud", control/controlled → "control". Words of fewer than four letters, and words with
/// digits, stay whole.
/// </summary>
public static class Stem
{
    public static int Length(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n < 4 || !AllLetters(word)) return n;
        if (EndsWith(word, n, "ing")) n -= 3;
        else if (EndsWith(word, n, "ies") || EndsWith(word, n, "ied")) n -= 3;
        else if (EndsWith(word, n, "ed")) n -= 2;
        else if (EndsWith(word, n, "es") && (word[n - 3] is 's' or 'x' or 'z' || (word[n - 3] == 'h' && word[n - 4] is 'c' or 's'))) n -= 2;
        else if (word[n - 1] == 's' && word[n - 2] is not 's' and not 'u' and not 'i') n -= 1;
        if (n < 3) return word.Length;
        // controlled → control (a doubled final consonant), but pass stays pass.
        if (n < word.Length && n >= 4 && word[n - 1] == word[n - 2] && word[n - 1] is not 's' and not 'e' and not 'o' && !IsVowel(word[n - 1])) n--;
        if (n >= 4 && word[n - 1] is 'e' or 'y') n--;
        return n;
    }

    private static bool EndsWith(ReadOnlySpan<char> word, int n, string suffix) => n > suffix.Length + 2 && word[..n].EndsWith(suffix);

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool AllLetters(ReadOnlySpan<char> word)
    {
        foreach (char c in word) if (!char.IsAsciiLetterLower(c)) return false;
        return true;
    }
}
