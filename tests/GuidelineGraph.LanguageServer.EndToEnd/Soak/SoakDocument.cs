using System.Text;

namespace GuidelineGraph.LanguageServer.EndToEnd.Soak;

/// <summary>
/// The client's copy of the soaked document in UTF-16 code units, with LSP's rules for positions past the end
/// (a character past the line's end means the end of the line; a line past the last means the document's end).
/// An edit whose outcome the protocol leaves open (a range inside a surrogate pair, text that is not valid
/// UTF-16) makes the copy <see cref="Uncertain"/> until the next full-text sync.
/// </summary>
public sealed class SoakDocument(string text)
{
    public string Text { get; private set; } = text;

    public int Version { get; private set; } = 1;

    public bool Uncertain { get; private set; }

    public int LineCount => LineStarts().Count;

    /// <summary>The offsets where lines start; a line ends before \n (LSP also ends lines at \r\n and \r).</summary>
    public List<int> LineStarts()
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\r' && i + 1 < Text.Length && Text[i + 1] == '\n') i++;
            if (Text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        return starts;
    }

    public (int Line, int Character) PositionAt(int offset)
    {
        List<int> starts = LineStarts();
        int line = starts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return (line, offset - starts[line]);
    }

    public int OffsetAt(int line, int character)
    {
        List<int> starts = LineStarts();
        if (line >= starts.Count) return Text.Length;
        int start = starts[line];
        int end = line + 1 < starts.Count ? starts[line + 1] : Text.Length;
        while (end > start && Text[end - 1] is '\n' or '\r') end--;
        return Math.Min(start + character, end);
    }

    /// <summary>Applies an incremental change and returns the new version.</summary>
    public int Apply(int startLine, int startCharacter, int endLine, int endCharacter, string text, bool outcomeOpen)
    {
        int start = OffsetAt(startLine, startCharacter);
        int end = Math.Max(start, OffsetAt(endLine, endCharacter));
        Uncertain |= outcomeOpen || !IsValidUtf16(text) || SplitsPair(start) || SplitsPair(end);
        Text = string.Concat(Text.AsSpan(0, start), text, Text.AsSpan(end));
        return ++Version;
    }

    /// <summary>Replaces the whole text (a full sync), which makes the copy certain again.</summary>
    public int Replace(string text)
    {
        Text = text;
        Uncertain = false;
        return ++Version;
    }

    /// <summary>True when the offset falls between a high and a low surrogate.</summary>
    public bool SplitsPair(int offset) =>
        offset > 0 && offset < Text.Length && char.IsHighSurrogate(Text[offset - 1]) && char.IsLowSurrogate(Text[offset]);

    public static bool IsValidUtf16(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>A JSON string literal that keeps lone surrogates as \u escapes (serializers refuse to write them).</summary>
    public static string JsonString(string text)
    {
        var json = new StringBuilder(text.Length + 16).Append('"');
        foreach (char c in text)
        {
            if (c is '"' or '\\') json.Append('\\').Append(c);
            else if (c < 0x20 || c > 0x7E) json.Append("\\u").Append(((int)c).ToString("x4"));
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }
}
