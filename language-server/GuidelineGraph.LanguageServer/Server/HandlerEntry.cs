using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>
/// The one dispatch path of every method: lifecycle checks, params conversion, the snapshot, and ordering
/// (mutating handlers inline on the ordered queue, the others on the thread pool).
/// </summary>
internal sealed class HandlerEntry<TParams, TResult>(string method, ILspHandler<TParams, TResult> handler, ServerState state, JsonSerializer serializer)
    : IHandlerEntry
{
    public string Method => method;

    public async Task<object?> InvokeAsync(JToken? @params = null, CancellationToken cancellationToken = default)
    {
        switch (state.Lifecycle)
        {
            case Lifecycle.Uninitialized when method is not (LspMethods.Initialize or LspMethods.Exit):
                throw new LocalRpcException($"{method} before initialize") { ErrorCode = LspErrorCodes.ServerNotInitialized };
            case Lifecycle.Running when method == LspMethods.Initialize:
                throw new LocalRpcException("initialize was already received") { ErrorCode = LspErrorCodes.InvalidRequest };
            case Lifecycle.ShutDown when method != LspMethods.Exit:
                throw new LocalRpcException($"{method} after shutdown") { ErrorCode = LspErrorCodes.InvalidRequest };
        }
        TParams request = Convert(@params);
        var context = new RequestContext(state, state.Snapshot);
        if (handler.MutatesState) return await handler.HandleAsync(request, context, cancellationToken).ConfigureAwait(false);
        return await Task.Run(() => handler.HandleAsync(request, context, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private TParams Convert(JToken? @params)
    {
        if (typeof(TParams) == typeof(JToken)) return (TParams)(object)(@params ?? JValue.CreateNull());
        try
        {
            TParams? value = @params is null || @params.Type == JTokenType.Null ? default : @params.ToObject<TParams>(serializer);
            return value ?? throw new LocalRpcException($"{method}: params are required") { ErrorCode = LspErrorCodes.InvalidParams };
        }
        catch (JsonException e)
        {
            throw new LocalRpcException($"{method}: invalid params: {e.Message}") { ErrorCode = LspErrorCodes.InvalidParams };
        }
    }
}

internal interface IHandlerEntry
{
    string Method { get; }
    Task<object?> InvokeAsync(JToken? @params = null, CancellationToken cancellationToken = default);
}
