using System.Runtime.CompilerServices;
using System.Text;

namespace GuidelineGraph.Testing;

/// <summary>
/// A realistic long protocol for benchmarks and editor tests: the ICH M11-numbered example
/// examples/protocols/sma-aav9-infants.md (its front matter, headings, tables, marker and waiver kept),
/// with every subsection's text repeated under numbered per-cohort subsections ("8.4.12 Cohort 12")
/// until the document reaches the requested number of pages. Deterministic: the same pages give the same text.
/// </summary>
public static class LargeProtocol
{
    /// <summary>A page of a protocol in characters (about 500 English words).</summary>
    public const int CharactersPerPage = 3_000;

    public const string SourceExample = "sma-aav9-infants.md";

    /// <summary>The path of the example the protocol is built from.</summary>
    public static string SourcePath => Path.Combine(RepositoryDirectory(), "examples", "protocols", SourceExample);

    /// <summary>The Markdown text of a protocol of at least <paramref name="pages"/> pages.</summary>
    public static string Markdown(int pages = 300)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages);
        string[] lines = File.ReadAllText(SourcePath).Replace("\r\n", "\n").Split('\n');
        List<Part> parts = Parts(lines);
        int target = pages * CharactersPerPage;
        int skeleton = parts.Sum(p => p.Heading.Length + p.Body.Length + 2);
        int repeatable = parts.Where(p => p.Level == 2).Select(p => Prose(p.Body)).Where(p => p.Length > 0).Sum(p => p.Length + 24);
        int cohorts = Math.Max(1, (int)Math.Ceiling((target - skeleton) / (double)Math.Max(1, repeatable)));

        var text = new StringBuilder(target + target / 8);
        foreach (Part part in parts)
        {
            text.Append(part.Heading).Append('\n');
            if (part.Body.Length > 0) text.Append(part.Body).Append('\n');
            if (part.Level != 2) continue;
            string prose = Prose(part.Body);
            if (prose.Length == 0) continue;
            for (int cohort = 1; cohort <= cohorts; cohort++)
                text.Append("\n### ").Append(part.Number).Append('.').Append(cohort).Append(" Cohort ").Append(cohort).Append("\n\n")
                    .Append(prose).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Writes <see cref="Markdown"/> to <paramref name="path"/> (UTF-8, no BOM) and returns the path.</summary>
    public static string WriteTo(string path, int pages = 300)
    {
        File.WriteAllText(path, Markdown(pages), new UTF8Encoding(false));
        return path;
    }

    /// <summary>A subsection's own text without its tables and markers, which are not repeated.</summary>
    private static string Prose(string body) =>
        string.Join('\n', body.Split('\n').Where(l => !l.StartsWith('|') && !l.StartsWith("<!--", StringComparison.Ordinal))).Trim();

    private sealed record Part(int Level, string? Number, string Heading, string Body);

    /// <summary>The front matter and preamble as one level-0 part, then one part per heading with the text up to the next.</summary>
    private static List<Part> Parts(string[] lines)
    {
        var parts = new List<Part>();
        int level = 0;
        string? number = null;
        string heading = "";
        var body = new StringBuilder();
        foreach (string line in lines)
        {
            int hashes = line.TakeWhile(c => c == '#').Count();
            if (hashes is >= 1 and <= 6 && line.Length > hashes && line[hashes] == ' ')
            {
                parts.Add(new Part(level, number, heading, body.ToString()));
                level = hashes;
                string title = line[(hashes + 1)..].Trim();
                number = title.Split(' ')[0];
                heading = line;
                body.Clear();
                continue;
            }
            body.Append(line).Append('\n');
        }
        parts.Add(new Part(level, number, heading, body.ToString()));
        // The level-0 part is the front matter: its "heading" is empty, so write its body only.
        parts[0] = parts[0] with { Heading = parts[0].Body.TrimEnd('\n'), Body = "" };
        return parts;
    }

    private static string RepositoryDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
