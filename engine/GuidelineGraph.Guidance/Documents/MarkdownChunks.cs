namespace GuidelineGraph.Guidance.Documents;

/// <summary>
/// One top-level stretch of a Markdown protocol (the front matter and preamble, or an ATX heading line and what
/// follows up to the next one), parsed on its own: blocks, markers, and for the first chunk the front matter. Its
/// offsets are relative to its start, so it serves again wherever the same text reappears in a later version.
/// </summary>
internal sealed class MarkdownChunk(string text, bool first, IReadOnlyList<RawBlock> blocks,
    IReadOnlyList<(string Token, int Start, int End)> markers, FrontMatter? frontMatter, IReadOnlyList<DocumentError> errors)
{
    public string Text { get; } = text;
    public bool First { get; } = first;
    public IReadOnlyList<RawBlock> Blocks { get; } = blocks;
    public IReadOnlyList<(string Token, int Start, int End)> Markers { get; } = markers;
    public FrontMatter? FrontMatter { get; } = frontMatter;
    public IReadOnlyList<DocumentError> Errors { get; } = errors;
}

/// <summary>
/// Where a Markdown text can be cut so that parsing the pieces gives what parsing the whole gives: before every
/// ATX heading at column 0, which closes every open block (paragraphs, lists, block quotes, tables). Constructs
/// that could hold such a line or reach across one (code fences, HTML blocks other than a one-line comment, link
/// reference definitions, an unclosed front matter) make the text one piece.
/// </summary>
internal static class MarkdownChunks
{
    public static List<(int Start, int End)> Split(string text)
    {
        var whole = new List<(int, int)> { (0, text.Length) };
        var starts = new List<int> { 0 };
        // In the front matter, '#' lines are YAML comments.
        bool frontMatter = IsFence(text, 0, LineEnd(text, 0), "---");
        for (int line = frontMatter ? NextLine(text, 0) : 0; line < text.Length; line = NextLine(text, line))
        {
            int end = LineEnd(text, line);
            ReadOnlySpan<char> content = text.AsSpan(line, end - line);
            if (content.Contains("```", StringComparison.Ordinal) || content.Contains("~~~", StringComparison.Ordinal)) return whole;
            int reference = content.IndexOf("]:", StringComparison.Ordinal);
            if (reference > 0 && content[..reference].Contains('[')) return whole;
            ReadOnlySpan<char> trimmed = content.TrimStart(' ');
            if (content.Length - trimmed.Length <= 3 && trimmed.StartsWith("<"))
            {
                int close = trimmed.IndexOf("-->", StringComparison.Ordinal);
                if (!trimmed.StartsWith("<!--") || close < 4) return whole;
            }
            if (frontMatter)
                frontMatter = !IsFence(text, line, end, "---") && !IsFence(text, line, end, "...");
            else if (line > 0 && IsAtxHeading(content))
                starts.Add(line);
        }
        if (frontMatter) return whole;
        var chunks = new List<(int, int)>(starts.Count);
        for (int i = 0; i < starts.Count; i++) chunks.Add((starts[i], i + 1 < starts.Count ? starts[i + 1] : text.Length));
        return chunks;
    }

    /// <summary>"#" to "######" at column 0, then a space, a tab or the line end.</summary>
    private static bool IsAtxHeading(ReadOnlySpan<char> line)
    {
        int n = 0;
        while (n < line.Length && line[n] == '#') n++;
        return n is >= 1 and <= 6 && (n == line.Length || line[n] is ' ' or '\t' or '\r');
    }

    private static bool IsFence(string text, int start, int end, string fence) =>
        text.AsSpan(start, end - start).TrimEnd(" \t\r").SequenceEqual(fence);

    private static int LineEnd(string text, int start)
    {
        int end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end;
    }

    private static int NextLine(string text, int start) => Math.Min(text.Length, LineEnd(text, start) + 1);
}
