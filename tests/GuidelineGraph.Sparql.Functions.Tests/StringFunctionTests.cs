using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

/// <summary>The examples given under each function of SPARQL 1.1 §17.4.3, plus error and surrogate-pair cases.</summary>
public class StringFunctionTests
{
    private static readonly RegexCache Regexes = new();

    [Fact]
    public void StrLen()
    {
        Assert.Equal(Int("4"), StringFunctions.StrLen(S("chat")));
        Assert.Equal(Int("4"), StringFunctions.StrLen(Lang("chat", "en")));
        Assert.Equal(Int("4"), StringFunctions.StrLen(XsdString("chat")));
        // U+1F600 is one code point, two UTF-16 units.
        Assert.Equal(Int("2"), StringFunctions.StrLen(S("\U0001F600a")));
        // W3C length01-non-bmp: a family emoji is four code points joined by three ZWJs.
        Assert.Equal(Int("7"), StringFunctions.StrLen(S("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")));
        Assert.Null(StringFunctions.StrLen(Int("4")));
        Assert.Null(StringFunctions.StrLen(Iri("http://ex/")));
    }

    [Fact]
    public void Substr()
    {
        Assert.Equal(S("bar"), StringFunctions.Substr(S("foobar"), Int("4")));
        Assert.Equal(Lang("bar", "en"), StringFunctions.Substr(Lang("foobar", "en"), Int("4")));
        Assert.Equal(XsdString("bar"), StringFunctions.Substr(XsdString("foobar"), Int("4")));
        Assert.Equal(S("b"), StringFunctions.Substr(S("foobar"), Int("4"), Int("1")));
        Assert.Equal(Lang("b", "en"), StringFunctions.Substr(Lang("foobar", "en"), Int("4"), Int("1")));
        Assert.Equal(XsdString("b"), StringFunctions.Substr(XsdString("foobar"), Int("4"), Int("1")));
    }

    [Fact]
    public void SubstrFollowsXPathRounding()
    {
        // fn:substring("12345", 1.5, 2.6) = "234"; ("12345", 0, 3) = "12"; ("12345", -3, 5) = "1".
        Assert.Equal(S("234"), StringFunctions.Substr(S("12345"), Dec("1.5"), Dec("2.6")));
        Assert.Equal(S("12"), StringFunctions.Substr(S("12345"), Int("0"), Int("3")));
        Assert.Equal(S("1"), StringFunctions.Substr(S("12345"), Int("-3"), Int("5")));
        Assert.Equal(S(""), StringFunctions.Substr(S("12345"), Dbl("NaN"), Int("3")));
        Assert.Null(StringFunctions.Substr(S("12345"), S("1")));
        Assert.Null(StringFunctions.Substr(S("12345"), Int("1"), null));
    }

    [Fact]
    public void SubstrCountsCodePoints()
    {
        Assert.Equal(S("\U0001F600"), StringFunctions.Substr(S("a\U0001F600b"), Int("2"), Int("1")));
        Assert.Equal(S("b\U0001D11E"), StringFunctions.Substr(S("\U0001F600b\U0001D11E"), Int("2")));
        // W3C substring01-non-bmp: the first code point of the ZWJ family is the man.
        Assert.Equal(S("\U0001F468"), StringFunctions.Substr(S("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"), Int("1"), Int("1")));
    }

    [Fact]
    public void Case()
    {
        Assert.Equal(S("FOO"), StringFunctions.UCase(S("foo")));
        Assert.Equal(Lang("FOO", "en"), StringFunctions.UCase(Lang("foo", "en")));
        Assert.Equal(XsdString("FOO"), StringFunctions.UCase(XsdString("foo")));
        Assert.Equal(S("bar"), StringFunctions.LCase(S("BAR")));
        Assert.Equal(Lang("bar", "en"), StringFunctions.LCase(Lang("BAR", "en")));
        // Deseret long I: U+10428 ↔ U+10400, outside the BMP.
        Assert.Equal(S("\U00010400"), StringFunctions.UCase(S("\U00010428")));
        Assert.Equal(S("\U00010428"), StringFunctions.LCase(S("\U00010400")));
        Assert.Null(StringFunctions.UCase(Int("1")));
    }

