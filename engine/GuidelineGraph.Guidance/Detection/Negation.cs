namespace GuidelineGraph.Guidance.Detection;

/// <summary>
/// Decides whether a mention is negated ("will not be monitored", "No … will be performed", "not
/// applicable", 不进行, 不开展, 无需, 未, 不适用). English: a cue up to six words before the term in the
/// same sentence, or a verb-group negation after it ("… will not be", "… is not required"), with no
/// "but/however" between. Chinese: a cue in the same clause (up to ，。；), before or after.
/// </summary>
public static class Negation
{
    private static readonly string[] EnglishCuesBefore = ["no", "not", "never", "without", "neither", "nor", "none", "cannot", "n't"];
    private static readonly string[] EnglishCuesAfter = ["not", "n't", "never", "cannot"];
    private static readonly string[] EnglishPseudo = ["no later than", "no more than", "no less than", "not only", "not limited to", "whether or not", "if not", "not exceed", "no longer than"];
    private static readonly string[] EnglishBreaks = ["but", "however", "although", "except", "instead", "unless"];

    private static readonly string[] ChineseCues = ["不进行", "不开展", "无需", "不需", "不适用", "不会", "不予", "不做", "不设", "不实施", "不采用", "不安排", "不计划", "不包括", "不纳入", "不要求", "不采集", "不收集", "不检测", "不评估", "不监测", "未", "没有", "无"];
    private static readonly string[] ChinesePseudo = ["未满足", "未来", "未成年", "未知", "未经治疗", "未治疗", "无菌", "无法", "无论", "无关", "无进展", "无病", "无事件", "无复发", "无效"];
    private const string ChineseClauseEnds = "，。；！？,;!?\n";
    private const string SentenceEnds = ".;!?。；！？:\n";

    public static bool IsNegated(string text, int start, int length) => IsNegated(text, TextFold.Fold(text), start, length);

    /// <param name="lower"><see cref="TextFold.Fold(string)"/> of <paramref name="text"/> (folded once per block, not per mention).</param>
    public static bool IsNegated(string text, string lower, int start, int length)
    {
        (int sentenceStart, int sentenceEnd) = Bounds(text, start, start + length, SentenceEnds);
        if (HasChinese(text, sentenceStart, sentenceEnd))
        {
            (int clauseStart, int clauseEnd) = Bounds(text, start, start + length, ChineseClauseEnds);
            if (ChineseNegated(lower, clauseStart, start, start + length, clauseEnd)) return true;
        }
        return EnglishNegated(lower, sentenceStart, start, start + length, sentenceEnd);
    }

    private static bool ChineseNegated(string text, int clauseStart, int termStart, int termEnd, int clauseEnd)
    {
        foreach (string cue in ChineseCues)
        {
            for (int at = text.IndexOf(cue, clauseStart, clauseEnd - clauseStart, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < clauseEnd ? text.IndexOf(cue, at + 1, clauseEnd - at - 1, StringComparison.Ordinal) : -1)
            {
                if (at >= termStart && at < termEnd) continue;
                if (ChinesePseudo.Any(p => p.StartsWith(cue, StringComparison.Ordinal) && string.CompareOrdinal(text, at, p, 0, p.Length) == 0)) continue;
                return true;
            }
        }
        return false;
    }

    private static bool EnglishNegated(string text, int sentenceStart, int termStart, int termEnd, int sentenceEnd)
    {
        List<(int Start, string Word)> before = Words(text, sentenceStart, termStart);
        for (int k = before.Count - 1, seen = 0; k >= 0 && seen < 6; k--, seen++)
        {
            string w = before[k].Word;
            if (EnglishBreaks.Contains(w)) break;
            if (IsCue(w, EnglishCuesBefore) && !IsPseudo(text, before[k].Start)) return true;
        }
        List<(int Start, string Word)> after = Words(text, termEnd, sentenceEnd);
        for (int k = 0; k < after.Count && k < 8; k++)
        {
            string w = after[k].Word;
            if (EnglishBreaks.Contains(w)) break;
            if (IsCue(w, EnglishCuesAfter) && !IsPseudo(text, after[k].Start)) return true;
            if (w == "applicable" && k > 0 && after[k - 1].Word == "not") return true;
        }
        return false;
    }

    private static bool IsCue(string word, string[] cues) => cues.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    private static bool IsPseudo(string text, int at) =>
        EnglishPseudo.Any(p => string.CompareOrdinal(text, at, p, 0, p.Length) == 0)
        || (at >= 8 && string.CompareOrdinal(text, at - 8, "whether or not", 0, 14) == 0);

    private static List<(int, string)> Words(string text, int from, int to)
    {
        var words = new List<(int, string)>();
        int i = from;
        while (i < to)
        {
            while (i < to && !TextFold.IsLatinWordChar(text[i]) && text[i] != '\'') i++;
            int s = i;
            while (i < to && (TextFold.IsLatinWordChar(text[i]) || text[i] == '\'')) i++;
            if (i > s) words.Add((s, text[s..i]));
        }
        return words;
    }

    private static (int, int) Bounds(string text, int start, int end, string stops)
    {
        int s = start;
        while (s > 0 && !IsStop(text, s - 1, stops)) s--;
        int e = end;
        while (e < text.Length && !IsStop(text, e, stops)) e++;
        return (s, e);
    }

    // A '.' inside a number or an abbreviation ("1.5", "i.t.", "e.g.") does not end a sentence.
    private static bool IsStop(string text, int i, string stops) =>
        stops.Contains(text[i]) && !(text[i] == '.' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]));

    private static bool HasChinese(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (TextFold.IsCjk(text[i])) return true;
        return false;
    }
}
