using System.Text;

namespace GuidelineGraph.Rdf;

/// <summary>Escaping shared by term printing and the N-Triples family writers.</summary>
public static class NTriplesEscaping
{
    public static string EscapeString(string s)
    {
        int i = 0;
        while (i < s.Length && !NeedsStringEscape(s[i])) i++;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length + 8);
        sb.Append(s, 0, i);
        for (; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F) sb.Append("\\u").Append(((int)c).ToString("X4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool NeedsStringEscape(char c) => c < 0x20 || c == '"' || c == '\\' || c == 0x7F;

    /// <summary>IRIs only escape what N-Triples forbids inside &lt;&gt;.</summary>
    public static string EscapeIri(string s)
    {
        int i = 0;
        while (i < s.Length && !NeedsIriEscape(s[i])) i++;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length + 8);
        sb.Append(s, 0, i);
        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (NeedsIriEscape(c)) sb.Append("\\u").Append(((int)c).ToString("X4"));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsIriEscape(char c) =>
        c <= 0x20 || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\';
}