    [Fact]
    public void StrStarts()
    {
        Assert.Equal(Bool(true), StringFunctions.StrStarts(S("foobar"), S("foo")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(Lang("foobar", "en"), Lang("foo", "en")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(XsdString("foobar"), XsdString("foo")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(XsdString("foobar"), S("foo")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(S("foobar"), XsdString("foo")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(Lang("foobar", "en"), S("foo")));
        Assert.Equal(Bool(true), StringFunctions.StrStarts(Lang("foobar", "en"), XsdString("foo")));
        Assert.Equal(Bool(false), StringFunctions.StrStarts(S("foobar"), S("bar")));
        // Incompatible arguments (§17.4.3.1.1).
        Assert.Null(StringFunctions.StrStarts(S("foobar"), Lang("foo", "en")));
        Assert.Null(StringFunctions.StrStarts(Lang("foobar", "en"), Lang("foo", "fr")));
        Assert.Null(StringFunctions.StrStarts(S("foobar"), Int("1")));
    }

    [Fact]
    public void StrEnds()
    {
        Assert.Equal(Bool(true), StringFunctions.StrEnds(S("foobar"), S("bar")));
        Assert.Equal(Bool(true), StringFunctions.StrEnds(Lang("foobar", "en"), Lang("bar", "en")));
        Assert.Equal(Bool(true), StringFunctions.StrEnds(XsdString("foobar"), S("bar")));
        Assert.Equal(Bool(true), StringFunctions.StrEnds(Lang("foobar", "en"), XsdString("bar")));
    }

    [Fact]
    public void Contains()
    {
        Assert.Equal(Bool(true), StringFunctions.Contains(S("foobar"), S("bar")));
        Assert.Equal(Bool(true), StringFunctions.Contains(Lang("foobar", "en"), Lang("foo", "en")));
        Assert.Equal(Bool(true), StringFunctions.Contains(XsdString("foobar"), XsdString("bar")));
        Assert.Equal(Bool(true), StringFunctions.Contains(Lang("foobar", "en"), S("bar")));
        Assert.Equal(Bool(false), StringFunctions.Contains(S("foobar"), S("baz")));
    }

    [Fact]
    public void StrBefore()
    {
        Assert.Equal(S("a"), StringFunctions.StrBefore(S("abc"), S("b")));
        Assert.Equal(Lang("a", "en"), StringFunctions.StrBefore(Lang("abc", "en"), S("bc")));
        Assert.Null(StringFunctions.StrBefore(Lang("abc", "en"), Lang("b", "cy")));
        Assert.Equal(XsdString(""), StringFunctions.StrBefore(XsdString("abc"), S("")));
        Assert.Equal(S(""), StringFunctions.StrBefore(S("abc"), S("xyz")));
        Assert.Equal(S(""), StringFunctions.StrBefore(Lang("abc", "en"), Lang("z", "en")));
        Assert.Equal(S(""), StringFunctions.StrBefore(Lang("abc", "en"), S("z")));
        Assert.Equal(Lang("", "en"), StringFunctions.StrBefore(Lang("abc", "en"), Lang("", "en")));
        Assert.Equal(Lang("", "en"), StringFunctions.StrBefore(Lang("abc", "en"), S("")));
    }

    [Fact]
    public void StrAfter()
    {
        Assert.Equal(S("c"), StringFunctions.StrAfter(S("abc"), S("b")));
        Assert.Equal(Lang("c", "en"), StringFunctions.StrAfter(Lang("abc", "en"), S("ab")));
        Assert.Null(StringFunctions.StrAfter(Lang("abc", "en"), Lang("b", "cy")));
        Assert.Equal(XsdString("abc"), StringFunctions.StrAfter(XsdString("abc"), S("")));
        Assert.Equal(S(""), StringFunctions.StrAfter(S("abc"), S("xyz")));
        Assert.Equal(S(""), StringFunctions.StrAfter(Lang("abc", "en"), Lang("z", "en")));
        Assert.Equal(S(""), StringFunctions.StrAfter(Lang("abc", "en"), S("z")));
        Assert.Equal(Lang("abc", "en"), StringFunctions.StrAfter(Lang("abc", "en"), Lang("", "en")));
        Assert.Equal(Lang("abc", "en"), StringFunctions.StrAfter(Lang("abc", "en"), S("")));
    }

    [Fact]
    public void EncodeForUri()
    {
        Assert.Equal(S("Los%20Angeles"), StringFunctions.EncodeForUri(S("Los Angeles")));
        Assert.Equal(S("Los%20Angeles"), StringFunctions.EncodeForUri(Lang("Los Angeles", "en")));
        Assert.Equal(S("Los%20Angeles"), StringFunctions.EncodeForUri(XsdString("Los Angeles")));
        // UTF-8 bytes, upper-case hex; unreserved characters stay.
        Assert.Equal(S("caf%C3%A9-_.~%2F%F0%9F%98%80"), StringFunctions.EncodeForUri(S("café-_.~/\U0001F600")));
        Assert.Equal(S("%F0%9F%91%AA"), StringFunctions.EncodeForUri(S("\U0001F46A")));
    }

    [Fact]
    public void Concat()
    {
        Assert.Equal(S("foobar"), StringFunctions.Concat([S("foo"), S("bar")]));
        Assert.Equal(Lang("foobar", "en"), StringFunctions.Concat([Lang("foo", "en"), Lang("bar", "en")]));
        Assert.Equal(XsdString("foobar"), StringFunctions.Concat([XsdString("foo"), XsdString("bar")]));
        Assert.Equal(S("foobar"), StringFunctions.Concat([S("foo"), XsdString("bar")]));
        Assert.Equal(S("foobar"), StringFunctions.Concat([Lang("foo", "en"), S("bar")]));
        Assert.Equal(S("foobar"), StringFunctions.Concat([Lang("foo", "en"), XsdString("bar")]));
        Assert.Equal(S(""), StringFunctions.Concat([]));
        Assert.Null(StringFunctions.Concat([S("a"), Int("1")]));
        Assert.Null(StringFunctions.Concat([S("a"), null]));
    }

    [Fact]
    public void LangMatches()
    {
        // The spec's titles: @fr and @fr-BE match "FR"; only tagged titles match "*".
        Assert.Equal(Bool(true), StringFunctions.LangMatches(S("fr"), S("FR")));
        Assert.Equal(Bool(true), StringFunctions.LangMatches(S("fr-be"), S("FR")));
        Assert.Equal(Bool(false), StringFunctions.LangMatches(S(""), S("FR")));
        Assert.Equal(Bool(true), StringFunctions.LangMatches(S("fr-be"), S("*")));
        Assert.Equal(Bool(false), StringFunctions.LangMatches(S(""), S("*")));
        Assert.Equal(Bool(false), StringFunctions.LangMatches(S("fra"), S("fr")));
        Assert.Equal(Bool(true), StringFunctions.LangMatches(S("en-GB-oed"), S("en-gb")));
        Assert.Null(StringFunctions.LangMatches(Lang("fr", "en"), S("fr")));
    }

    [Fact]
    public void Regex()
    {
        Assert.Equal(Bool(true), StringFunctions.Regex(S("Alice"), S("^ali"), S("i"), Regexes));
        Assert.Equal(Bool(false), StringFunctions.Regex(S("Bob"), S("^ali"), S("i"), Regexes));
        Assert.Equal(Bool(false), StringFunctions.Regex(S("Alice"), S("^ali"), Regexes));
        Assert.Equal(Bool(true), StringFunctions.Regex(Lang("chat", "fr"), S("ha"), Regexes));
        Assert.Null(StringFunctions.Regex(Int("1"), S("1"), Regexes));
        Assert.Null(StringFunctions.Regex(S("a"), Lang("a", "en"), Regexes));
        Assert.Null(StringFunctions.Regex(S("a"), S("a"), S("k"), Regexes));
        Assert.Null(StringFunctions.Regex(S("a"), S("("), Regexes));
        Assert.Null(StringFunctions.Regex(S("a"), S("a"), null, Regexes));
    }

    [Theory]
    [InlineData("ab\n", "b$", "", false)]       // XPath '$' is the end of the string only
    [InlineData("a\nb", "a$", "m", true)]
    [InlineData("a\rb", "a.b", "", false)]      // '.' excludes CR as well as LF
    [InlineData("a\nb", "a.b", "s", true)]
    [InlineData("abc", "a b c", "x", true)]
    [InlineData("a.c", ".", "q", true)]
    [InlineData("abc", ".", "q", false)]
    [InlineData("€", "\\w", "", true)]          // XSD \w excludes only punctuation, separators and others
    [InlineData("-", "\\w", "", false)]
    [InlineData("\u00A0", "\\s", "", false)]    // XSD \s is space, tab, CR, LF only
    [InlineData("x\U0001F600y", "^x.y$", "", true)]
    [InlineData("ABC", "b", "i", true)]
    [InlineData("a1", "^\\i\\c$", "", true)]
    [InlineData("\U0001F600", "^.$", "", true)]     // one '.' takes the whole pair (the full translation)
    [InlineData("\U0001F600", "^..$", "", false)]
    [InlineData("ab", "^..$", "", true)]             // no surrogates: the plain-class translation
    [InlineData("a\rb", "^a.*b$", "", false)]
    [InlineData("Thesis 17 on graphs", "^thesis [0-9]*7 on .*graph", "i", true)]
    public void RegexTranslation(string text, string pattern, string flags, bool expected)
    {
        Assert.Equal(Bool(expected), StringFunctions.Regex(S(text), S(pattern), S(flags), Regexes));
        // The process-wide cache compiles to IL: same answers.
        Assert.Equal(Bool(expected), StringFunctions.Regex(S(text), S(pattern), S(flags), RegexCache.Shared));
    }

    [Fact]
    public void RegexTimeoutIsAnError()
    {
        var cache = new RegexCache(TimeSpan.FromMilliseconds(50));
        Assert.Null(StringFunctions.Regex(S(new string('a', 40) + "!"), S("^(a+)+$"), cache));
    }

    [Fact]
    public void RegexCacheReusesCompiledPatterns()
    {
        var cache = new RegexCache();
        Assert.Same(cache.Get("a+b", "i"), cache.Get("a+b", "i"));
        Assert.NotSame(cache.Get("a+b", "i"), cache.Get("a+b", ""));
        Assert.Null(cache.Get("[", ""));
    }

    [Fact]
    public void Replace()
    {
        Assert.Equal(S("aZcd"), StringFunctions.Replace(S("abcd"), S("b"), S("Z"), Regexes));
        Assert.Equal(S("aZaZ"), StringFunctions.Replace(S("abab"), S("B"), S("Z"), S("i"), Regexes));
        Assert.Equal(S("aZb"), StringFunctions.Replace(S("abab"), S("B."), S("Z"), S("i"), Regexes));
        Assert.Equal(Lang("aZcd", "en"), StringFunctions.Replace(Lang("abcd", "en"), S("b"), S("Z"), Regexes));
        Assert.Equal(S("acbd"), StringFunctions.Replace(S("abcd"), S("(b)(c)"), S("$2$1"), Regexes));
        // W3C replace03: a group that did not take part in the match is the empty string.
        Assert.Equal(S("[1=ab][2=]cd"), StringFunctions.Replace(S("abcd"), S("(ab)|(a)"), S("[1=$1][2=$2]"), Regexes));
        Assert.Equal(S("a$\\c"), StringFunctions.Replace(S("abc"), S("b"), S("\\$\\\\"), Regexes));
        // $3 names no group: the empty string. "$10" with one group is group 1 then "0".
        Assert.Equal(S("ac"), StringFunctions.Replace(S("abc"), S("(b)"), S("$3"), Regexes));
        Assert.Equal(S("ab0c"), StringFunctions.Replace(S("abc"), S("(b)"), S("$10"), Regexes));
        Assert.Null(StringFunctions.Replace(S("abc"), S("b"), S("$"), Regexes));
        Assert.Null(StringFunctions.Replace(S("abc"), S("b"), S("\\n"), Regexes));
        // A pattern that matches the empty string is an error in XPath 2.0.
        Assert.Null(StringFunctions.Replace(S("abc"), S("x*"), S("-"), Regexes));
    }
}
