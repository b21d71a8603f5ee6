namespace GuidelineGraph.Guidance.Detection;

/// <summary>
/// Character folding that keeps one character per character (so positions survive): full-width ASCII to
/// half-width, ideographic space to space, dash variants to '-', curly quotes to straight, lower case.
/// </summary>
public static class TextFold
{
    public static char Width(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' => ' ',
        >= '\u2010' and <= '\u2015' or '\u2212' => '-',
        '\u2018' or '\u2019' => '\'',
        '\u201C' or '\u201D' => '"',
        _ => c,
    };

    public static char Fold(char c) => char.ToLowerInvariant(Width(c));

    public static string Fold(string text) => string.Create(text.Length, text, (span, s) =>
    {
        for (int i = 0; i < s.Length; i++) span[i] = Fold(s[i]);
    });

    public static string Width(string text) => string.Create(text.Length, text, (span, s) =>
    {
        for (int i = 0; i < s.Length; i++) span[i] = Width(s[i]);
    });

    /// <summary>A character of a Latin word: only these make word boundaries (CJK text has none).</summary>
    public static bool IsLatinWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c));

    public static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>Short all-capitals labels (IT, LP, AAV9, CRISPR) are abbreviations: they match only as written.</summary>
    public static bool IsAbbreviation(string label)
    {
        int letters = 0;
        foreach (char c in label)
        {
            char w = Width(c);
            if (char.IsLower(w)) return false;
            if (char.IsUpper(w)) letters++;
            else if (!char.IsAsciiDigit(w) && w != '-' && w != '.') return false;
        }
        return letters >= 1 && label.Length <= 6;
    }
}
