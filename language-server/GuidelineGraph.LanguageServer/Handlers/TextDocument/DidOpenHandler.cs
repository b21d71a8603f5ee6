using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

[LspMethod(LspMethods.TextDocumentDidOpen)]
internal sealed class DidOpenHandler : ILspHandler<DidOpenTextDocumentParams, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(DidOpenTextDocumentParams request, RequestContext context, CancellationToken ct)
    {
        TextDocumentItem item = request.TextDocument;
        var document = new OpenDocument(item.Uri, item.LanguageId ?? "", item.Version, new DocumentText(item.Text ?? ""));
        context.State.Update(s => s with { Documents = s.Documents.SetItem(item.Uri, document) });
        context.State.Diagnostics.Schedule(item.Uri);
        return Task.FromResult<object?>(null);
    }
}
