using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Server;

/// <summary>What a handler sees: the server state, and the snapshot captured, in arrival order, when its message was dispatched.</summary>
public sealed record RequestContext(ServerState State, WorkspaceSnapshot Snapshot);

/// <summary>
/// One LSP method (named by <see cref="Protocol.LspMethodAttribute"/>). Mutating handlers (document sync,
/// settings) run in arrival order and alone, and must change state in one step before their first await;
/// the others run concurrently on the snapshot they were given. Notifications return null.
/// </summary>
public interface ILspHandler<in TParams, TResult>
{
    bool MutatesState { get; }
    Task<TResult> HandleAsync(TParams request, RequestContext context, CancellationToken ct);
}
