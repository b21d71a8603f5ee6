using System.Diagnostics;

namespace GuidelineGraph.LanguageServer.EndToEnd.Clients;

public sealed record ToolRun(int ExitCode, string Out, string Error);

/// <summary>Runs a third-party program the tests need; a missing one fails with how to install it, never a skip.</summary>
public static class ExternalTool
{
    private const string Install = "install the LSP clients with .ci/install/40-lsp-clients.sh (apt: neovim nodejs npm)";

    /// <summary>The program's full path on PATH, or a failure naming the install script.</summary>
    public static string Require(string program)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(directory, program);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException($"{program} is not on PATH; {Install}");
    }

    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Require(program))
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout.TotalSeconds:0} s\n{await stdout}\n{await stderr}");
        }
        return new ToolRun(process.ExitCode, await stdout, await stderr);
    }
}
