using GuidelineGraph.Testing;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

/// <summary>
/// Each version of a protocol is read and indexed against the previous one; after any run of edits the published
/// diagnostics must be those of the same text opened fresh.
/// </summary>
public class IncrementalAnalysisTests
{
    private static readonly string[] Typed =
    [
        "x", "will not be monitored ", "ALT and AST ", "intrathecal ", "\n## 8.9 Vector Shedding\n\nNot applicable.\n", "\n# 9 Appendix\n\n", "不进行", "\n",
    ];

    [Fact]
    public async Task Diagnostics_after_a_run_of_edits_equal_those_of_the_text_opened_fresh()
    {
        await using LspTestClient client = await LspTestClient.StartAsync();
        const string edited = "file:///w/protocols/edited.md", fresh = "file:///w/protocols/fresh.md";
        string text = LargeProtocol.Markdown(3);
        await client.OpenAsync(edited, text);
        await client.DiagnosticsAsync(edited, 1);

        var random = new Random(7);
        for (int version = 2; version <= 25; version++)
        {
            int at = random.Next(text.Length);
            if (char.IsLowSurrogate(text[at])) at--;
            (int line, int character) = Position(text, at);
            if (random.Next(3) == 0)
            {
                // Delete up to the end of the line.
                int end = text.IndexOf('\n', at);
                end = end < 0 ? text.Length : end;
                await client.ChangeAsync(edited, version, LspTestClient.Edit(line, character, line, character + end - at, ""));
                text = text.Remove(at, end - at);
            }
            else
            {
                string typed = Typed[random.Next(Typed.Length)];
                await client.ChangeAsync(edited, version, LspTestClient.Edit(line, character, line, character, typed));
                text = text.Insert(at, typed);
            }
            JObject incremental = await client.DiagnosticsAsync(edited, version);

            await client.OpenAsync(fresh, text, version);
            JObject full = await client.DiagnosticsAsync(fresh, version);
            Assert.Equal(Shape(full), Shape(incremental));
            await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = fresh } });
        }
    }

    private static (int Line, int Character) Position(string text, int offset)
    {
        int line = 0, start = 0;
        for (int i = text.IndexOf('\n'); i >= 0 && i < offset; i = text.IndexOf('\n', i + 1))
        {
            line++;
            start = i + 1;
        }
        return (line, offset - start);
    }

    private static string Shape(JObject published) =>
        string.Join('\n', ((JArray)published["diagnostics"]!).Select(d => $"{d["range"]} {d["code"]} {d["severity"]} {d["message"]}"));
}
