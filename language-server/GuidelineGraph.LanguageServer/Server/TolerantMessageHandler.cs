using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>
/// LSP header framing (<c>Content-Length: n\r\n…\r\n\r\n</c> then n bytes of JSON) that survives a broken client.
/// The framing is read here rather than by StreamJsonRpc's HeaderDelimitedMessageHandler, which stalls after a bad
/// header block: a header block with a missing, non-numeric or negative Content-Length is logged and skipped up to
/// its blank line. A body that is not a JSON-RPC message (invalid JSON, an array, a bare value, no method and no id)
/// and a response to a request the server never sent are logged and dropped. Either way the next frame is read.
/// </summary>
internal sealed class TolerantMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, TextWriter log)
    : MessageHandlerBase(formatter)
{
    private const int MaxHeaderLine = 8 * 1024;

    // Ids of the server's own requests (workspace/configuration, applyEdit …) still waiting for the client's response.
    private readonly ConcurrentDictionary<RequestId, byte> _outstanding = new();
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start, _end;

    public override bool CanRead => true;
    public override bool CanWrite => true;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // The header block: lines up to an empty one.
            long? length = null;
            bool bad = false;
            while (true)
            {
                string? line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (line is null) return null; // end of input
                if (line.Length == 0) break;
                int colon = line.IndexOf(':');
                if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    if (long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= int.MaxValue) length = n;
                    else bad = true;
                }
            }
            if (bad || length is null)
            {
                log.WriteLine(bad ? "gg lsp: skipped a header block with an invalid Content-Length" : "gg lsp: skipped a header block without Content-Length");
                continue;
            }

            byte[] body = new byte[(int)length.Value];
            if (!await ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false)) return null;

            JsonRpcMessage message;
            try
            {
                message = Formatter.Deserialize(new ReadOnlySequence<byte>(body));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.WriteLine($"gg lsp: dropped an unreadable message: {e.Message}");
                continue;
            }
            if (message is (JsonRpcResult or JsonRpcError) and IJsonRpcMessageWithId response && !_outstanding.TryRemove(response.RequestId, out _))
            {
                log.WriteLine($"gg lsp: dropped a response to request {response.RequestId}, which the server never sent");
                continue;
            }
            return message;
        }
    }

    protected override async ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request) _outstanding[request.RequestId] = 0;
        var body = new ArrayBufferWriter<byte>();
        Formatter.Serialize(body, content);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.WrittenCount}\r\n\r\n");
        await output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => new(output.FlushAsync(cancellationToken));

    protected override void DisposeReader()
    {
        input.Dispose();
        base.DisposeReader();
    }

    protected override void DisposeWriter()
    {
        output.Dispose();
        base.DisposeWriter();
    }

    /// <summary>One header line without its CR LF (a bare LF is accepted too); null at the end of input. Overlong lines are cut.</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken ct)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false)) return null;
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int stop = newline < 0 ? _end : newline;
            if (line.Length < MaxHeaderLine) line.Append(Encoding.ASCII.GetString(_buffer, _start, Math.Min(stop - _start, MaxHeaderLine - line.Length)));
            if (newline < 0)
            {
                _start = _end;
                continue;
            }
            _start = newline + 1;
            if (line.Length > 0 && line[^1] == '\r') line.Length--;
            return line.ToString();
        }
    }

    private async ValueTask<bool> ReadExactlyAsync(byte[] target, CancellationToken ct)
    {
        int filled = 0;
        while (filled < target.Length)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false)) return false;
            int n = Math.Min(_end - _start, target.Length - filled);
            Buffer.BlockCopy(_buffer, _start, target, filled, n);
            _start += n;
            filled += n;
        }
        return true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        _start = 0;
        _end = await input.ReadAsync(_buffer, ct).ConfigureAwait(false);
        return _end > 0;
    }
}
