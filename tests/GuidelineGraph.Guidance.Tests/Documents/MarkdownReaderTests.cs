using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Guidance.Tests.Documents;

public sealed class MarkdownReaderTests
{
    private static ProtocolDocument Read(string text)
    {
        ProtocolReadResult result = MarkdownProtocolReader.Read(text, "p.md");
        Assert.Empty(result.Errors);
        return result.Document!;
    }

    [Fact]
    public void Sections_form_a_tree_with_numbers_titles_and_spans()
    {
        ProtocolDocument doc = Read("# 8 Assessments\n\nIntro.\n\n## 8.4 Safety\n\nLiver tests.\n\n# 9 AEs\n");

        Assert.Equal(["8 Assessments", "8.4 Safety", "9 AEs"], doc.Sections.Select(s => s.Heading));
        ProtocolSection safety = doc.Sections[1];
        Assert.Equal("8.4", safety.Number);
        Assert.Equal("Safety", safety.Title);
        Assert.Equal(2, safety.Level);
        Assert.Same(doc.Sections[0], safety.Parent);
        Assert.Null(doc.Sections[2].Parent);
        Assert.Equal(new TextPosition(5, 1, 25), safety.HeadingSpan.Start);
        Assert.Equal("Liver tests.", Assert.Single(safety.Blocks).Text);
        Assert.Equal(5, safety.BodySpan.Start.Line);
        Assert.Equal(9, safety.BodySpan.End.Line);
    }

    [Fact]
    public void Positions_count_UTF16_units_for_Chinese_and_surrogate_pairs()
    {
        // "𠮷" is one character outside the BMP: two UTF-16 units, so "AAV" starts at column 5 of line 3.
        ProtocolDocument doc = Read("# 一、风险\n\n𠮷中 AAV 载体\n");
        TextBlock block = doc.Blocks[1];
        int at = block.Text.IndexOf("AAV", StringComparison.Ordinal);
        SourceSpan span = block.SourceSpanOf(at, 3);

        Assert.Equal(new TextPosition(3, 5, 12), span.Start);
        Assert.Equal(new TextPosition(3, 8, 15), span.End);
        SourceSpan pair = block.SourceSpanOf(0, 2);
        Assert.Equal((1, 3), (pair.Start.Column, pair.End.Column));
        Assert.Equal(("一", "风险"), (doc.Sections[0].Number, doc.Sections[0].Title));
    }

    [Fact]
    public void Inline_markup_is_dropped_from_the_text_but_positions_stay_exact()
    {
        ProtocolDocument doc = Read("Para with **bold AAV** and `code`.\n");
        TextBlock block = Assert.Single(doc.Blocks);
        Assert.Equal("Para with bold AAV and code.", block.Text);
        int at = block.Text.IndexOf("AAV", StringComparison.Ordinal);
        Assert.Equal(18, block.SourceSpanOf(at, 3).Start.Column);
        Assert.Equal(doc.Blocks[0].Text, doc.PlainText);
        Assert.Equal(new TextPosition(1, 18, 17), doc.SourcePositionOfPlain(at));
    }

    [Fact]
    public void Table_cells_are_blocks_of_their_own()
    {
        ProtocolDocument doc = Read("# 1.3 SoA\n\n| Visit | ALT |\n| --- | --- |\n| Day 1 | X |\n");
        Assert.Equal(["Visit", "ALT", "Day 1", "X"], doc.Sections[0].Blocks.Select(b => b.Text));
        Assert.All(doc.Sections[0].Blocks, b => Assert.Equal(BlockKind.TableCell, b.Kind));
        Assert.Equal(new TextPosition(3, 11, 21), doc.Sections[0].Blocks[1].SourceSpanOf(0, 3).Start);
    }

    [Fact]
    public void Front_matter_gives_raw_yaml_values_declared_features_and_waivers()
    {
        ProtocolDocument doc = Read("---\nguidelinegraph:\n  features: [AAV9, 婴儿]\nwaivers:\n  - requirement: cde:r-1\n    justification: done elsewhere\n---\n# 1 Summary\n");
        FrontMatter fm = doc.FrontMatter!;
        Assert.StartsWith("guidelinegraph:", fm.Raw, StringComparison.Ordinal);
        Assert.Equal(["AAV9", "婴儿"], fm.DeclaredFeatures.Select(f => f.Word));
        Assert.Equal(new TextPosition(3, 20, 39), fm.DeclaredFeatures[1].Span.Start);
        RequirementWaiver waiver = Assert.Single(fm.Waivers);
        Assert.Equal(("cde:r-1", "r-1", "done elsewhere"), (waiver.Token, waiver.Id, waiver.Justification));
        Assert.Equal(8, doc.Sections[0].HeadingSpan.Start.Line);
    }

    [Fact]
    public void Requirement_markers_in_html_comments_belong_to_their_section()
    {
        ProtocolDocument doc = Read("# A\n\n# B\n\nText <!-- gg:addresses cde:r-2 -->\n\n<!-- gg:addresses https://w3id.org/guidelinegraph/guideline/x/r-3, cde:r-4 -->\n");
        Assert.Equal(["r-2", "r-3", "r-4"], doc.Markers.Select(m => m.Id));
        Assert.All(doc.Markers, m => Assert.Equal("B", m.Section!.Heading));
        Assert.True(doc.Markers[1].Names("https://w3id.org/guidelinegraph/guideline/x/r-3", "other"));
        Assert.Equal(new TextPosition(5, 24, 33), doc.Markers[0].Span.Start);
    }

    [Theory]
    [InlineData("8.4.1 Liver", "8.4.1", "Liver")]
    [InlineData("8.4.1. Liver", "8.4.1", "Liver")]
    [InlineData("３．２ 入选标准", "3.2", "入选标准")]
    [InlineData("三、风险管理", "三", "风险管理")]
    [InlineData("（二）随访", "（二）", "随访")]
    [InlineData("第三章 试验设计", "三", "试验设计")]
    [InlineData("Inclusion Criteria", null, "Inclusion Criteria")]
    [InlineData("C.1 Design", "C.1", "Design")]
    [InlineData("3D imaging", null, "3D imaging")]
    public void Heading_numbers_are_split_as_written(string heading, string? number, string title)
    {
        Assert.Equal((number, title), HeadingNumber.Split(heading));
    }
}
