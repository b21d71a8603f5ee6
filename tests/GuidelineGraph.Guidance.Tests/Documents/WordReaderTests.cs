using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Tests.Documents;

public sealed class WordReaderTests
{
    /// <summary>A document as Chinese Word writes it: style ids "1"/"2" named "标题 1"/"标题 2", auto-numbered headings.</summary>
    private static byte[] ChineseStyledDocument()
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = word.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "标题 1" }) { Type = StyleValues.Paragraph, StyleId = "1" },
                new Style(new StyleName { Val = "标题 2" }, new BasedOn { Val = "1" }) { Type = StyleValues.Paragraph, StyleId = "2" });
            Paragraph Heading(string style, string text) => new(
                new ParagraphProperties(new ParagraphStyleId { Val = style }, new NumberingProperties(new NumberingId { Val = 1 }, new NumberingLevelReference { Val = 0 })),
                new Run(new Text(text)));
            main.Document = new Document(new Body(
                Heading("1", "试验设计"),
                Heading("2", "试验设计描述"),
                new Paragraph(new Run(new Text("采用𠮷自身对照设计。"))),
                Heading("1", "试验人群"),
                new Table(new TableRow(new TableCell(new Paragraph(new Run(new Text("入选标准")))), new TableCell(new Paragraph(new Run(new Text("年龄 ≥ 3 岁"))))))));
        }
        return stream.ToArray();
    }

    [Fact]
    public void Headings_come_from_chinese_style_names_with_computed_numbers()
    {
        ProtocolReadResult result = WordProtocolReader.Read(ChineseStyledDocument(), "p.docx");
        Assert.Empty(result.Errors);
        ProtocolDocument doc = result.Document!;
        Assert.Equal(["1 试验设计", "1.1 试验设计描述", "2 试验人群"], doc.Sections.Select(s => s.Heading));
        Assert.Equal([1, 2, 1], doc.Sections.Select(s => s.Level));
        Assert.Equal("1.1", doc.Sections[1].Number);
        Assert.Same(doc.Sections[0], doc.Sections[1].Parent);
        Assert.Equal(["入选标准", "年龄 ≥ 3 岁"], doc.Sections[2].Blocks.Select(b => b.Text));
        Assert.All(doc.Sections[2].Blocks, b => Assert.Equal(BlockKind.TableCell, b.Kind));
    }

    [Fact]
    public void Positions_are_paragraph_lines_and_UTF16_columns()
    {
        ProtocolDocument doc = WordProtocolReader.Read(ChineseStyledDocument(), "p.docx").Document!;
        TextBlock body = doc.Sections[1].Blocks[0];
        int at = body.Text.IndexOf("自身对照", StringComparison.Ordinal);
        SourceSpan span = body.SourceSpanOf(at, 4);
        Assert.Equal((3, 5), (span.Start.Line, span.Start.Column));
        Assert.Equal((3, 9), (span.End.Line, span.End.Column));
        Assert.Equal((4, 1), (doc.Sections[2].HeadingSpan.Start.Line, doc.Sections[2].HeadingSpan.Start.Column));
    }
}
