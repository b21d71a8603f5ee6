namespace GuidelineGraph.Rdf;

/// <summary>A position in a text: 1-based line and column (in UTF-16 code units), 0-based char offset.</summary>
public readonly record struct TextPosition(int Line, int Column, long Offset)
{
    public static readonly TextPosition Start = new(1, 1, 0);
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A user-caused syntax error with its range. Errors are values, not exceptions.</summary>
public sealed record SyntaxError(TextPosition Start, TextPosition End, string Message)
{
    public override string ToString() => $"{Start}: {Message}";
}

/// <summary>Thrown by non-recovering readers to surface the first <see cref="SyntaxError"/>.</summary>
public sealed class RdfSyntaxException(SyntaxError error) : Exception(error.ToString())
{
    public SyntaxError Error { get; } = error;
}
