using System.IO.Packaging;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>
/// Reads a Word protocol. Headings come from the paragraph style (Heading1…9, 标题 1…9, or an outline
/// level on the paragraph or its style); auto-numbered headings get their number computed from the
/// numbering levels. Positions: line = paragraph (body paragraphs and table-cell paragraphs in order),
/// column = UTF-16 offset in its text. A first block between two "---" paragraphs is YAML front matter,
/// as in Markdown.
/// </summary>
public static class WordProtocolReader
{
    private const int MaxParagraphs = 500_000;

    public static ProtocolReadResult Read(byte[] bytes, string path)
    {
        List<WordParagraph> paragraphs;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using WordprocessingDocument word = WordprocessingDocument.Open(stream, false);
            Body? body = word.MainDocumentPart?.Document?.Body;
            if (body is null) return Failed(path, "not a Word document (no main document part)");
            paragraphs = Collect(body, new StyleLevels(word.MainDocumentPart!));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or XmlException
                                      or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return Failed(path, "corrupt or unsupported .docx: " + e.Message);
        }
        if (paragraphs.Count > MaxParagraphs) return Failed(path, $"more than {MaxParagraphs} paragraphs");
        return Assemble(paragraphs, path);
    }

    private sealed record WordParagraph(string Text, int HeadingLevel, BlockKind Kind, string? AutoNumber);

    private static ProtocolReadResult Assemble(List<WordParagraph> paragraphs, string path)
    {
        string source = string.Join("\n", paragraphs.Select(p => p.Text));
        var assembler = new DocumentAssembler(source, path);
        int offset = 0, first = 0;
        if (paragraphs.Count > 1 && paragraphs[0].Text.Trim() == "---")
        {
            int close = paragraphs.FindIndex(1, p => p.Text.Trim() == "---");
            if (close > 0)
            {
                int rawStart = paragraphs[0].Text.Length + 1;
                int rawEnd = rawStart + paragraphs.Skip(1).Take(close - 1).Sum(p => p.Text.Length + 1);
                int end = rawEnd + paragraphs[close].Text.Length;
                assembler.FrontMatter = FrontMatterParser.Parse(source[rawStart..rawEnd], rawStart, assembler.Lines.Span(0, end), assembler.Lines, path, assembler.Errors);
                first = close + 1;
                offset = Math.Min(source.Length, end + 1);
            }
        }
        for (int i = first; i < paragraphs.Count; i++)
        {
            WordParagraph p = paragraphs[i];
            if (p.Text.Contains("gg:addresses", StringComparison.OrdinalIgnoreCase)) assembler.ScanMarkers(p.Text, offset);
            string visible = p.Text.TrimStart().StartsWith("<!--", StringComparison.Ordinal) ? "" : p.Text;
            var text = new StringBuilder();
            var offsets = new List<int>();
            if (p.AutoNumber is not null && p.HeadingLevel > 0)
            {
                // The computed number is not in the file's text; map it to the paragraph start.
                foreach (char c in p.AutoNumber + " ") { text.Append(c); offsets.Add(offset); }
            }
            for (int c = 0; c < visible.Length; c++) { text.Append(visible[c]); offsets.Add(offset + c); }
            assembler.AddBlock(p.HeadingLevel > 0 ? BlockKind.Heading : p.Kind, p.HeadingLevel, text, offsets, offset, offset + p.Text.Length);
            offset += p.Text.Length + 1;
        }
        return new ProtocolReadResult(assembler.Build(ProtocolFormat.Word), assembler.Errors);
    }

    private static List<WordParagraph> Collect(Body body, StyleLevels styles)
    {
        var result = new List<WordParagraph>();
        var counters = new int[10];
        foreach (OpenXmlElement element in body.Elements())
        {
            if (result.Count > MaxParagraphs) break;
            switch (element)
            {
                case Paragraph paragraph:
                {
                    (int level, bool numbered) = styles.HeadingLevel(paragraph);
                    string? number = null;
                    if (level > 0 && numbered)
                    {
                        counters[level]++;
                        for (int l = level + 1; l < counters.Length; l++) counters[l] = 0;
                        number = string.Join('.', counters.Skip(1).Take(level).Select(n => Math.Max(1, n)));
                    }
                    result.Add(new WordParagraph(TextOf(paragraph), level, BlockKind.Paragraph, number));
                    break;
                }
                case Table table:
                    foreach (TableCell cell in table.Descendants<TableCell>())
                    foreach (Paragraph paragraph in cell.Elements<Paragraph>())
                        result.Add(new WordParagraph(TextOf(paragraph), 0, BlockKind.TableCell, null));
                    break;
            }
        }
        return result;
    }

    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (OpenXmlElement e in paragraph.Descendants())
        {
            switch (e)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append(' '); break;
                case Break or CarriageReturn: text.Append(' '); break;
            }
        }
        // One paragraph is one line of the position space.
        return text.ToString().Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <summary>Heading levels from styles: id or name "Heading N"/"标题 N", or an outline level, following basedOn.</summary>
    private sealed class StyleLevels
    {
        private readonly Dictionary<string, Style> _styles = new(StringComparer.OrdinalIgnoreCase);

        public StyleLevels(MainDocumentPart part)
        {
            foreach (Style style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
                if (style.StyleId?.Value is string id) _styles.TryAdd(id, style);
        }

        public (int Level, bool Numbered) HeadingLevel(Paragraph paragraph)
        {
            ParagraphProperties? properties = paragraph.ParagraphProperties;
            bool numbered = properties?.NumberingProperties?.NumberingId is not null;
            if (properties?.OutlineLevel?.Val?.Value is int outline && outline < 9) return (outline + 1, numbered);
            string? styleId = properties?.ParagraphStyleId?.Val?.Value;
            for (int depth = 0; styleId is not null && depth < 10; depth++)
            {
                int level = LevelFromName(styleId);
                _styles.TryGetValue(styleId, out Style? style);
                if (level == 0 && style?.StyleName?.Val?.Value is string name) level = LevelFromName(name);
                if (level == 0 && style?.StyleParagraphProperties?.OutlineLevel?.Val?.Value is int o && o < 9) level = o + 1;
                numbered |= style?.StyleParagraphProperties?.NumberingProperties?.NumberingId is not null;
                if (level > 0) return (level, numbered);
                styleId = style?.BasedOn?.Val?.Value;
            }
            return (0, false);
        }

        private static int LevelFromName(string name)
        {
            string compact = name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            foreach (string prefix in new[] { "heading", "标题" })
                if (compact.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(compact.AsSpan(prefix.Length), out int n) && n is >= 1 and <= 9)
                    return n;
            return 0;
        }
    }

    private static ProtocolReadResult Failed(string path, string message) => new(null, [new DocumentError(path, null, message)]);
}
