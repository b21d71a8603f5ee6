using System.Collections.Immutable;
using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Workspace;

/// <summary>
/// The server's state at one instant: open documents, settings, the negotiated encoding and the model (a task
/// while it loads). Immutable; mutating handlers swap in a new one, read handlers keep the one they started with.
/// </summary>
public sealed record WorkspaceSnapshot(
    ImmutableDictionary<string, OpenDocument> Documents,
    ServerSettings Settings,
    PositionEncoding Encoding,
    Task<GuidelineModel?> Model)
{
    public static readonly WorkspaceSnapshot Empty = new(
        ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal), ServerSettings.Default,
        PositionEncoding.Utf16, Task.FromResult<GuidelineModel?>(null));

    public OpenDocument? Find(string? uri) => uri is not null && Documents.TryGetValue(uri, out OpenDocument? d) ? d : null;
}
