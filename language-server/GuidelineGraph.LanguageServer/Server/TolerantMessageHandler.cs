using System.Collections.Concurrent;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using StreamJsonRpc.Reflection;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>
/// LSP header framing that survives a broken client. StreamJsonRpc ends the connection on a frame whose body is not
/// a JSON-RPC message (invalid JSON, an array, a bare value, no method and no id) and on a response to a request it
/// never sent; here such a message is logged and dropped, and the next frame is read.
/// </summary>
internal sealed class TolerantMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, TextWriter log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    // Ids of the server's own requests (workspace/configuration, applyEdit …) still waiting for the client's response.
    private readonly ConcurrentDictionary<RequestId, byte> _outstanding = new();

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            JsonRpcMessage? message;
            try
            {
                message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (OperationCanceledException or ObjectDisposedException or IOException))
            {
                log.WriteLine($"gg lsp: dropped an unreadable message: {e.Message}");
                continue;
            }
            if (message is (JsonRpcResult or JsonRpcError) and IJsonRpcMessageWithId response && !_outstanding.TryRemove(response.RequestId, out _))
            {
                log.WriteLine($"gg lsp: dropped a response to request {response.RequestId}, which the server never sent");
                // A message's frame stays buffered until the message is released; a dropped one is released here.
                ((IJsonRpcMessageBufferManager)this).DeserializationComplete(message);
                continue;
            }
            return message;
        }
    }

    protected override void Write(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        if (content is JsonRpcRequest { IsResponseExpected: true } request) _outstanding[request.RequestId] = 0;
        base.Write(content, cancellationToken);
    }
}
