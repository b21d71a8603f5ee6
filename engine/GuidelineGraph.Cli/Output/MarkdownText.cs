namespace GuidelineGraph.Cli.Output;

internal static class MarkdownText
{
    /// <summary>A Markdown table cell: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");
}
