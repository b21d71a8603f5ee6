using GuidelineGraph.Rdf;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>A range of the source: 1-based line, UTF-16 column, 0-based offset at each end (End exclusive).</summary>
public readonly record struct SourceSpan(TextPosition Start, TextPosition End)
{
    public override string ToString() => $"{Start}-{End}";
}

/// <summary>Offsets to positions over one source text; columns count UTF-16 code units, as editors do.</summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    public LineMap(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n') starts.Add(i + 1);
            else if (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
        _length = text.Length;
    }

    public int LineCount => _lineStarts.Length;

    public TextPosition Position(int offset)
    {
        offset = Math.Clamp(offset, 0, _length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return new TextPosition(line + 1, offset - _lineStarts[line] + 1, offset);
    }

    public SourceSpan Span(int start, int end) => new(Position(start), Position(Math.Max(start, end)));

    /// <summary>Offset of the start of a 1-based line (clamped to the text).</summary>
    public int LineStart(int line) => _lineStarts[Math.Clamp(line - 1, 0, _lineStarts.Length - 1)];
}
