namespace GuidelineGraph.Guidance.Documents;

/// <summary>Splits a heading into its own number as written and its title.</summary>
public static class HeadingNumber
{
    private const string ChineseNumerals = "一二三四五六七八九十百零〇";

    /// <summary>"8.4.1 Liver" → ("8.4.1", "Liver"); "三、风险管理" → ("三", "风险管理"); "（二）随访" → ("（二）", "随访").</summary>
    public static (string? Number, string Title) Split(string heading)
    {
        string text = heading.Trim();
        int i = 0;
        if (text.StartsWith("Section ", StringComparison.OrdinalIgnoreCase)) i = "Section ".Length;

        // Decimal: 8 / 8.4 / 8.4.1 / 8.4.1. / 8.4) / 1、 (full-width digits too).
        int start = i;
        while (i < text.Length && (IsDigit(text[i]) || (IsDot(text[i]) && i > start && i + 1 < text.Length && IsDigit(text[i + 1]))))
            i++;
        if (i > start)
        {
            string number = new string(text[start..i].Select(c => c >= '０' && c <= '９' ? (char)(c - '０' + '0') : c == '．' ? '.' : c).ToArray());
            int rest = i;
            if (rest < text.Length && (IsDot(text[rest]) || text[rest] is '、' or ')' or '）')) rest++;
            if (rest == text.Length || char.IsWhiteSpace(text[rest]) || rest > i || !char.IsAsciiLetterOrDigit(text[rest]))
                return (number, text[rest..].Trim());
            return (null, text);
        }

        // Lettered: "A." / "C.1" / "F.2.1"
        if (text.Length > 1 && char.IsAsciiLetterUpper(text[0]) && text[1] == '.')
        {
            int j = 2;
            while (j < text.Length && (char.IsAsciiDigit(text[j]) || (text[j] == '.' && j + 1 < text.Length && char.IsAsciiDigit(text[j + 1])))) j++;
            if (j < text.Length && text[j] == '.') j++;
            if (j < text.Length && char.IsWhiteSpace(text[j])) return (text[..j].TrimEnd('.'), text[j..].Trim());
        }

        // 第三章 / 第3节 / 第一部分
        if (text.StartsWith('第'))
        {
            int j = 1;
            while (j < text.Length && (ChineseNumerals.Contains(text[j]) || IsDigit(text[j]))) j++;
            if (j > 1 && j < text.Length && text[j] is '章' or '节' or '部' or '條' or '条')
            {
                int rest = text[j] == '部' && j + 1 < text.Length && text[j + 1] == '分' ? j + 2 : j + 1;
                return (text[1..j], text[rest..].Trim(' ', '　', '、', '：', ':'));
            }
        }

        // 三、 / 三. / （二） / (二)
        if (text.Length > 0 && text[0] is '（' or '(')
        {
            int close = text.IndexOfAny([')', '）']);
            if (close > 1 && text[1..close].All(c => ChineseNumerals.Contains(c) || IsDigit(c)))
                return (text[..(close + 1)], text[(close + 1)..].Trim());
        }
        int k = 0;
        while (k < text.Length && ChineseNumerals.Contains(text[k])) k++;
        if (k > 0 && k < text.Length && (text[k] is '、' or '．' or '.' or ' ' or '　'))
            return (text[..k], text[(k + 1)..].Trim());

        return (null, text);
    }

    /// <summary>True for "8", "8.4.1": numbers that can name an ICH M11 section.</summary>
    public static bool IsDecimal(string? number) =>
        number is { Length: > 0 } && char.IsAsciiDigit(number[0]) && number.All(c => char.IsAsciiDigit(c) || c == '.');

    private static bool IsDigit(char c) => char.IsAsciiDigit(c) || c is >= '０' and <= '９';
    private static bool IsDot(char c) => c is '.' or '．';
}
