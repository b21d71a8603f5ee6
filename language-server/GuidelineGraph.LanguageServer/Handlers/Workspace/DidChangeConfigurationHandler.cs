using GuidelineGraph.LanguageServer.Handlers.Lifecycle;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.Workspace;

/// <summary>didChangeConfiguration: settings pushed with the notification apply at once; otherwise they are pulled with workspace/configuration.</summary>
[LspMethod(LspMethods.WorkspaceDidChangeConfiguration)]
internal sealed class DidChangeConfigurationHandler : ILspHandler<DidChangeConfigurationParams, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(DidChangeConfigurationParams request, RequestContext context, CancellationToken ct)
    {
        ServerState state = context.State;
        if (state.ClientSupports("workspace", "configuration"))
        {
            _ = InitializedHandler.PullSettingsAsync(state);
            return Task.FromResult<object?>(null);
        }
        state.Update(s => s with { Settings = ServerSettings.Read(request.Settings, s.Settings) });
        state.Diagnostics.ScheduleAll();
        return Task.FromResult<object?>(null);
    }
}
