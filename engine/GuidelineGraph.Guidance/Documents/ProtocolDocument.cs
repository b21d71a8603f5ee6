using GuidelineGraph.Rdf;

namespace GuidelineGraph.Guidance.Documents;

public enum ProtocolFormat { Markdown, Word }

public enum BlockKind { Heading, Paragraph, ListItem, TableCell }

/// <summary>
/// A run of plain text (a heading, paragraph, list item or table cell) with, for every character,
/// the source offset it came from, so that a match in the text has an exact source range.
/// </summary>
public sealed class TextBlock
{
    private readonly int[] _sourceOffsets;
    private readonly int _offsetBase;
    private readonly LineMap _lines;

    /// <param name="sourceOffsets">Per character, its source offset less <paramref name="offsetBase"/> (shared by the versions of a document that keep the block).</param>
    internal TextBlock(BlockKind kind, string text, int[] sourceOffsets, int offsetBase, SourceSpan span, LineMap lines)
    {
        Kind = kind;
        Text = text;
        _sourceOffsets = sourceOffsets;
        _offsetBase = offsetBase;
        Span = span;
        _lines = lines;
    }

    public BlockKind Kind { get; }
    public string Text { get; }
    public SourceSpan Span { get; }

    /// <summary>The section the block belongs to; null before the first heading.</summary>
    public ProtocolSection? Section { get; internal set; }

    /// <summary>Position in <see cref="ProtocolDocument.Blocks"/>, 0-based.</summary>
    public int Index { get; internal set; }

    /// <summary>Where the block starts in <see cref="ProtocolDocument.PlainText"/>.</summary>
    public int PlainStart { get; internal set; }

    /// <summary>Source range of Text[start..start+length].</summary>
    public SourceSpan SourceSpanOf(int start, int length)
    {
        if (Text.Length == 0) return Span;
        int first = _offsetBase + _sourceOffsets[Math.Clamp(start, 0, Text.Length - 1)];
        int lastIndex = Math.Clamp(start + length - 1, 0, Text.Length - 1);
        int last = _offsetBase + _sourceOffsets[lastIndex] + (char.IsHighSurrogate(Text[lastIndex]) ? 2 : 1);
        return _lines.Span(first, Math.Max(first, last));
    }
}

/// <summary>A heading and the text up to the next heading, in the document's own numbering.</summary>
public sealed class ProtocolSection
{
    internal readonly List<ProtocolSection> ChildList = [];
    internal readonly List<TextBlock> BlockList = [];

    internal ProtocolSection(int index, int level, TextBlock heading, string? number, string title)
    {
        Index = index;
        Level = level;
        HeadingBlock = heading;
        Number = number;
        Title = title;
    }

    /// <summary>Position in document order, 0-based.</summary>
    public int Index { get; }
    public int Level { get; }
    public TextBlock HeadingBlock { get; }
    public string Heading => HeadingBlock.Text;

    /// <summary>The section's own number as written ("8.4.1", "三", "（二）"), or null.</summary>
    public string? Number { get; }

    /// <summary>The heading without its number.</summary>
    public string Title { get; }

    public SourceSpan HeadingSpan => HeadingBlock.Span;

    /// <summary>From the end of the heading to the next heading of any level (the section's own text).</summary>
    public SourceSpan BodySpan { get; internal set; }

    public ProtocolSection? Parent { get; internal set; }
    public IReadOnlyList<ProtocolSection> Children => ChildList;

    /// <summary>The paragraphs, list items and table cells of the section's own body.</summary>
    public IReadOnlyList<TextBlock> Blocks => BlockList;

    public override string ToString() => Heading;
}

/// <summary>An explicit mark that a requirement is addressed here: &lt;!-- gg:addresses cde:r-… --&gt;.</summary>
public sealed record RequirementMarker(string Token, string Id, ProtocolSection? Section, SourceSpan Span)
{
    public bool Names(string requirementIri, string requirementId) => Token == requirementIri || Id == requirementId;
}

/// <summary>A front-matter waiver of a requirement, with the writer's justification.</summary>
public sealed record RequirementWaiver(string Token, string Id, string Justification, SourceSpan Span)
{
    public bool Names(string requirementIri, string requirementId) => Token == requirementIri || Id == requirementId;
}

/// <summary>A feature as the writer declared it in the front matter: an id or a label word, unresolved.</summary>
public sealed record DeclaredFeatureWord(string Word, SourceSpan Span);

/// <summary>
/// A protocol read from Markdown or Word: front matter, sections with their spans, text blocks and the
/// document-wide plain text mapped back to the source. Detectors work on this, never on Markdig or OpenXml.
/// </summary>
public sealed class ProtocolDocument
{
    internal ProtocolDocument(string? path, ProtocolFormat format, string source, LineMap lines, FrontMatter? frontMatter,
        IReadOnlyList<ProtocolSection> sections, IReadOnlyList<TextBlock> blocks, IReadOnlyList<RequirementMarker> markers)
    {
        Path = path;
        Format = format;
        Source = source;
        Lines = lines;
        FrontMatter = frontMatter;
        Sections = sections;
        Blocks = blocks;
        Markers = markers;
        // Joined on first use: nothing on the checking path reads it, and it is as long as the document.
        _plainText = new Lazy<string>(() =>
        {
            var plain = new System.Text.StringBuilder();
            foreach (TextBlock block in blocks)
            {
                if (plain.Length > 0) plain.Append('\n');
                plain.Append(block.Text);
            }
            return plain.ToString();
        });
    }

    public string? Path { get; }
    public ProtocolFormat Format { get; }

    /// <summary>The text positions refer to: the Markdown source, or for Word one line per paragraph or table-cell paragraph.</summary>
    public string Source { get; }

    public LineMap Lines { get; }
    public FrontMatter? FrontMatter { get; }

    /// <summary>All sections in document order; the tree is through Parent/Children.</summary>
    public IReadOnlyList<ProtocolSection> Sections { get; }

    /// <summary>All text blocks (headings included) in document order.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; }

    public IReadOnlyList<RequirementMarker> Markers { get; }

    /// <summary>The blocks' text joined by '\n'; map a position back with <see cref="SourcePositionOfPlain"/>.</summary>
    public string PlainText => _plainText.Value;

    private readonly Lazy<string> _plainText;

    /// <summary>The Markdown chunks (one per top-level section) the document was read from, for reading its next version.</summary>
    internal IReadOnlyList<MarkdownChunk> Chunks { get; init; } = [];

    public IEnumerable<ProtocolSection> RootSections => Sections.Where(s => s.Parent is null);

    /// <summary>The source position of a character of <see cref="PlainText"/>.</summary>
    public TextPosition SourcePositionOfPlain(int plainOffset)
    {
        if (Blocks.Count == 0) return TextPosition.Start;
        int lo = 0, hi = Blocks.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (Blocks[mid].PlainStart <= plainOffset) lo = mid; else hi = mid - 1;
        }
        TextBlock block = Blocks[lo];
        return block.SourceSpanOf(plainOffset - block.PlainStart, 1).Start;
    }

    /// <summary>The innermost section whose heading or body contains the position (null before the first heading).</summary>
    public ProtocolSection? SectionAt(TextPosition position)
    {
        ProtocolSection? found = null;
        foreach (ProtocolSection section in Sections)
        {
            if (section.HeadingSpan.Start.Offset > position.Offset) break;
            found = section;
        }
        return found;
    }
}
