using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Tests;

internal static class WorkspaceEdits
{
    /// <summary>Applies a code action's single text edit to the text (positions are UTF-16; lines end at \n, a \r stays part of its line).</summary>
    public static string Apply(string text, JToken action, string uri)
    {
        JToken edit = action["edit"]!["changes"]![uri]!.Single();
        var lines = text.Split('\n');
        int Offset(JToken p) => lines.Take((int)p["line"]!).Sum(l => l.Length + 1) + (int)p["character"]!;
        int start = Offset(edit["range"]!["start"]!), end = Offset(edit["range"]!["end"]!);
        return text[..start] + (string)edit["newText"]! + text[end..];
    }
}
