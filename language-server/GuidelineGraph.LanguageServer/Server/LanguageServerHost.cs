using System.Reflection;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>
/// The language server over a pair of streams (stdin/stdout for `gg lsp`): LSP header framing, JSON via
/// Newtonsoft, every handler class of this assembly registered by its <see cref="LspMethodAttribute"/>.
/// </summary>
public sealed class LanguageServerHost : IAsyncDisposable
{
    private readonly JsonRpc _rpc;

    public LanguageServerHost(Stream input, Stream output, ServerOptions options)
    {
        var formatter = new JsonMessageFormatter();
        Configure(formatter.JsonSerializer);
        _rpc = new JsonRpc(new TolerantMessageHandler(output, input, formatter, options.Log));
        _rpc.SynchronizationContext = new OrderedSynchronizationContext(e => options.Log.WriteLine($"gg lsp: dispatch failed: {e}"));
        Client = new ClientConnection(_rpc, options.Log);
        State = new ServerState(Client, options);
        State.Diagnostics = new DiagnosticsScheduler(State);
        foreach (IHandlerEntry entry in CreateHandlers(State, formatter.JsonSerializer))
        {
            MethodInfo invoke = entry.GetType().GetMethod(nameof(IHandlerEntry.InvokeAsync))!;
            _rpc.AddLocalRpcMethod(invoke, entry, new JsonRpcMethodAttribute(entry.Method) { UseSingleObjectParameterDeserialization = true });
        }
    }

    public ServerState State { get; }
    public ClientConnection Client { get; }

    /// <summary>Serves until exit (0 after shutdown, 1 without) or until the client goes away (0 after shutdown, else 1).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        _rpc.StartListening();
        using CancellationTokenRegistration _ = ct.Register(() => State.Exited.TrySetResult(1));
        Task finished = await Task.WhenAny(_rpc.Completion, State.Exited.Task).ConfigureAwait(false);
        await State.Stopping.CancelAsync().ConfigureAwait(false);
        if (finished == State.Exited.Task) return await State.Exited.Task.ConfigureAwait(false);
        return State.Lifecycle == Lifecycle.ShutDown ? 0 : 1;
    }

    public async ValueTask DisposeAsync()
    {
        await State.Stopping.CancelAsync().ConfigureAwait(false);
        // Not awaiting the reader: a blocking read of stdin cannot be interrupted, and the process is ending.
        _rpc.Dispose();
    }

    /// <summary>camelCase members, nulls omitted, dictionary keys (URIs, variable names) as they are.</summary>
    internal static void Configure(JsonSerializer serializer)
    {
        serializer.ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } };
        serializer.NullValueHandling = NullValueHandling.Ignore;
    }

    private static IEnumerable<IHandlerEntry> CreateHandlers(ServerState state, JsonSerializer serializer)
    {
        foreach (Type type in typeof(LanguageServerHost).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<LspMethodAttribute>() is not { } attribute) continue;
            Type contract = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ILspHandler<,>));
            object handler = Activator.CreateInstance(type)!;
            Type entry = typeof(HandlerEntry<,>).MakeGenericType(contract.GetGenericArguments());
            yield return (IHandlerEntry)Activator.CreateInstance(entry, attribute.Method, handler, state, serializer)!;
        }
    }
}
