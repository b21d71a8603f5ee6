using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Handlers.Lifecycle;

/// <summary>shutdown: stops background analysis; every later request but exit is refused.</summary>
[LspMethod(LspMethods.Shutdown)]
internal sealed class ShutdownHandler : ILspHandler<JToken, object?>
{
    public bool MutatesState => true;

    public async Task<object?> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        context.State.Lifecycle = Server.Lifecycle.ShutDown;
        await context.State.Stopping.CancelAsync().ConfigureAwait(false);
        return null;
    }
}
