using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;

namespace GuidelineGraph.LanguageServer.Handlers.Workspace;

/// <summary>didChangeWatchedFiles: a created, changed or deleted .ttl under the served ontology directory reloads the graph.</summary>
[LspMethod(LspMethods.WorkspaceDidChangeWatchedFiles)]
internal sealed class DidChangeWatchedFilesHandler : ILspHandler<DidChangeWatchedFilesParams, object?>
{
    public bool MutatesState => true;

    public async Task<object?> HandleAsync(DidChangeWatchedFilesParams request, RequestContext context, CancellationToken ct)
    {
        ServerState state = context.State;
        var model = context.Snapshot.Model.IsCompletedSuccessfully ? context.Snapshot.Model.Result : null;
        string? directory = model?.Directory ?? state.Options.OntologyDirectory ?? LanguageServer.Workspace.GuidelineModel.FindDirectory(state.WorkspaceRoot);
        if (directory is null) return null;
        string root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string? changed = (request.Changes ?? [])
            .Select(c => Uri.TryCreate(c.Uri, UriKind.Absolute, out Uri? u) && u.IsFile ? u.LocalPath : null)
            .FirstOrDefault(p => p is not null && p.EndsWith(".ttl", StringComparison.OrdinalIgnoreCase)
                && Path.GetFullPath(p).StartsWith(root, StringComparison.Ordinal));
        if (changed is null) return null;
        await state.Client.LogAsync(MessageType.Info, $"{changed} changed; reloading the ontology").ConfigureAwait(false);
        _ = state.ReloadModel(Path.GetFileName(changed) + " changed");
        return null;
    }
}
