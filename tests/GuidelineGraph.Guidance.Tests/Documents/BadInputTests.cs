using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Tests.Documents;

public sealed class BadInputTests
{
    [Fact]
    public void Invalid_front_matter_yaml_is_a_positioned_error_and_the_body_is_still_read()
    {
        ProtocolReadResult result = MarkdownProtocolReader.Read("---\ntitle: ok\nfeatures: [AAV9\n---\n# 1 Summary\n", "p.md");
        DocumentError error = Assert.Single(result.Errors);
        Assert.Contains("invalid front matter YAML", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Span);
        Assert.InRange(error.Span!.Value.Start.Line, 3, 4);
        Assert.StartsWith("p.md:", error.ToString(), StringComparison.Ordinal);
        Assert.Single(result.Document!.Sections);
    }

    [Fact]
    public void A_waiver_without_justification_is_an_error_at_the_waiver()
    {
        ProtocolReadResult result = MarkdownProtocolReader.Read("---\nwaivers:\n  - requirement: cde:r-1\n---\n", "p.md");
        DocumentError error = Assert.Single(result.Errors);
        Assert.Contains("justification", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Span!.Value.Start.Line);
    }

    [Fact]
    public void Alias_bombs_in_front_matter_stop_with_an_error()
    {
        var yaml = new System.Text.StringBuilder("---\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'h'; c++) yaml.Append($"{c}: &{c} [*{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}, *{(char)(c - 1)}]\n");
        yaml.Append("---\n");
        ProtocolReadResult result = MarkdownProtocolReader.Read(yaml.ToString(), "p.md");
        Assert.Contains(result.Errors, e => e.Message.Contains("too large", StringComparison.Ordinal));
    }

    [Fact]
    public void A_binary_file_is_refused_with_the_position_of_the_first_bad_byte()
    {
        byte[] bytes = [.. "# Title\nab"u8, 0, 1, 2];
        ProtocolReadResult result = ProtocolReader.Read(bytes, "p.md");
        Assert.Null(result.Document);
        DocumentError error = Assert.Single(result.Errors);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Equal("p.md:2:3: binary file (NUL byte), not a Markdown protocol", error.ToString());
    }

    [Fact]
    public void Invalid_utf8_is_refused()
    {
        ProtocolReadResult result = ProtocolReader.Read([(byte)'a', 0xC3, 0x28], "p.md");
        Assert.Null(result.Document);
        Assert.Contains("not UTF-8", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_docx_is_an_error_value()
    {
        ProtocolReadResult zipGarbage = ProtocolReader.Read([(byte)'P', (byte)'K', 3, 4, 9, 9, 9, 9], "p.docx");
        Assert.Null(zipGarbage.Document);
        Assert.Contains("corrupt", Assert.Single(zipGarbage.Errors).Message, StringComparison.Ordinal);

        ProtocolReadResult text = ProtocolReader.Read("# not a docx"u8.ToArray(), "p.docx");
        Assert.Null(text.Document);
        Assert.Single(text.Errors);
    }

    [Fact]
    public void Unreadable_paths_are_error_values()
    {
        string missing = Path.Combine(Path.GetTempPath(), "gg-no-such-dir", "p.md");
        Assert.Equal("file not found", Assert.Single(ProtocolReader.ReadFile(missing).Errors).Message);
        Assert.Contains("directory", Assert.Single(ProtocolReader.ReadFile(Path.GetTempPath()).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_input_makes_the_markdown_reader_throw()
    {
        var random = new Random(7);
        string alphabet = "#-|*`<>!\n 1.一、（）AAV:[]{}&\t\r\u0000\uD842\uDFB7";
        for (int n = 0; n < 300; n++)
        {
            var chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            string text = (n % 3 == 0 ? "---\n" : "") + new string(chars);
            ProtocolReadResult result = MarkdownProtocolReader.Read(text);
            Assert.NotNull(result.Document);
        }
    }
}
