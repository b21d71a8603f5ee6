using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>Messages from the server to the client: notifications, requests, logs, progress. Sending never throws once the connection is gone.</summary>
public sealed class ClientConnection(JsonRpc rpc, TextWriter log)
{
    private int _progressTokens;

    /// <summary>"off" | "messages" | "verbose", set by initialize and $/setTrace.</summary>
    public string Trace { get; set; } = "off";

    private readonly Lock _sendOrder = new();
    private Task _lastSend = Task.CompletedTask;

    /// <summary>
    /// Notifications leave in the order of the calls, also from different threads: concurrent unawaited sends through
    /// StreamJsonRpc may reach the stream in any order, and a diagnostics publish checked as current must not be
    /// overtaken by an older one (the soak saw version 760 arrive after 778 on a loaded machine).
    /// </summary>
    public Task NotifyAsync(string method, object? parameters)
    {
        lock (_sendOrder) return _lastSend = SendAfterAsync(_lastSend, method, parameters);
    }

    private async Task SendAfterAsync(Task previous, string method, object? parameters)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await rpc.NotifyWithParameterObjectAsync(method, parameters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException or IOException)
        {
            log.WriteLine($"gg lsp: {method} not sent: {e.Message}");
        }
    }

    public Task<JToken?> RequestAsync(string method, object? parameters, CancellationToken ct) =>
        rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, ct);

    public Task LogAsync(int type, string message)
    {
        log.WriteLine("gg lsp: " + message);
        return NotifyAsync(LspMethods.WindowLogMessage, new LogMessageParams(type, message));
    }

    /// <summary>A $/logTrace when the client asked for traces.</summary>
    public Task TraceAsync(string message, string? verbose = null) =>
        Trace == "off" ? Task.CompletedTask
            : NotifyAsync(LspMethods.LogTrace, Trace == "verbose" && verbose is not null ? new { message, verbose } : new { message });

    /// <summary>
    /// Work-done progress for a long operation: created with window/workDoneProgress/create when the client
    /// supports it, else a no-op. Dispose ends it.
    /// </summary>
    public async Task<WorkDoneProgress> BeginProgressAsync(bool supported, string title, string message, CancellationToken ct)
    {
        if (!supported) return new WorkDoneProgress(this, null);
        string token = $"gg-{Interlocked.Increment(ref _progressTokens)}";
        try
        {
            await RequestAsync(LspMethods.WindowWorkDoneProgressCreate, new { token }, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException)
        {
            return new WorkDoneProgress(this, null);
        }
        await NotifyAsync(LspMethods.Progress, new ProgressParams(token, new WorkDoneProgressBegin(title, message, 0))).ConfigureAwait(false);
        return new WorkDoneProgress(this, token);
    }

    public sealed class WorkDoneProgress(ClientConnection client, string? token)
    {
        public Task ReportAsync(string message, int percentage) =>
            token is null ? Task.CompletedTask : client.NotifyAsync(LspMethods.Progress, new ProgressParams(token, new WorkDoneProgressReport(message, percentage)));

        public Task EndAsync(string message) =>
            token is null ? Task.CompletedTask : client.NotifyAsync(LspMethods.Progress, new ProgressParams(token, new WorkDoneProgressEnd(message)));
    }
}
