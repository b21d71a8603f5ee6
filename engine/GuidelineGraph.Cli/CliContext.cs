namespace GuidelineGraph.Cli;

/// <summary>What a command may touch of the outside world; tests pass their own writers.</summary>
/// <param name="ErrorIsTerminal">Progress bars go to stderr, and only when a person is watching it.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, bool ErrorIsTerminal)
{
    /// <summary>The raw standard output, for commands that speak a byte protocol on it (gg lsp).</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>
    /// A console over <see cref="Out"/> for tables: no colours or escapes and a fixed width, since output is
    /// usually piped or captured and must not wrap at 80 columns.
    /// </summary>
    public Spectre.Console.IAnsiConsole PlainConsole(int width)
    {
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(Out),
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>An input could not be read: syntax, I/O, or content the requested output cannot hold.</summary>
    public const int InputError = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int UsageError = 2;
}
