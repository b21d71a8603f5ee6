using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Tests;

public class DocumentTextTests
{
    // a(1 UTF-16 unit, 1 byte) 中(1, 3 bytes) 😀(2 units, 4 bytes) b; then "x" on line 1.
    private static readonly DocumentText Sample = new("a中😀b\nx");

    [Theory]
    [InlineData(PositionEncoding.Utf16, 4)]
    [InlineData(PositionEncoding.Utf8, 8)]
    [InlineData(PositionEncoding.Utf32, 3)]
    public void Position_of_the_char_after_a_surrogate_pair_counts_in_the_encoding(PositionEncoding encoding, int column)
    {
        Assert.Equal(new Position(0, column), Sample.Position(4, encoding));
        Assert.Equal(4, Sample.Offset(new Position(0, column), encoding));
    }

    [Fact]
    public void A_column_inside_a_character_means_its_start_and_past_the_end_means_the_line_end()
    {
        Assert.Equal(1, Sample.Offset(new Position(0, 2), PositionEncoding.Utf8)); // byte 2 of 中
        Assert.Equal(2, Sample.Offset(new Position(0, 6), PositionEncoding.Utf8)); // byte 2 of 😀
        Assert.Equal(5, Sample.Offset(new Position(0, 99), PositionEncoding.Utf16));
        Assert.Equal(6, Sample.Offset(new Position(1, 0), PositionEncoding.Utf16));
        Assert.Equal(7, Sample.Offset(new Position(9, 0), PositionEncoding.Utf16));
    }

    [Fact]
    public void Lines_end_at_lf_crlf_and_cr()
    {
        var text = new DocumentText("a\r\nb\rc");
        Assert.Equal(3, text.LineCount);
        Assert.Equal(3, text.LineStart(1));
        Assert.Equal(5, text.LineStart(2));
        Assert.Equal("b", text.LineText(1));
        Assert.Equal(new Position(2, 0), text.Position(5, PositionEncoding.Utf16));
        Assert.Equal(1, text.LineEnd(0));
    }

    [Fact]
    public void Incremental_changes_replace_the_range_in_the_negotiated_encoding()
    {
        DocumentText changed = Sample.Apply(new TextDocumentContentChangeEvent(
            new Protocol.Range(new Position(0, 1), new Position(0, 4)), "文"), PositionEncoding.Utf8);
        Assert.Equal("a文😀b\nx", changed.Text);
        DocumentText whole = changed.Apply(new TextDocumentContentChangeEvent(null, "new"), PositionEncoding.Utf16);
        Assert.Equal("new", whole.Text);
    }

    [Fact]
    public void A_utf16_edit_may_split_a_surrogate_pair_and_the_positions_stay_consistent()
    {
        DocumentText split = Sample.Apply(new TextDocumentContentChangeEvent(
            new Protocol.Range(new Position(0, 3), new Position(0, 3)), "X"), PositionEncoding.Utf16);
        Assert.Equal("a中\uD83DX\uDE00b\nx", split.Text);
        // Lone surrogates count as one character each; in UTF-8 they are written as U+FFFD (3 bytes).
        Assert.Equal(new Position(0, 7), split.Position(3, PositionEncoding.Utf8));
        Assert.Equal(new Position(0, 5), split.Position(5, PositionEncoding.Utf32));
    }

    [Theory]
    [InlineData(new[] { "utf-8", "utf-16" }, PositionEncoding.Utf8)]
    [InlineData(new[] { "utf-32" }, PositionEncoding.Utf32)]
    [InlineData(new[] { "latin-1", "utf-16" }, PositionEncoding.Utf16)]
    [InlineData(new string[0], PositionEncoding.Utf16)]
    public void The_client_first_known_offer_wins_and_utf16_is_the_default(string[] offered, PositionEncoding expected) =>
        Assert.Equal(expected, PositionEncodings.Negotiate(offered));
}
