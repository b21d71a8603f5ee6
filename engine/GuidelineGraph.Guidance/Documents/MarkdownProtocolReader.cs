using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>Reads a Markdown protocol (CommonMark, pipe and grid tables, YAML front matter) into a <see cref="ProtocolDocument"/>.</summary>
public static class MarkdownProtocolReader
{
    // Built once: a Markdig pipeline must not change after Build().
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseGridTables()
        .Build();

    public static ProtocolReadResult Read(string text, string? path = null) => Read(text, path, null);

    /// <summary>
    /// Reads a new version of a document: the top-level sections whose text is unchanged since
    /// <paramref name="previous"/> are not parsed again (the language server's case, one edit at a time).
    /// </summary>
    public static ProtocolReadResult Read(string text, string? path, ProtocolDocument? previous)
    {
        var assembler = new DocumentAssembler(text, path);
        Dictionary<int, MarkdownChunk>? known = null;
        if (previous is not null && previous.Path == path)
        {
            known = new Dictionary<int, MarkdownChunk>(previous.Chunks.Count);
            foreach (MarkdownChunk chunk in previous.Chunks) known.TryAdd(Key(chunk.Text, chunk.First), chunk);
        }
        var chunks = new List<MarkdownChunk>();
        foreach ((int start, int end) in MarkdownChunks.Split(text))
        {
            ReadOnlySpan<char> source = text.AsSpan(start, end - start);
            MarkdownChunk chunk = known is not null && known.TryGetValue(Key(source, start == 0), out MarkdownChunk? same)
                && same.First == (start == 0) && source.SequenceEqual(same.Text)
                ? same
                : ReadChunk(text.Substring(start, end - start), start == 0, path);
            chunks.Add(chunk);
            foreach (RawBlock block in chunk.Blocks) assembler.Add(block, start);
            foreach ((string token, int s, int e) in chunk.Markers) assembler.AddMarker(token, start + s, start + e);
        }
        assembler.FrontMatter = chunks[0].FrontMatter;
        assembler.Errors.AddRange(chunks[0].Errors);
        return new ProtocolReadResult(assembler.Build(ProtocolFormat.Markdown, chunks), assembler.Errors);
    }

    private static int Key(ReadOnlySpan<char> text, bool first) => HashCode.Combine(string.GetHashCode(text), first);

    /// <summary>Parses one chunk; offsets are relative to its start (the document start for the first chunk).</summary>
    private static MarkdownChunk ReadChunk(string text, bool first, string? path)
    {
        var blocks = new List<RawBlock>();
        var markers = new List<(string, int, int)>();
        var errors = new List<DocumentError>();
        FrontMatter? frontMatter = null;
        MarkdownDocument markdown = Markdown.Parse(text, Pipeline);
        foreach (Block block in markdown.Descendants<Block>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml when first:
                    frontMatter = ReadFrontMatter(text, yaml, path, errors);
                    break;
                case HeadingBlock heading:
                    AddInlines(blocks, markers, BlockKind.Heading, heading.Level, heading.Inline, heading.Span, text);
                    break;
                case ParagraphBlock paragraph:
                    AddInlines(blocks, markers, KindOf(paragraph), 0, paragraph.Inline, paragraph.Span, text);
                    break;
                case HtmlBlock html:
                    DocumentAssembler.ScanMarkers(text.Substring(html.Span.Start, Math.Min(html.Span.Length, text.Length - html.Span.Start)), html.Span.Start, markers);
                    break;
            }
        }
        return new MarkdownChunk(text, first, blocks, markers, frontMatter, errors);
    }

    private static BlockKind KindOf(Block block)
    {
        for (Block? parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is TableCell) return BlockKind.TableCell;
            if (parent is ListItemBlock) return BlockKind.ListItem;
        }
        return BlockKind.Paragraph;
    }

    private static void AddInlines(List<RawBlock> blocks, List<(string, int, int)> markers, BlockKind kind, int level, ContainerInline? inlines,
        Markdig.Syntax.SourceSpan span, string source)
    {
        var text = new StringBuilder();
        var offsets = new List<int>();
        if (inlines is not null) Append(inlines, text, offsets, markers, source);
        if (RawBlock.Collapse(kind, level, text, offsets, span.Start, span.End + 1) is { } block) blocks.Add(block);
    }

    private static void Append(ContainerInline container, StringBuilder text, List<int> offsets, List<(string, int, int)> markers, string source)
    {
        foreach (Inline inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                {
                    string content = literal.Content.ToString();
                    int start = Align(source, content, literal.Span.Start);
                    AppendRun(content, start, Math.Max(literal.Span.End, start + content.Length - 1), text, offsets);
                    break;
                }
                case CodeInline code:
                    AppendRun(code.Content, code.Span.Start + code.DelimiterCount, code.Span.End, text, offsets);
                    break;
                case HtmlEntityInline entity:
                    AppendRun(entity.Transcoded.ToString(), entity.Span.Start, entity.Span.Start, text, offsets);
                    break;
                case AutolinkInline autolink:
                    AppendRun(autolink.Url, autolink.Span.Start + 1, autolink.Span.End, text, offsets);
                    break;
                case LineBreakInline lineBreak:
                    AppendRun(" ", lineBreak.Span.Start, lineBreak.Span.Start, text, offsets);
                    break;
                case HtmlInline html:
                    DocumentAssembler.ScanMarkers(html.Tag, html.Span.Start, markers);
                    break;
                case ContainerInline child:
                    Append(child, text, offsets, markers, source);
                    break;
            }
        }
    }

    /// <summary>
    /// Markdig's span for a literal can be off by a character (in pipe-table cells); when the content is
    /// not at the reported start, take its occurrence a few characters around it.
    /// </summary>
    private static int Align(string source, string content, int start)
    {
        if (content.Length == 0) return start;
        bool At(int s) => s >= 0 && s + content.Length <= source.Length && string.CompareOrdinal(source, s, content, 0, content.Length) == 0;
        if (At(start)) return start;
        for (int d = 1; d <= 3; d++)
        {
            if (At(start + d)) return start + d;
            if (At(start - d)) return start - d;
        }
        return start;
    }

    /// <summary>Appends a run whose i-th character came from source offset start+i (clamped to the inline's last offset).</summary>
    private static void AppendRun(string run, int start, int last, StringBuilder text, List<int> offsets)
    {
        for (int i = 0; i < run.Length; i++)
        {
            text.Append(run[i]);
            offsets.Add(Math.Min(start + i, Math.Max(start, last)));
        }
    }

    private static FrontMatter ReadFrontMatter(string text, YamlFrontMatterBlock yaml, string? path, List<DocumentError> errors)
    {
        int start = yaml.Span.Start;
        int end = Math.Min(yaml.Span.End + 1, text.Length);
        int rawStart = text.IndexOf('\n', start, end - start) + 1;
        int closing = end;
        while (closing > rawStart && text[closing - 1] != '\n') closing--;
        if (rawStart <= 0 || closing < rawStart) closing = rawStart = end;
        string raw = text[rawStart..closing];
        // The first chunk starts the document, so its own line map gives the document's positions.
        var lines = new LineMap(text);
        return FrontMatterParser.Parse(raw, rawStart, lines.Span(start, end), lines, path, errors);
    }
}
