using System.Text;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Tests.Detection;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Guidance.Tests.Documents;

/// <summary>
/// The Markdown reader parses a protocol section by section: the pieces must give what one parse of the whole gives,
/// and a new version reuses the sections whose text did not change.
/// </summary>
public sealed class IncrementalReadingTests
{
    // A code fence anywhere makes the reader parse the text whole; an empty one at the end adds no text block.
    private const string WholeParse = "\n\n```\n```\n";

    public static TheoryData<string> Protocols()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Graph.ExamplesDirectory, "*.md").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Protocols))]
    public void Reading_section_by_section_gives_what_one_parse_of_the_whole_gives(string file)
    {
        string text = File.ReadAllText(Path.Combine(Graph.ExamplesDirectory, file));
        Assert.Equal(Shape(Read(text + WholeParse)), Shape(Read(text)));
    }

    [Fact]
    public void The_large_protocol_reads_the_same_in_pieces()
    {
        string text = LargeProtocol.Markdown(20);
        Assert.Equal(Shape(Read(text + WholeParse)), Shape(Read(text)));
    }

    [Fact]
    public void A_new_version_parses_again_only_the_edited_section()
    {
        string text = LargeProtocol.Markdown(5);
        ProtocolDocument before = Read(text);
        TextBlock edited = before.Blocks.Skip(before.Blocks.Count / 2).First(b => b.Kind == BlockKind.Paragraph && b.Text.Length > 20);
        int at = (int)edited.Span.Start.Offset + 3;
        ProtocolDocument after = MarkdownProtocolReader.Read(text.Insert(at, "new "), "p.md", before).Document!;

        Assert.Equal(before.Blocks.Count, after.Blocks.Count);
        for (int i = 0; i < before.Blocks.Count; i++)
        {
            // Blocks of untouched sections carry the same text object; the edited section's were read again.
            bool sameSection = before.Blocks[i].Section == edited.Section;
            Assert.Equal(!sameSection, ReferenceEquals(before.Blocks[i].Text, after.Blocks[i].Text));
        }
        Assert.Equal(Shape(Read(text.Insert(at, "new "))), Shape(after));
        TextBlock moved = after.Blocks[^1];
        Assert.Equal(before.Blocks[^1].Span.Start.Offset + 4, moved.Span.Start.Offset);
    }

    [Theory]
    [InlineData("# 1 Intro\n\n```\n# not a heading\n```\n\n# 2 Next\n", 2)]
    [InlineData("# 1 Intro\n\n<!--\n# hidden\n-->\n\n# 2 Next\n", 2)]
    [InlineData("---\nprofile: x\n# a YAML comment\n---\n# 1 Intro\n\ntext\n", 1)]
    [InlineData("# 1 Intro\n\nSee [the plan][p].\n\n# 2 Next\n\n[p]: http://example.org\n", 2)]
    [InlineData("# 1 Intro\n- item\n# 2 Next\n   # 3 Indented\n####### 7 hashes\n", 3)]
    public void Lines_that_only_look_like_headings_do_not_split_the_text(string markdown, int sections)
    {
        ProtocolDocument document = Read(markdown);
        Assert.Equal(sections, document.Sections.Count);
        Assert.Equal(Shape(Read(markdown + WholeParse)), Shape(document));
    }

    private static ProtocolDocument Read(string text) => MarkdownProtocolReader.Read(text, "p.md").Document!;

    /// <summary>Everything a reader yields, as text: blocks with spans, sections and their tree, markers, front matter.</summary>
    internal static string Shape(ProtocolDocument document)
    {
        var shape = new StringBuilder();
        foreach (TextBlock b in document.Blocks)
            shape.Append($"B {b.Index} {b.Kind} {b.Span} {b.Section?.Index} {b.PlainStart} {b.SourceSpanOf(0, b.Text.Length)} {b.Text}\n");
        foreach (ProtocolSection s in document.Sections)
            shape.Append($"S {s.Index} {s.Level} {s.Number} {s.Title} {s.HeadingSpan} {s.Parent?.Index} {s.Blocks.Count}\n");
        foreach (RequirementMarker m in document.Markers) shape.Append($"M {m.Token} {m.Span} {m.Section?.Index}\n");
        if (document.FrontMatter is { } f) shape.Append($"F {f.Span} {f.DeclaredFeatures.Count} {f.Waivers.Count} {f.Raw}\n");
        return shape.ToString();
    }
}
