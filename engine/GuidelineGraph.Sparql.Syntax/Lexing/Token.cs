namespace GuidelineGraph.Sparql.Syntax.Lexing;

internal enum TokenKind : byte
{
    Eof,
    Error,
    IriRef,
    PrefixedName,
    BlankNodeLabel,
    Variable,
    LangTag,
    Integer,
    Decimal,
    Double,
    String,
    Word,
    LBrace, RBrace, LParen, RParen, LBracket, RBracket,
    Dot, Semicolon, Comma,
    Star, Slash, Plus, Minus, Bang, Caret, DoubleCaret, Pipe, Question,
    OrOr, AndAnd, Eq, NotEq, Lt, Gt, LtEq, GtEq,
}

/// <summary>
/// One token. <see cref="Value"/> is the decoded text (IRI without brackets, string without quotes and
/// escapes, variable name without sigil, prefixed name as written with local escapes removed) or,
/// for <see cref="TokenKind.Error"/>, the message. <see cref="PrefixLength"/> splits a prefixed name.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Value, bool Adjacent, int PrefixLength = 0);
