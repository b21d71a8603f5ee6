using System.Text;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>
/// What a format reader hands over: text blocks in document order (headings with a level) and the raw
/// markers; the assembler builds sections, their tree and spans, and the plain text. Shared by the
/// Markdown and Word readers so both yield the same shape.
/// </summary>
internal sealed class DocumentAssembler(string source, string? path)
{
    private readonly List<(TextBlock Block, int Level)> _blocks = [];
    private readonly List<(string Token, int Start, int End)> _markers = [];

    public LineMap Lines { get; } = new(source);
    public string Source => source;
    public List<DocumentError> Errors { get; } = [];
    public FrontMatter? FrontMatter { get; set; }

    /// <param name="level">Heading level (1…9), or 0 for body text.</param>
    public void AddBlock(BlockKind kind, int level, StringBuilder text, List<int> sourceOffsets, int start, int end)
    {
        if (RawBlock.Collapse(kind, level, text, sourceOffsets, start, end) is { } block) Add(block, 0);
    }

    /// <summary>A block whose offsets are relative to <paramref name="offsetBase"/> (a reused Markdown chunk's start).</summary>
    public void Add(RawBlock block, int offsetBase) =>
        _blocks.Add((new TextBlock(block.Kind, block.Text, block.Offsets, offsetBase, Lines.Span(offsetBase + block.Start, offsetBase + block.End), Lines),
            block.Kind == BlockKind.Heading ? Math.Max(1, block.Level) : 0));

    public void AddMarker(string token, int start, int end) => _markers.Add((token, start, end));

    /// <summary>Scans an HTML comment (or any raw HTML) for gg:addresses markers.</summary>
    public void ScanMarkers(string html, int sourceStart) => ScanMarkers(html, sourceStart, _markers);

    public static void ScanMarkers(string html, int sourceStart, List<(string Token, int Start, int End)> markers)
    {
        const string Keyword = "gg:addresses";
        int at = 0;
        while ((at = html.IndexOf(Keyword, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int i = at + Keyword.Length;
            int stop = html.IndexOf("-->", i, StringComparison.Ordinal);
            if (stop < 0) stop = html.Length;
            while (i < stop)
            {
                while (i < stop && (char.IsWhiteSpace(html[i]) || html[i] == ',')) i++;
                int tokenStart = i;
                while (i < stop && !char.IsWhiteSpace(html[i]) && html[i] != ',') i++;
                if (i > tokenStart)
                {
                    string token = html[tokenStart..i].Trim('<', '>');
                    if (token.Length > 0 && !token.StartsWith("gg:addresses", StringComparison.OrdinalIgnoreCase))
                        markers.Add((token, sourceStart + tokenStart, sourceStart + i));
                }
            }
            at = stop;
        }
    }

    public ProtocolDocument Build(ProtocolFormat format, IReadOnlyList<MarkdownChunk>? chunks = null)
    {
        var sections = new List<ProtocolSection>();
        var open = new Stack<ProtocolSection>();
        int plainLength = 0;
        var blocks = new List<TextBlock>(_blocks.Count);
        ProtocolSection? current = null;
        foreach ((TextBlock block, int level) in _blocks)
        {
            if (plainLength > 0) plainLength++;
            block.PlainStart = plainLength;
            block.Index = blocks.Count;
            plainLength += block.Text.Length;
            blocks.Add(block);
            if (block.Kind == BlockKind.Heading)
            {
                if (current is not null) current.BodySpan = Lines.Span(current.HeadingSpan.End.Offset32(), block.Span.Start.Offset32());
                (string? number, string title) = HeadingNumber.Split(block.Text);
                var section = new ProtocolSection(sections.Count, level, block, number, title);
                while (open.Count > 0 && open.Peek().Level >= level) open.Pop();
                if (open.Count > 0)
                {
                    section.Parent = open.Peek();
                    open.Peek().ChildList.Add(section);
                }
                open.Push(section);
                sections.Add(section);
                current = section;
                block.Section = section;
            }
            else
            {
                block.Section = current;
                current?.BlockList.Add(block);
            }
        }
        if (current is not null) current.BodySpan = Lines.Span(current.HeadingSpan.End.Offset32(), source.Length);

        var markers = _markers.Select(m =>
        {
            SourceSpan span = Lines.Span(m.Start, m.End);
            ProtocolSection? section = sections.LastOrDefault(s => s.HeadingSpan.Start.Offset <= m.Start);
            return new RequirementMarker(m.Token, RequirementIds.LocalId(m.Token), section, span);
        }).ToList();
        return new ProtocolDocument(path, format, source, Lines, FrontMatter, sections, blocks, markers) { Chunks = chunks ?? [] };
    }
}

/// <summary>
/// A block as a reader found it, before it has a place in a document: whitespace runs collapsed, and for every
/// character its source offset, relative to where the reader started (a Markdown chunk, or the file).
/// </summary>
internal sealed record RawBlock(BlockKind Kind, int Level, string Text, int[] Offsets, int Start, int End)
{
    /// <summary>The block with whitespace runs collapsed to single spaces (offsets follow the kept characters); null when a non-heading block is empty.</summary>
    public static RawBlock? Collapse(BlockKind kind, int level, StringBuilder text, List<int> sourceOffsets, int start, int end)
    {
        var kept = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool space = char.IsWhiteSpace(c);
            if (space && (kept.Length == 0 || kept[^1] == ' ')) continue;
            kept.Append(space ? ' ' : c);
            offsets.Add(sourceOffsets[i]);
        }
        while (kept.Length > 0 && kept[^1] == ' ')
        {
            kept.Length--;
            offsets.RemoveAt(offsets.Count - 1);
        }
        if (kept.Length == 0 && kind != BlockKind.Heading) return null;
        return new RawBlock(kind, level, kept.ToString(), offsets.ToArray(), start, end);
    }
}

internal static class TextPositionExtensions
{
    public static int Offset32(this GuidelineGraph.Rdf.TextPosition position) => (int)position.Offset;
}
