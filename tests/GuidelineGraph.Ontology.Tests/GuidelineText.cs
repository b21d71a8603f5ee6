using System.Text;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>
/// How the checks read a guideline's source text (the PDF extraction in source.txt).
///
/// Normalisation, applied alike to the source and to every quote: each line is trimmed of leading and
/// trailing whitespace and the line breaks are removed, blank lines included (equivalently: every
/// whitespace run that touches a line break is deleted). Spaces inside a line stay ("1/10 000",
/// "质粒 DNA"). Trimming, not just deleting '\n', matters: after a page break the next line starts
/// with a space in the middle of a sentence (基因失 / ␠活或者).
///
/// Sentences: the normalised text of each paragraph is split after 。；？！. A paragraph ends at a
/// source line that ends with whitespace: the extraction ends exactly the last line of every
/// paragraph and heading that way, so headings such as "1.受试者" never glue onto the next sentence.
/// </summary>
public static class GuidelineText
{
    private const string SentenceEnds = "。；？！";

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (string line in text.Split('\n'))
        {
            builder.Append(line.Trim());
        }
        return builder.ToString();
    }

    /// <summary>The source's paragraphs, each normalised; a line ending in whitespace closes one.</summary>
    public static IEnumerable<string> Paragraphs(string source)
    {
        var paragraph = new StringBuilder();
        foreach (string line in source.Split('\n'))
        {
            string body = line.TrimEnd('\r');
            paragraph.Append(body.Trim());
            if (body.Length > 0 && char.IsWhiteSpace(body[^1]) && paragraph.Length > 0)
            {
                yield return paragraph.ToString();
                paragraph.Clear();
            }
        }
        if (paragraph.Length > 0) yield return paragraph.ToString();
    }

    public static IEnumerable<string> Sentences(string source)
    {
        foreach (string paragraph in Paragraphs(source))
        {
            int start = 0;
            for (int i = 0; i < paragraph.Length; i++)
            {
                if (SentenceEnds.Contains(paragraph[i]))
                {
                    yield return paragraph[start..(i + 1)];
                    start = i + 1;
                }
            }
            if (start < paragraph.Length) yield return paragraph[start..];
        }
    }
}

/// <summary>
/// Whether a sentence carries a modal word, decided on the characters alone.
///
/// Modal words: 应 (应当), 需 (需要), 必须 — shall; 建议, 推荐, 鼓励 — should; 可 (可以, 可考虑) — may.
/// 应当/需要/可以/可考虑 contain 应/需/可, so searching the short forms finds them all.
/// Before searching, look-alikes are masked — words in which those characters are not modal:
/// 反应 适应 效应 应答 对应 相应 应用 供应 响应 (应); 需求 (需); 可能 (also in 不可能, 尽可能)
/// 可行 可用 可接受 可控 可操作 可靠 可及 可逆 不可避免 (可).
/// Deliberately not masked: 建议/需要 used as nouns or in a condition (技术建议, 如需使用), 理应 and
/// 不可或缺 ("indispensable", an obligation by meaning) —
/// such a sentence counts as modal, so it must be covered; a requirement (informative if need be)
/// whose quote lies in it covers it. Erring this way can only ask for more coverage, never less.
/// </summary>
public static class ModalWords
{
    private static readonly string[] LookAlikes =
    [
        "反应", "适应", "效应", "应答", "对应", "相应", "应用", "供应", "响应",
        "需求",
        "可能", "可行", "可用", "可接受", "可控", "可操作", "可靠", "可及", "可逆", "不可避免",
    ];

    private static readonly string[] Modals = ["应", "需", "必须", "建议", "推荐", "鼓励", "可"];

    public static bool Carries(string sentence)
    {
        string masked = sentence;
        foreach (string word in LookAlikes)
        {
            masked = masked.Replace(word, new string('□', word.Length), StringComparison.Ordinal);
        }
        return Modals.Any(modal => masked.Contains(modal, StringComparison.Ordinal));
    }
}
