using System.Text;
using System.Text.RegularExpressions;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// String functions (§17.4.3). Arguments are string literals (simple, xsd:string or language-tagged) under the
/// argument-compatibility rules; lengths and positions count Unicode code points, not UTF-16 units.
/// </summary>
public static class StringFunctions
{
    /// <summary>A simple literal, xsd:string or language-tagged literal.</summary>
    internal static bool IsStringLiteral(Term? t, out Literal literal)
    {
        literal = (t as Literal)!;
        return literal is not null && (literal.Language is not null || literal.Datatype.Value == Vocab.Xsd.String.Value);
    }

    /// <summary>A simple literal or xsd:string (the same thing in RDF 1.1).</summary>
    internal static bool IsSimple(Term? t, out Literal literal)
    {
        literal = (t as Literal)!;
        return literal is not null && literal.Language is null && literal.Datatype.Value == Vocab.Xsd.String.Value;
    }

    /// <summary>§17.4.3.1.1: both simple, or both with the same tag, or the first tagged and the second simple.</summary>
    internal static bool Compatible(Term? a, Term? b, out Literal first, out Literal second)
    {
        if (!IsStringLiteral(a, out first) | !IsStringLiteral(b, out second)) return false;
        return second.Language is null || second.Language == first.Language;
    }

    /// <summary>A literal of the same kind as <paramref name="source"/> (its language tag kept).</summary>
    internal static Literal SameKind(Literal source, string lexical) =>
        source.Language is not null ? new Literal(lexical, source.Language) : new Literal(lexical);

    public static Term? StrLen(Term? arg) =>
        IsStringLiteral(arg, out var l) ? Numeric.Integer(CodePointCount(l.Lexical)).ToLiteral() : null;

