using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>Incremental didChange: the changes apply in order to the open version; the document gets the new version number.</summary>
[LspMethod(LspMethods.TextDocumentDidChange)]
internal sealed class DidChangeHandler : ILspHandler<DidChangeTextDocumentParams, object?>
{
    public bool MutatesState => true;

    public async Task<object?> HandleAsync(DidChangeTextDocumentParams request, RequestContext context, CancellationToken ct)
    {
        string uri = request.TextDocument.Uri;
        OpenDocument? current = context.Snapshot.Find(uri);
        if (current is null)
        {
            await context.State.Client.LogAsync(MessageType.Warning, $"didChange for {uri}, which is not open; ignored").ConfigureAwait(false);
            return null;
        }
        DocumentText text = current.Text;
        foreach (TextDocumentContentChangeEvent change in request.ContentChanges ?? []) text = text.Apply(change, context.Snapshot.Encoding);
        var updated = current with { Version = request.TextDocument.Version, Text = text };
        context.State.Update(s => s with { Documents = s.Documents.SetItem(uri, updated) });
        context.State.Diagnostics.Schedule(uri);
        return null;
    }
}
