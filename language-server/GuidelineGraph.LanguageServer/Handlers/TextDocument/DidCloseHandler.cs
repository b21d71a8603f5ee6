using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>didClose: the document is forgotten and its diagnostics cleared.</summary>
[LspMethod(LspMethods.TextDocumentDidClose)]
internal sealed class DidCloseHandler : ILspHandler<DidCloseTextDocumentParams, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(DidCloseTextDocumentParams request, RequestContext context, CancellationToken ct)
    {
        string uri = request.TextDocument.Uri;
        context.State.Update(s => s with { Documents = s.Documents.Remove(uri) });
        context.State.Analyses.Forget(uri);
        context.State.Diagnostics.Clear(uri);
        return Task.FromResult<object?>(null);
    }
}
