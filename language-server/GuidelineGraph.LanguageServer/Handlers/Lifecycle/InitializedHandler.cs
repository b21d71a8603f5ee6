using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Workspace;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Lifecycle;

/// <summary>initialized: pulls the "guidelineGraph" settings and asks to be told about edits to ontology files.</summary>
[LspMethod(LspMethods.Initialized)]
internal sealed class InitializedHandler : ILspHandler<JToken, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        ServerState state = context.State;
        if (state.ClientSupports("workspace", "didChangeWatchedFiles", "dynamicRegistration"))
        {
            var registration = new
            {
                registrations = new[]
                {
                    new
                    {
                        id = "gg-ontology-watch",
                        method = LspMethods.WorkspaceDidChangeWatchedFiles,
                        registerOptions = new { watchers = new[] { new { globPattern = "**/ontology/**/*.ttl" } } },
                    },
                },
            };
            _ = Send(state, LspMethods.ClientRegisterCapability, registration);
        }
        if (state.ClientSupports("workspace", "configuration")) _ = PullSettingsAsync(state);
        return Task.FromResult<object?>(null);
    }

    /// <summary>workspace/configuration for our section; applied when it answers, then open documents are re-analysed.</summary>
    internal static async Task PullSettingsAsync(ServerState state)
    {
        try
        {
            JToken? answer = await state.Client.RequestAsync(LspMethods.WorkspaceConfiguration,
                new { items = new[] { new { section = "guidelineGraph" } } }, state.Stopping.Token).ConfigureAwait(false);
            JToken? section = (answer as JArray)?.FirstOrDefault();
            WorkspaceSnapshot updated = state.Update(s => s with { Settings = ServerSettings.Read(section, s.Settings) });
            state.Client.Trace = updated.Settings.Trace is "messages" or "verbose" ? updated.Settings.Trace : state.Client.Trace;
            state.Diagnostics.ScheduleAll();
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            await state.Client.LogAsync(MessageType.Warning, $"workspace/configuration failed: {e.Message}; using the defaults").ConfigureAwait(false);
        }
    }

    private static async Task Send(ServerState state, string method, object parameters)
    {
        try
        {
            await state.Client.RequestAsync(method, parameters, state.Stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            await state.Client.LogAsync(MessageType.Warning, $"{method} failed: {e.Message}").ConfigureAwait(false);
        }
    }
}
