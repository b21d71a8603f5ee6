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
/// One token. <see cref="Value"/> is the decoded text when it differs from the source span (strings
/// without quotes and escapes, IRIs with \u escapes, prefixed names with local escapes removed), the
/// number or label text, or, for <see cref="TokenKind.Error"/>, the message. Plain IRIs, variables and
/// prefixed names leave it null: the parser reads their spans. <see cref="PrefixLength"/> splits a prefixed name.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string? Value, bool Adjacent, int PrefixLength = 0);
