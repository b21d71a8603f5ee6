using Spectre.Console;

namespace GuidelineGraph.Cli.Io;

/// <summary>
/// A progress bar on stderr for reading big inputs, shown only when stderr is a terminal so that
/// pipes and logs stay clean. <see cref="Run"/> hands the work a callback taking bytes read so far.
/// </summary>
internal static class ProgressReporter
{
    private const long ShowAbove = 16L << 20;

    public static T Run<T>(CliContext context, string label, long totalBytes, Func<Action<long>, T> work)
    {
        if (!context.ErrorIsTerminal || totalBytes < ShowAbove) return work(_ => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(label), maxValue: totalBytes);
                return work(bytes => task.Value = bytes);
            });
    }
}
