using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineGraph.Testing.Lsp;

/// <summary>One publishDiagnostics notification as the client received it.</summary>
public sealed record PublishedDiagnostics(string Uri, int? Version, JsonElement Diagnostics, long ReceivedTicks)
{
    /// <summary>The diagnostics' codes in the order published (a requirement id for protocol diagnostics).</summary>
    public IReadOnlyList<string> Codes =>
        Diagnostics.EnumerateArray().Select(d => d.TryGetProperty("code", out var c) ? c.ToString() : "").ToList();
}

/// <summary>
/// The client end of an LSP connection with real header framing, independent of any LSP library, so tests and
/// benchmarks can also write malformed frames on purpose. Server-to-client requests are answered by
/// <see cref="ServerRequestHandler"/>; every publishDiagnostics is kept in arrival order.
/// </summary>
public sealed class LspConnection : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private readonly Stream _fromServer;
    private readonly Stream _toServer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<PublishedDiagnostics> _published = new();
    private readonly List<(Func<PublishedDiagnostics, bool> Match, TaskCompletionSource<PublishedDiagnostics> Done)> _diagnosticWaiters = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private long _nextId;

    public LspConnection(Stream fromServer, Stream toServer)
    {
        _fromServer = fromServer;
        _toServer = toServer;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Answers requests the server sends (workspace/configuration, workspace/applyEdit …); null by default.</summary>
    public Func<string, JsonElement, JsonNode?> ServerRequestHandler { get; set; } = (_, _) => null;

    /// <summary>Called for every notification other than publishDiagnostics (logMessage, progress …).</summary>
    public Action<string, JsonElement>? NotificationObserver { get; set; }

    /// <summary>Set when the server closed its output or sent a frame this client could not read.</summary>
    public string? ConnectionError { get; private set; }

    /// <summary>Completes when the server's output ends.</summary>
    public Task Completion => _reader;

    public int PublishedCount { get { lock (_published) return _published.Count; } }

    public IReadOnlyList<PublishedDiagnostics> Published { get { lock (_published) return _published.ToList(); } }

    /// <summary>Drops the kept notifications (long soak runs keep only what they check).</summary>
    public void ForgetPublished() { lock (_published) _published.Clear(); }

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        long id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await WriteMessageAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        try
        {
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no response to {method} (id {id}) within {timeout.TotalSeconds:0.#} s{Describe()}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>The request's result; an LSP error response becomes an exception naming the method and the error.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        JsonElement response = await RequestAsync(method, parameters, timeout);
        if (response.TryGetProperty("error", out var error))
            throw new InvalidOperationException($"{method} failed: {error}");
        return response.GetProperty("result");
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteMessageAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>
    /// The response to a request this client writes itself with <see cref="WriteRawAsync"/>; call it before writing.
    /// </summary>
    public async Task<JsonElement> ResponseToAsync(long id, Func<Task> write, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(id, done)) throw new InvalidOperationException($"a request with id {id} is already waiting");
        try
        {
            await write();
            return await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no response to request {id} within {timeout.TotalSeconds:0.#} s{Describe()}");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Writes bytes as they are, for malformed frames.</summary>
    public async Task WriteRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _toServer.WriteAsync(bytes);
            await _toServer.FlushAsync();
        }
        finally { _writeLock.Release(); }
    }

    /// <summary>Frames a body with a correct Content-Length header.</summary>
    public static byte[] Frame(byte[] body)
    {
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        return [.. header, .. body];
    }

    private Task WriteMessageAsync(JsonObject message) => WriteRawAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString())));

    /// <summary>The first publish for <paramref name="uri"/> (already received or to come) that satisfies <paramref name="match"/>.</summary>
    public Task<PublishedDiagnostics> WaitForDiagnosticsAsync(string uri, Func<PublishedDiagnostics, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<PublishedDiagnostics>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool Matches(PublishedDiagnostics p) => p.Uri == uri && match(p);
        lock (_published)
        {
            var earlier = _published.FirstOrDefault(Matches);
            if (earlier is not null) return Task.FromResult(earlier);
            _diagnosticWaiters.Add((Matches, done));
        }
        return WaitOrExplain(done.Task, timeout, $"diagnostics for {uri}");
    }

    /// <summary>The first publish for <paramref name="uri"/> that arrives from now on and satisfies <paramref name="match"/>.</summary>
    public Task<PublishedDiagnostics> NextDiagnosticsAsync(string uri, Func<PublishedDiagnostics, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<PublishedDiagnostics>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_published) _diagnosticWaiters.Add((p => p.Uri == uri && match(p), done));
        return WaitOrExplain(done.Task, timeout, $"diagnostics for {uri}");
    }

    private async Task<PublishedDiagnostics> WaitOrExplain(Task<PublishedDiagnostics> task, TimeSpan timeout, string what)
    {
        try { return await task.WaitAsync(timeout); }
        catch (TimeoutException) { throw new TimeoutException($"no {what} within {timeout.TotalSeconds:0.#} s{Describe()}"); }
    }

    private string Describe() => ConnectionError is null ? "" : $" ({ConnectionError})";

    private async Task ReadLoopAsync()
    {
        var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // Parse every complete frame in the buffer, then read more.
                while (TryTakeFrame(buffer, out byte[]? body))
                    Dispatch(body!);
                int read = await _fromServer.ReadAsync(chunk, _stop.Token);
                if (read == 0) { ConnectionError ??= "the server closed its output"; break; }
                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException or ObjectDisposedException or FormatException or JsonException)
        {
            ConnectionError = $"{e.GetType().Name}: {e.Message}";
        }
        foreach (var pending in _pending.Values)
            pending.TrySetException(new IOException($"the connection ended{Describe()}"));
    }

    private static bool TryTakeFrame(MemoryStream buffer, out byte[]? body)
    {
        body = null;
        ReadOnlySpan<byte> data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        int headerEnd = data.IndexOf(HeaderEnd);
        if (headerEnd < 0) return false;
        int length = -1;
        foreach (string line in Encoding.ASCII.GetString(data[..headerEnd]).Split("\r\n"))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new FormatException("a frame from the server has no Content-Length header");
        int start = headerEnd + HeaderEnd.Length;
        if (data.Length - start < length) return false;
        body = data.Slice(start, length).ToArray();
        byte[] rest = data[(start + length)..].ToArray();
        buffer.SetLength(0);
        buffer.Write(rest);
        return true;
    }

    private void Dispatch(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement message = document.RootElement.Clone();
        bool hasMethod = message.TryGetProperty("method", out var methodElement);
        bool hasId = message.TryGetProperty("id", out var id);
        if (!hasMethod)
        {
            if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryGetValue(id.GetInt64(), out var waiter))
                waiter.TrySetResult(message);
            return;
        }
        string method = methodElement.GetString()!;
        JsonElement parameters = message.TryGetProperty("params", out var p) ? p : default;
        if (hasId)
        {
            JsonNode? result = ServerRequestHandler(method, parameters);
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result };
            _ = WriteMessageAsync(response);
            return;
        }
        if (method == "textDocument/publishDiagnostics")
        {
            var published = new PublishedDiagnostics(
                parameters.GetProperty("uri").GetString()!,
                parameters.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null,
                parameters.GetProperty("diagnostics"),
                System.Diagnostics.Stopwatch.GetTimestamp());
            List<TaskCompletionSource<PublishedDiagnostics>> satisfied = new();
            lock (_published)
            {
                _published.Add(published);
                for (int i = _diagnosticWaiters.Count - 1; i >= 0; i--)
                    if (_diagnosticWaiters[i].Match(published)) { satisfied.Add(_diagnosticWaiters[i].Done); _diagnosticWaiters.RemoveAt(i); }
            }
            foreach (var done in satisfied) done.TrySetResult(published);
            return;
        }
        NotificationObserver?.Invoke(method, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { await _reader.WaitAsync(TimeSpan.FromSeconds(5)); }
        catch (TimeoutException) { }
        _stop.Dispose();
        _writeLock.Dispose();
    }
}
