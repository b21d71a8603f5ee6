using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;

namespace GuidelineGraph.LanguageServer.Handlers.Lifecycle;

/// <summary>$/setTrace: "off" | "messages" | "verbose"; traces go out as $/logTrace.</summary>
[LspMethod(LspMethods.SetTrace)]
internal sealed class SetTraceHandler : ILspHandler<SetTraceParams, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(SetTraceParams request, RequestContext context, CancellationToken ct)
    {
        context.State.Client.Trace = request.Value is "messages" or "verbose" ? request.Value : "off";
        return Task.FromResult<object?>(null);
    }
}
