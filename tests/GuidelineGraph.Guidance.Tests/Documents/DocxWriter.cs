using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GuidelineGraph.Guidance.Tests.Documents;

/// <summary>
/// Test utility: renders the simple Markdown of the example protocols (front matter, ATX headings,
/// paragraphs, numbered items, pipe tables, HTML comments) as a Word document, the way a writer's
/// Word file would look: headings 1–2 by "Heading N" styles, deeper headings by outline level only,
/// front matter as paragraphs between "---" lines.
/// </summary>
internal static class DocxWriter
{
    public static byte[] FromMarkdown(string markdown)
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                Enumerable.Range(1, 2).Select(n => new Style(
                    new StyleName { Val = $"heading {n}" },
                    new StyleParagraphProperties(new OutlineLevel { Val = n - 1 }))
                { Type = StyleValues.Paragraph, StyleId = $"Heading{n}" }));
            var body = new Body();
            main.Document = new Document(body);
            foreach (OpenXmlElement element in Blocks(markdown.Replace("\r\n", "\n").Split('\n'))) body.Append(element);
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Blocks(string[] lines)
    {
        int i = 0;
        if (lines.Length > 0 && lines[0] == "---")
        {
            yield return Para("---");
            for (i = 1; i < lines.Length && lines[i] != "---"; i++) yield return Para(lines[i]);
            yield return Para("---");
            i++;
        }
        var paragraph = new StringBuilder();
        Table? table = null;
        for (; i <= lines.Length; i++)
        {
            string line = i < lines.Length ? lines[i] : "";
            bool isTable = line.StartsWith('|');
            if (table is not null && !isTable)
            {
                yield return table;
                table = null;
            }
            bool ends = line.Trim().Length == 0 || line.StartsWith('#') || isTable || line.StartsWith("<!--", StringComparison.Ordinal) || ListItem(line) is not null;
            if (ends && paragraph.Length > 0)
            {
                yield return Para(paragraph.ToString());
                paragraph.Clear();
            }
            if (line.Trim().Length == 0) continue;
            if (line.StartsWith('#'))
            {
                int level = line.TakeWhile(c => c == '#').Count();
                yield return Heading(line[level..].Trim(), level);
            }
            else if (isTable)
            {
                string[] cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells.All(c => c.Trim('-', ':').Length == 0)) continue;
                table ??= new Table();
                table.Append(new TableRow(cells.Select(c => new TableCell(Para(c)))));
            }
            else if (line.StartsWith("<!--", StringComparison.Ordinal)) yield return Para(line);
            else if (ListItem(line) is string item) paragraph.Append(item);
            else paragraph.Append(paragraph.Length > 0 ? " " : "").Append(line.Trim());
        }
    }

    private static string? ListItem(string line)
    {
        int digits = line.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && line.Length > digits + 1 && line[digits] == '.' && line[digits + 1] == ' ' ? line[(digits + 2)..].Trim() : null;
    }

    private static Paragraph Heading(string text, int level)
    {
        var properties = level <= 2
            ? new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" })
            : new ParagraphProperties(new OutlineLevel { Val = level - 1 });
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
