namespace GuidelineGraph.Rdf.Io.Syntax;

/// <summary>The Turtle grammar's name character classes (PN_CHARS_BASE, PN_CHARS_U, PN_CHARS) by code point.</summary>
internal static class CharClass
{
    public static bool IsPnCharsBase(int c)
    {
        if (c < 0x80) return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        return c is (>= 0xC0 and <= 0xD6) or (>= 0xD8 and <= 0xF6) or (>= 0xF8 and <= 0x2FF)
            or (>= 0x370 and <= 0x37D) or (>= 0x37F and <= 0x1FFF) or (>= 0x200C and <= 0x200D)
            or (>= 0x2070 and <= 0x218F) or (>= 0x2C00 and <= 0x2FEF) or (>= 0x3001 and <= 0xD7FF)
            or (>= 0xF900 and <= 0xFDCF) or (>= 0xFDF0 and <= 0xFFFD) or (>= 0x10000 and <= 0xEFFFF);
    }

    private const ulong LowNameChars = (1UL << '-') | (0x3FFUL << '0');
    private const ulong HighNameChars = (0x3FFFFFFUL << ('A' - 64)) | (1UL << ('_' - 64)) | (0x3FFFFFFUL << ('a' - 64));

    /// <summary>ASCII PN_CHARS: letters, digits, '-' and '_' (the fast path of name scanning).</summary>
    public static bool IsAsciiNameChar(char c) =>
        c < 64 ? ((LowNameChars >> c) & 1) != 0 : c < 128 && ((HighNameChars >> (c - 64)) & 1) != 0;

    public static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

    public static bool IsPnChars(int c)
    {
        if (c < 0x80) return c == '-' || c == '_' || (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        return c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040) || IsPnCharsBase(c);
    }

    /// <summary>Characters a local name may escape with a backslash (PN_LOCAL_ESC).</summary>
    public static bool IsLocalEscape(char c) => c is '_' or '~' or '.' or '-' or '!' or '$' or '&' or '\'' or '(' or ')'
        or '*' or '+' or ',' or ';' or '=' or '/' or '?' or '#' or '@' or '%';
}
