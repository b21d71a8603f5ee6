using GuidelineGraph.Rdf;

namespace GuidelineGraph.Cli.Io;

/// <summary>An input error as reported: with a position for syntax errors, without one for I/O errors.</summary>
internal sealed record InputError(int? Line, int? Column, string Message)
{
    public static InputError From(SyntaxError e) => new(e.Start.Line, e.Start.Column, e.Message);

    /// <summary>The compiler-style line for stderr: <c>file:line:column: message</c>.</summary>
    public string Format(string file) => Line is null ? $"{file}: {Message}" : $"{file}:{Line}:{Column}: {Message}";
}

internal static class FormatNames
{
    public static string Name(this RdfFormat format) => format switch
    {
        RdfFormat.NTriples => "ntriples",
        RdfFormat.NQuads => "nquads",
        RdfFormat.Turtle => "turtle",
        _ => "trig",
    };
}
