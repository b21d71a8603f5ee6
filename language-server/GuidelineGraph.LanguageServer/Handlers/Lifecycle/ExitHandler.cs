using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Handlers.Lifecycle;

/// <summary>exit: ends the server, with exit code 0 after shutdown and 1 without.</summary>
[LspMethod(LspMethods.Exit)]
internal sealed class ExitHandler : ILspHandler<JToken, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        context.State.Exited.TrySetResult(context.State.Lifecycle == Server.Lifecycle.ShutDown ? 0 : 1);
        return Task.FromResult<object?>(null);
    }
}
