using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Tests;

public sealed class LexerTests
{
    private static List<Token> Tokens(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        do tokens.Add(lexer.Next());
        while (tokens[^1].Kind != TokenKind.Eof);
        return tokens;
    }

    /// <summary>Each token with its value, or its source text where the lexer leaves the value to the span.</summary>
    private static List<(TokenKind Kind, string? Value)> Lex(string text) =>
        Tokens(text).Select(t => (t.Kind, t.Value ?? (t.Kind is TokenKind.Word or TokenKind.PrefixedName or TokenKind.Variable or TokenKind.IriRef ? text[t.Start..t.End] : null))).ToList();

    [Fact]
    public void NumbersAndDots()
    {
        Assert.Equal(
            [(TokenKind.Integer, "1"), (TokenKind.Decimal, "1.5"), (TokenKind.Decimal, ".5"), (TokenKind.Double, "1e3"),
             (TokenKind.Double, "1.e-3"), (TokenKind.Integer, "7"), (TokenKind.Dot, null), (TokenKind.Eof, null)],
            Lex("1 1.5 .5 1e3 1.e-3 7."));
    }

    [Fact]
    public void PrefixedNamesStopBeforeTrailingDotsAndDecodeEscapes()
    {
        Assert.Equal(
            [(TokenKind.PrefixedName, "ex:a.b"), (TokenKind.Dot, null), (TokenKind.PrefixedName, ":x.y~z"),
             (TokenKind.PrefixedName, "og:audio%3Atitle"), (TokenKind.PrefixedName, "p:a:b"), (TokenKind.PrefixedName, ":"), (TokenKind.Eof, null)],
            Lex("ex:a.b. :x\\.y\\~z og:audio%3Atitle p:a:b :"));
    }

    [Fact]
    public void LessThanOrIri()
    {
        // An IRIREF wins when one closes before a character IRIs forbid (§19.8 longest match).
        Assert.Equal(
            [(TokenKind.Variable, "?x"), (TokenKind.Lt, null), (TokenKind.Integer, "3"), (TokenKind.IriRef, "http://a/\u00e9"),
             (TokenKind.IriRef, "<b>"), (TokenKind.LtEq, null), (TokenKind.Variable, "$y"), (TokenKind.Eof, null)],
            Lex("?x< 3 <http://a/\\u00E9> <b> <= $y"));
    }

    [Fact]
    public void StringsDecodeEscapesAndKeepLongForms()
    {
        Assert.Equal(
            [(TokenKind.String, "a\tb\"c"), (TokenKind.String, "it's\nok"), (TokenKind.String, "\U0001F46A"),
             (TokenKind.LangTag, "en-GB"), (TokenKind.DoubleCaret, null), (TokenKind.Eof, null)],
            Lex("\"a\\tb\\\"c\" '''it's\nok''' \"\\U0001f46a\"@en-GB ^^"));
    }

    [Fact]
    public void CommentsAndKeywordsAndBlankNodes()
    {
        Assert.Equal(
            [(TokenKind.Word, "SELECT"), (TokenKind.Word, "a"), (TokenKind.BlankNodeLabel, "x.1"), (TokenKind.Dot, null),
             (TokenKind.Question, null), (TokenKind.Star, null), (TokenKind.NotEq, null), (TokenKind.AndAnd, null), (TokenKind.Eof, null)],
            Lex("SELECT # comment\n a _:x.1. ? * != &&"));
    }

    [Fact]
    public void WrittenBlankNodeLabelsAreFoundAnywhere()
    {
        Assert.Equal(["a", "b.c", "x"], Lexer.WrittenBlankNodeLabels("SELECT * { _:a ?p _:b.c . } # _:x").Order());
    }

    [Fact]
    public void ErrorsStopTheTokenStream()
    {
        var tokens = Tokens("?x '\\uD800' ?y");
        Assert.Equal([TokenKind.Variable, TokenKind.Error, TokenKind.Eof], tokens.Select(t => t.Kind));
        Assert.Equal("\\u escape U+D800 is not a Unicode scalar value", tokens[1].Value);
    }
}