    public static int CodePointCount(string s)
    {
        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])) { n--; i++; }
        return n;
    }

    /// <summary>fn:substring: code points at positions p with round(start) ≤ p &lt; round(start) + round(length).</summary>
    public static Term? Substr(Term? source, Term? start) => Substr(source, start, Unlimited);

    public static Term? Substr(Term? source, Term? start, Term? length)
    {
        if (!IsStringLiteral(source, out var l) || Numeric.FromTerm(start) is not Numeric s || Numeric.FromTerm(length) is not Numeric n) return null;
        double from = XPathRound(s.AsDouble);
        double to = from + XPathRound(n.AsDouble);
        var text = l.Lexical;
        var sb = new StringBuilder();
        int position = 1;
        for (int i = 0; i < text.Length; position++)
        {
            int width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            // NaN bounds select nothing, as the comparisons are false.
            if (position >= from && position < to) sb.Append(text, i, width);
            i += width;
        }
        return SameKind(l, sb.ToString());
    }

    private static readonly Literal Unlimited = new("INF", Vocab.Xsd.Double);
    private static readonly Literal NoFlags = new("");

    private static double XPathRound(double d) => Math.Floor(d + 0.5);

    public static Term? UCase(Term? arg) => IsStringLiteral(arg, out var l) ? SameKind(l, l.Lexical.ToUpperInvariant()) : null;

    public static Term? LCase(Term? arg) => IsStringLiteral(arg, out var l) ? SameKind(l, l.Lexical.ToLowerInvariant()) : null;

    public static Term? StrStarts(Term? a, Term? b) =>
        Compatible(a, b, out var x, out var y) ? Operators.Boolean(x.Lexical.StartsWith(y.Lexical, StringComparison.Ordinal)) : null;

    public static Term? StrEnds(Term? a, Term? b) =>
        Compatible(a, b, out var x, out var y) ? Operators.Boolean(x.Lexical.EndsWith(y.Lexical, StringComparison.Ordinal)) : null;

    public static Term? Contains(Term? a, Term? b) =>
        Compatible(a, b, out var x, out var y) ? Operators.Boolean(x.Lexical.Contains(y.Lexical, StringComparison.Ordinal)) : null;

    /// <summary>The part before the first match, of the first argument's kind; "" (simple) when there is no match.</summary>
    public static Term? StrBefore(Term? a, Term? b)
    {
        if (!Compatible(a, b, out var x, out var y)) return null;
        int i = x.Lexical.IndexOf(y.Lexical, StringComparison.Ordinal);
        return i < 0 ? new Literal("") : SameKind(x, x.Lexical[..i]);
    }

    public static Term? StrAfter(Term? a, Term? b)
    {
        if (!Compatible(a, b, out var x, out var y)) return null;
        int i = x.Lexical.IndexOf(y.Lexical, StringComparison.Ordinal);
        return i < 0 ? new Literal("") : SameKind(x, x.Lexical[(i + y.Lexical.Length)..]);
    }

    public static Term? EncodeForUri(Term? arg)
    {
        if (!IsStringLiteral(arg, out var l)) return null;
        var sb = new StringBuilder(l.Lexical.Length);
        foreach (var b in Encoding.UTF8.GetBytes(l.Lexical))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return new Literal(sb.ToString());
    }

    /// <summary>CONCAT keeps a language tag only when every argument has that same tag.</summary>
    public static Term? Concat(ReadOnlySpan<Term?> args)
    {
        var sb = new StringBuilder();
        string? language = null;
        bool sameLanguage = true;
        for (int i = 0; i < args.Length; i++)
        {
            if (!IsStringLiteral(args[i], out var l)) return null;
            sb.Append(l.Lexical);
            if (i == 0) language = l.Language;
            else if (l.Language != language) sameLanguage = false;
        }
        return sameLanguage && language is not null ? new Literal(sb.ToString(), language) : new Literal(sb.ToString());
    }

    /// <summary>RFC 4647 basic filtering; "*" matches any non-empty tag.</summary>
    public static Term? LangMatches(Term? tag, Term? range)
    {
        if (!IsSimple(tag, out var t) || !IsSimple(range, out var r)) return null;
        string tagText = t.Lexical, rangeText = r.Lexical;
        if (rangeText == "*") return Operators.Boolean(tagText.Length > 0);
        bool match = rangeText.Length > 0
            && (tagText.Equals(rangeText, StringComparison.OrdinalIgnoreCase)
                || (tagText.Length > rangeText.Length && tagText[rangeText.Length] == '-' && tagText.StartsWith(rangeText, StringComparison.OrdinalIgnoreCase)));
        return Operators.Boolean(match);
    }

    public static Term? Regex(Term? text, Term? pattern, RegexCache cache) => Regex(text, pattern, NoFlags, cache);

    public static Term? Regex(Term? text, Term? pattern, Term? flags, RegexCache cache) =>
        RegexPattern(pattern, flags, cache) is { } regex ? Regex(text, regex) : null;

    /// <summary>REGEX's pattern and flags (simple literals) compiled; null when either is invalid (then REGEX is an error).</summary>
    public static XPathPattern? RegexPattern(Term? pattern, Term? flags, RegexCache cache) =>
        IsSimple(pattern, out var p) && IsSimple(flags, out var f) ? cache.GetPattern(p.Lexical, f.Lexical) : null;

    /// <summary>REGEX with its pattern compiled already (a constant pattern is compiled once per query, not per row).</summary>
    public static Term? Regex(Term? text, XPathPattern regex)
    {
        if (!IsStringLiteral(text, out var t)) return null;
        try
        {
            return Operators.Boolean(regex.IsMatch(t.Lexical));
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>fn:replace: $N group references and \$ \\ escapes; a pattern matching "" is an error (XPath 2.0).</summary>
    public static Term? Replace(Term? arg, Term? pattern, Term? replacement, RegexCache cache) => Replace(arg, pattern, replacement, NoFlags, cache);

    public static Term? Replace(Term? arg, Term? pattern, Term? replacement, Term? flags, RegexCache cache)
    {
        if (!IsStringLiteral(arg, out var a) || !IsSimple(pattern, out var p) || !IsSimple(replacement, out var r) || !IsSimple(flags, out var f)) return null;
        if (cache.Get(p.Lexical, f.Lexical) is not { } regex) return null;
        try
        {
            if (regex.IsMatch("")) return null;
            int groups = regex.GetGroupNumbers().Length - 1;
            if (ParseReplacement(r.Lexical, groups) is not { } parts) return null;
            var result = regex.Replace(a.Lexical, m =>
            {
                var sb = new StringBuilder();
                foreach (var (literal, group) in parts)
                {
                    if (literal is not null) sb.Append(literal);
                    else sb.Append(m.Groups[group].Value);
                }
                return sb.ToString();
            });
            return SameKind(a, result);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Splits a replacement into literal text and group references; null when it is malformed.</summary>
    private static List<(string? Literal, int Group)>? ParseReplacement(string s, int groupCount)
    {
        var parts = new List<(string?, int)>();
        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\')
            {
                if (i + 1 >= s.Length || s[i + 1] is not ('\\' or '$')) return null;
                sb.Append(s[++i]);
            }
            else if (c == '$')
            {
                if (i + 1 >= s.Length || !char.IsAsciiDigit(s[i + 1])) return null;
                int group = s[++i] - '0';
                // Further digits belong to the number only while it still names an existing group.
                while (i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) && group * 10 + (s[i + 1] - '0') <= groupCount)
                    group = group * 10 + (s[++i] - '0');
                if (sb.Length > 0) { parts.Add((sb.ToString(), 0)); sb.Clear(); }
                // A reference past the last group stands for the empty string.
                if (group <= groupCount) parts.Add((null, group));
            }
            else sb.Append(c);
        }
        if (sb.Length > 0) parts.Add((sb.ToString(), 0));
        return parts;
    }
}
