using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// XPath/XSD regular expressions (flags i s m x q) compiled to .NET, cached per (pattern, flags), each match
/// bounded by a timeout. Differences handled: '.' excludes CR and matches a whole surrogate pair; '$' without
/// 'm' only matches at the very end; \w \W \s follow XSD's definitions; \i \c are XML name classes.
/// </summary>
public sealed class RegexCache(TimeSpan matchTimeout, int capacity = 512, bool compiled = false)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// One cache for every query of the process, with patterns compiled to IL: a query's REGEX is then compiled
    /// once, not once per run, and the compile cost is paid back over the many rows a filter tests.
    /// </summary>
    public static RegexCache Shared { get; } = new(DefaultTimeout, compiled: true);

    private readonly ConcurrentDictionary<(string Pattern, string Flags), XPathPattern?> _cache = new();

    public RegexCache() : this(DefaultTimeout) { }

    public TimeSpan MatchTimeout { get; } = matchTimeout;

    /// <summary>The compiled pattern, or null when the pattern or the flags are invalid.</summary>
    public Regex? Get(string pattern, string flags) => GetPattern(pattern, flags)?.Full;

    /// <summary>The pattern with its fast variant for text without surrogates, or null when invalid.</summary>
    public XPathPattern? GetPattern(string pattern, string flags)
    {
        if (_cache.TryGetValue((pattern, flags), out var cached)) return cached;
        // A query with per-row patterns must not grow the cache without bound.
        if (_cache.Count >= capacity) _cache.Clear();
        // Only the surrogate-free variant runs per row in practice; the full one is interpreted.
        XPathPattern? result = null;
        if (Compile(pattern, flags, MatchTimeout, RegexOptions.None, surrogateFree: false) is { } full)
            result = new XPathPattern(full, Compile(pattern, flags, MatchTimeout, compiled ? RegexOptions.Compiled : RegexOptions.None, surrogateFree: true)!);
        _cache[(pattern, flags)] = result;
        return result;
    }

    public static Regex? Compile(string pattern, string flags, TimeSpan timeout) =>
        Compile(pattern, flags, timeout, RegexOptions.None, surrogateFree: false);

    /// <summary>
    /// <paramref name="surrogateFree"/>: a variant for text known to hold no surrogates, where '.' is a plain
    /// character class (a loop .NET runs without backtracking into an alternation).
    /// </summary>
    private static Regex? Compile(string pattern, string flags, TimeSpan timeout, RegexOptions extra, bool surrogateFree)
    {
        var options = RegexOptions.CultureInvariant | extra;
        bool quote = false, extended = false;
        foreach (var f in flags)
        {
            switch (f)
            {
                case 'i': options |= RegexOptions.IgnoreCase; break;
                case 's': options |= RegexOptions.Singleline; break;
                case 'm': options |= RegexOptions.Multiline; break;
                case 'x': extended = true; break;
                case 'q': quote = true; break;
                default: return null;
            }
        }
        string translated;
        if (quote) translated = Regex.Escape(pattern);
        else if (Translate(extended ? RemoveWhitespace(pattern) : pattern, (options & RegexOptions.Multiline) != 0, (options & RegexOptions.Singleline) != 0, surrogateFree) is string t) translated = t;
        else return null;
        try
        {
            return new Regex(translated, options, timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The x flag: whitespace outside character classes is removed.</summary>
    private static string RemoveWhitespace(string pattern)
    {
        var sb = new StringBuilder(pattern.Length);
        int depth = 0;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) { sb.Append(c).Append(pattern[++i]); continue; }
            if (c == '[') depth++;
            else if (c == ']' && depth > 0) depth--;
            if (depth == 0 && c is ' ' or '\t' or '\n' or '\r') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }

    private const string NameStart = @"_:A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD";
    private const string NameChar = NameStart + @"\-.0-9\u00B7\u0300-\u036F\u203F\u2040";

    private static string? Translate(string p, bool multiline, bool dotAll, bool surrogateFree)
    {
        var sb = new StringBuilder(p.Length + 16);
        int classDepth = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length) return null;
                char e = p[++i];
                bool inClass = classDepth > 0;
                switch (e)
                {
                    case 'w': sb.Append(inClass ? @"\p{L}\p{M}\p{N}\p{S}" : @"[\p{L}\p{M}\p{N}\p{S}]"); break;
                    case 'W': sb.Append(inClass ? @"\p{P}\p{Z}\p{C}" : @"[\p{P}\p{Z}\p{C}]"); break;
                    case 's': sb.Append(inClass ? @" \t\n\r" : @"[ \t\n\r]"); break;
                    case 'S': sb.Append(inClass ? @"\S" : @"[^ \t\n\r]"); break;
                    case 'i': sb.Append(inClass ? NameStart : "[" + NameStart + "]"); break;
                    case 'I': if (inClass) return null; sb.Append("[^" + NameStart + "]"); break;
                    case 'c': sb.Append(inClass ? NameChar : "[" + NameChar + "]"); break;
                    case 'C': if (inClass) return null; sb.Append("[^" + NameChar + "]"); break;
                    default: sb.Append('\\').Append(e); break;
                }
                continue;
            }
            if (classDepth > 0)
            {
                if (c == '[') classDepth++;
                else if (c == ']') classDepth--;
                sb.Append(c);
                continue;
            }
            switch (c)
            {
                case '[':
                    classDepth++;
                    sb.Append(c);
                    // A ']' right after '[' or '[^' is literal in .NET but an error in XSD; keep .NET's reading.
                    break;
                case '.':
                    if (surrogateFree) sb.Append(dotAll ? @"[\s\S]" : @"[^\n\r]");
                    else sb.Append(dotAll ? @"(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S])" : @"(?>[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\r])");
                    break;
                case '$':
                    sb.Append(multiline ? "(?=\\n|\\z)" : @"\z");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return classDepth == 0 ? sb.ToString() : null;
    }
}

/// <summary>A compiled XPath pattern: the full translation, and the faster one for text without surrogates.</summary>
public sealed class XPathPattern(Regex full, Regex surrogateFree)
{
    public Regex Full { get; } = full;

    /// <summary>Throws <see cref="RegexMatchTimeoutException"/> when the match runs past the cache's timeout.</summary>
    public bool IsMatch(string text) =>
        (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 ? surrogateFree : Full).IsMatch(text);
}
