using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.Rdf;
using Range = GuidelineGraph.LanguageServer.Protocol.Range;

namespace GuidelineGraph.LanguageServer.Text;

/// <summary>
/// An immutable text with its line starts; the one place where LSP positions (0-based line, column in the
/// negotiated encoding) and string offsets convert into each other (Roslyn's ProtocolConversions).
/// Lines end at \n, \r\n or \r, as in LSP.
/// </summary>
public sealed class DocumentText
{
    private readonly int[] _lineStarts;

    public DocumentText(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n') starts.Add(i + 1);
            else if (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')) starts.Add(i + 1);
        }
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }
    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>End of a line's content, before its line break.</summary>
    public int LineEnd(int line)
    {
        if (line + 1 >= _lineStarts.Length) return Text.Length;
        int end = _lineStarts[line + 1];
        if (end > 0 && Text[end - 1] == '\n') end--;
        if (end > 0 && Text[end - 1] == '\r') end--;
        return end;
    }

    public string LineText(int line) => Text[LineStart(line)..LineEnd(line)];

    /// <summary>The offset of a position; a column past the line's end means its end, a line past the last means the text's end.</summary>
    public int Offset(Position position, PositionEncoding encoding)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return Text.Length;
        int start = _lineStarts[position.Line], end = LineEnd(position.Line);
        if (encoding == PositionEncoding.Utf16) return Math.Min(start + Math.Max(0, position.Character), end);
        int units = position.Character, i = start;
        while (i < end && units > 0)
        {
            int width = CharWidth(i, encoding, out int chars);
            if (width > units) break; // inside a character: at its start
            units -= width;
            i += chars;
        }
        return i;
    }

    public Position Position(int offset, PositionEncoding encoding)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        int start = _lineStarts[line];
        if (encoding == PositionEncoding.Utf16) return new Position(line, offset - start);
        int column = 0;
        for (int i = start; i < offset;)
        {
            column += CharWidth(i, encoding, out int chars);
            i += chars;
        }
        return new Position(line, column);
    }

    public Range Range(int start, int end, PositionEncoding encoding) => new(Position(start, encoding), Position(Math.Max(start, end), encoding));

    /// <summary>A domain range (TextPosition offsets into this same text) as an LSP range.</summary>
    public Range Range(TextPosition start, TextPosition end, PositionEncoding encoding) => Range((int)start.Offset, (int)end.Offset, encoding);

    /// <summary>Applies one change: the text between the range's ends is replaced (the whole text when there is no range).</summary>
    public DocumentText Apply(TextDocumentContentChangeEvent change, PositionEncoding encoding)
    {
        if (change.Range is null) return new DocumentText(change.Text);
        int start = Offset(change.Range.Start, encoding);
        int end = Math.Max(start, Offset(change.Range.End, encoding));
        return new DocumentText(string.Concat(Text.AsSpan(0, start), change.Text, Text.AsSpan(end)));
    }

    /// <summary>Width of the character at i in the encoding's units, and how many UTF-16 chars it takes (a lone surrogate counts as one character).</summary>
    private int CharWidth(int i, PositionEncoding encoding, out int chars)
    {
        char c = Text[i];
        bool pair = char.IsHighSurrogate(c) && i + 1 < Text.Length && char.IsLowSurrogate(Text[i + 1]);
        chars = pair ? 2 : 1;
        if (encoding == PositionEncoding.Utf32) return 1;
        if (pair) return 4;
        return c switch
        {
            < '\u0080' => 1,
            < '\u0800' => 2,
            _ => 3, // a lone surrogate is written as U+FFFD, three bytes
        };
    }
}
