namespace GuidelineGraph.Guidance.Documents;

/// <summary>A problem a user can cause in a protocol file; Span is null when there is no position (unreadable path).</summary>
public sealed record DocumentError(string? Path, SourceSpan? Span, string Message)
{
    public override string ToString() =>
        (Path, Span) switch
        {
            (null, null) => Message,
            (null, SourceSpan s) => $"{s.Start}: {Message}",
            (string p, null) => $"{p}: {Message}",
            (string p, SourceSpan s) => $"{p}:{s.Start}: {Message}",
        };
}

/// <summary>The result of reading a protocol: a document (null when nothing could be read) and the errors found.</summary>
public sealed record ProtocolReadResult(ProtocolDocument? Document, IReadOnlyList<DocumentError> Errors)
{
    public bool Succeeded => Document is not null && Errors.Count == 0;
}
