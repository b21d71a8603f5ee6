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

    public static ProtocolReadResult Read(string text, string? path = null)
    {
        var assembler = new DocumentAssembler(text, path);
        MarkdownDocument markdown = Markdown.Parse(text, Pipeline);
        foreach (Block block in markdown.Descendants<Block>())
        {
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    ReadFrontMatter(text, yaml, assembler, path);
                    break;
                case HeadingBlock heading:
                    AddInlines(assembler, BlockKind.Heading, heading.Level, heading.Inline, heading.Span);
                    break;
                case ParagraphBlock paragraph:
                    AddInlines(assembler, KindOf(paragraph), 0, paragraph.Inline, paragraph.Span);
                    break;
                case HtmlBlock html:
                    assembler.ScanMarkers(text.Substring(html.Span.Start, Math.Min(html.Span.Length, text.Length - html.Span.Start)), html.Span.Start);
                    break;
            }
        }
        return new ProtocolReadResult(assembler.Build(ProtocolFormat.Markdown), assembler.Errors);
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

    private static void AddInlines(DocumentAssembler assembler, BlockKind kind, int level, ContainerInline? inlines, Markdig.Syntax.SourceSpan span)
    {
        var text = new StringBuilder();
        var offsets = new List<int>();
        if (inlines is not null) Append(inlines, text, offsets, assembler);
        assembler.AddBlock(kind, level, text, offsets, span.Start, span.End + 1);
    }

    private static void Append(ContainerInline container, StringBuilder text, List<int> offsets, DocumentAssembler assembler)
    {
        foreach (Inline inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                {
                    string content = literal.Content.ToString();
                    int start = Align(assembler.Source, content, literal.Span.Start);
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
                    assembler.ScanMarkers(html.Tag, html.Span.Start);
                    break;
                case ContainerInline child:
                    Append(child, text, offsets, assembler);
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

    private static void ReadFrontMatter(string text, YamlFrontMatterBlock yaml, DocumentAssembler assembler, string? path)
    {
        int start = yaml.Span.Start;
        int end = Math.Min(yaml.Span.End + 1, text.Length);
        int rawStart = text.IndexOf('\n', start, end - start) + 1;
        int closing = end;
        while (closing > rawStart && text[closing - 1] != '\n') closing--;
        if (rawStart <= 0 || closing < rawStart) closing = rawStart = end;
        string raw = text[rawStart..closing];
        assembler.FrontMatter = FrontMatterParser.Parse(raw, rawStart, assembler.Lines.Span(start, end), assembler.Lines, path, assembler.Errors);
    }
}
