namespace GuidelineGraph.Cli;

/// <summary>What a command may touch of the outside world; tests pass their own writers.</summary>
/// <param name="ErrorIsTerminal">Progress bars go to stderr, and only when a person is watching it.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, Func<Stream> OpenStandardInput, bool ErrorIsTerminal);

/// <summary>The process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>An input could not be read: syntax, I/O, or content the requested output cannot hold.</summary>
    public const int InputError = 1;
    /// <summary>The command line itself is wrong.</summary>
    public const int UsageError = 2;
}
