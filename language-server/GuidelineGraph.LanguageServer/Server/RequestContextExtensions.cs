using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Server;

public static class RequestContextExtensions
{
    /// <summary>The analysis of an open document as of this request's snapshot; null when it is not open.</summary>
    public static async Task<DocumentAnalysis?> AnalysisAsync(this RequestContext context, string uri, CancellationToken ct)
    {
        OpenDocument? document = context.Snapshot.Find(uri);
        return document is null ? null : await context.State.Analyses.GetAsync(document, context.Snapshot.Model, ct).ConfigureAwait(false);
    }

    /// <summary>The protocol analysis of an open protocol with a loaded model; null otherwise.</summary>
    public static async Task<ProtocolAnalysis?> ProtocolAsync(this RequestContext context, string uri, CancellationToken ct) =>
        await context.AnalysisAsync(uri, ct).ConfigureAwait(false) is ProtocolAnalysis { Model: not null } protocol ? protocol : null;
}
