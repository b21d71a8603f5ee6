using System.Globalization;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>The term syntax of TSV results: N-Triples terms plus SPARQL's numeric and boolean shorthands.</summary>
internal static class TsvTerms
{
    public static string Format(Term term)
    {
        if (term is Literal { Language: null } l && IsShorthand(l)) return l.Lexical;
        return term.ToString();
    }

    private static bool IsShorthand(Literal l)
    {
        var dt = l.Datatype.Value;
        var s = l.Lexical.AsSpan();
        if (dt == Vocab.Xsd.Boolean.Value) return s is "true" or "false";
        if (dt == Vocab.Xsd.Integer.Value) return NumberKind(s) == Vocab.Xsd.Integer;
        if (dt == Vocab.Xsd.Decimal.Value) return NumberKind(s) == Vocab.Xsd.Decimal;
        if (dt == Vocab.Xsd.Double.Value) return NumberKind(s) == Vocab.Xsd.Double;
        return false;
    }

    /// <summary>The datatype of a SPARQL numeric token (INTEGER, DECIMAL, DOUBLE with optional sign), or null.</summary>
    public static Iri? NumberKind(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] is '+' or '-') i++;
        int intDigits = Digits(s, ref i);
        bool dot = false;
        int fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            dot = true;
            i++;
            fracDigits = Digits(s, ref i);
        }
        if (intDigits + fracDigits == 0) return null;
        if (i == s.Length)
        {
            if (!dot) return Vocab.Xsd.Integer;
            return fracDigits > 0 ? Vocab.Xsd.Decimal : null;
        }
        if (s[i] is not ('e' or 'E')) return null;
        i++;
        if (i < s.Length && s[i] is '+' or '-') i++;
        return Digits(s, ref i) > 0 && i == s.Length ? Vocab.Xsd.Double : null;
    }

    private static int Digits(ReadOnlySpan<char> s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        return i - start;
    }

    /// <summary>Parses one term; returns an error message instead of throwing.</summary>
    public static Term? Parse(string s, out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = 0;
        if (s.Length == 0) { error = "empty term"; return null; }
        switch (s[0])
        {
            case '<':
                if (s[^1] != '>') { error = "IRI not closed by '>'"; errorColumn = s.Length; return null; }
                var iri = Unescape(s.AsSpan(1, s.Length - 2), false, out error, out errorColumn);
                errorColumn++;
                return iri is null ? null : new Iri(iri);
            case '_':
                if (s.Length < 3 || s[1] != ':') { error = "blank node label expected after '_:'"; return null; }
                return new BlankNode(s[2..]);
            case '"' or '\'':
                return ParseLiteral(s, out error, out errorColumn);
        }
        if (s is "true" or "false") return new Literal(s, Vocab.Xsd.Boolean);
        if (NumberKind(s) is { } kind) return new Literal(s, kind);
        error = $"not an RDF term: {Truncate(s)}";
        return null;
    }

    private static Literal? ParseLiteral(string s, out string? error, out int errorColumn)
    {
        char quote = s[0];
        int end = 1;
        while (end < s.Length && s[end] != quote)
            end += s[end] == '\\' ? 2 : 1;
        if (end >= s.Length) { error = "unterminated string"; errorColumn = s.Length; return null; }
        var lexical = Unescape(s.AsSpan(1, end - 1), true, out error, out errorColumn);
        errorColumn++;
        if (lexical is null) return null;
        var rest = s.AsSpan(end + 1);
        if (rest.Length == 0) return new Literal(lexical);
        errorColumn = end + 1;
        if (rest[0] == '@')
        {
            var tag = rest[1..];
            if (!IsLanguageTag(tag)) { error = "invalid language tag"; return null; }
            return new Literal(lexical, tag.ToString());
        }
        if (rest.StartsWith("^^<") && rest[^1] == '>')
        {
            var dt = Unescape(rest[3..^1], false, out error, out _);
            return dt is null ? null : new Literal(lexical, new Iri(dt));
        }
        error = "expected '@language' or '^^<datatype>' after the string";
        return null;
    }

    private static bool IsLanguageTag(ReadOnlySpan<char> tag)
    {
        if (tag.Length == 0 || !char.IsAsciiLetter(tag[0])) return false;
        foreach (var c in tag)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-') return false;
        return true;
    }

    private static string? Unescape(ReadOnlySpan<char> s, bool stringEscapes, out string? error, out int errorColumn)
    {
        error = null;
        errorColumn = 0;
        if (s.IndexOf('\\') < 0) return s.ToString();
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\') { sb.Append(s[i]); continue; }
            errorColumn = i;
            if (i + 1 >= s.Length) { error = "dangling '\\'"; return null; }
            char e = s[++i];
            if (e is 'u' or 'U')
            {
                int n = e == 'u' ? 4 : 8;
                if (i + n >= s.Length) { error = "truncated \\" + e + " escape"; return null; }
                if (!int.TryParse(s.Slice(i + 1, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
                    || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                {
                    error = "invalid \\" + e + " escape";
                    return null;
                }
                sb.Append(char.ConvertFromUtf32(cp));
                i += n;
                continue;
            }
            if (!stringEscapes) { error = "only \\u and \\U escapes are allowed in IRIs"; return null; }
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                default: error = "unknown escape \\" + e; return null;
            }
        }
        return sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
