using System.Diagnostics;
using System.Text;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>The real <c>gg serve</c> as a child process (gg.dll is copied next to the tests), on a free loopback port.</summary>
internal sealed class GgServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private GgServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    private static ProcessStartInfo Command(string[] arguments)
    {
        var gg = Path.Combine(AppContext.BaseDirectory, "gg.dll");
        Assert.True(File.Exists(gg), $"{gg} is missing: the test project must reference GuidelineGraph.Cli");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[gg, "serve", "--port", "0", .. arguments]) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>Runs <c>gg serve</c> expecting it to refuse to start: its exit code and standard error.</summary>
    public static async Task<(int ExitCode, string Stderr)> RunToExitAsync(params string[] arguments)
    {
        using var process = Process.Start(Command(arguments))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    public static async Task<GgServeProcess> StartAsync(params string[] arguments)
    {
        var process = Process.Start(Command(arguments))!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? first;
        try { first = await process.StandardOutput.ReadLineAsync(timeout.Token); }
        catch (OperationCanceledException) { first = null; }
        if (first is null || !first.StartsWith("listening on ", StringComparison.Ordinal))
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
            string err;
            lock (stderr) err = stderr.ToString();
            Assert.Fail($"gg serve did not start (first line {first ?? "none"}): {err}");
        }
        var server = new GgServeProcess(process, new Uri(first["listening on ".Length..]));
        lock (server._stderr) server._stderr.Append(stderr);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._stderr) server._stderr.AppendLine(e.Data); };
        return server;
    }

    /// <summary>SIGKILL: no chance to flush or close anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
