using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Protocol;

// The LSP 3.17 structures this server reads and writes, named as in the specification; serialized camelCase, nulls omitted.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

/// <summary>A change: Range null means the whole text.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public static class DiagnosticSeverity
{
    public const int Error = 1, Warning = 2, Information = 3, Hint = 4;
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic(Range Range, int Severity, string Message)
{
    public string Source { get; init; } = "GuidelineGraph";
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    /// <summary>Kept for code actions: what the diagnostic is about (a requirement id, a feature id).</summary>
    public JToken? Data { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range? Range);

public static class CompletionItemKind
{
    public const int Text = 1, Value = 12, EnumMember = 20, Reference = 18;
}

public sealed record TextEdit(Range Range, string NewText);

public sealed record CompletionItem(string Label)
{
    public int? Kind { get; init; }
    public string? Detail { get; init; }
    public string? FilterText { get; init; }
    public string? SortText { get; init; }
    public TextEdit? TextEdit { get; init; }
    public MarkupContent? Documentation { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);


public sealed record CodeLens(Range Range, LspCommand? Command);

/// <summary>LSP's Command (named apart from the CLI's notion).</summary>
public sealed record LspCommand(string Title, string Command, IReadOnlyList<object>? Arguments = null);

public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

public sealed record CodeAction(string Title, string Kind)
{
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    public bool? IsPreferred { get; init; }
}

public sealed record CodeActionContext(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string>? Only);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public static class SymbolKind
{
    public const int File = 1, Module = 2, Namespace = 3, Package = 4, Class = 5, String = 15;
}

public sealed record DocumentSymbol(string Name, string? Detail, int Kind, Range Range, Range SelectionRange, IReadOnlyList<DocumentSymbol>? Children);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record DidChangeConfigurationParams(JToken? Settings);

public sealed record SetTraceParams(string Value);

public sealed record LogMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1, Warning = 2, Info = 3, Log = 4;
}

public sealed record ProgressParams(object Token, object Value);

public sealed record WorkDoneProgressBegin(string Title, string? Message = null, int? Percentage = null)
{
    public string Kind => "begin";
}

public sealed record WorkDoneProgressReport(string? Message, int? Percentage = null)
{
    public string Kind => "report";
}

public sealed record WorkDoneProgressEnd(string? Message)
{
    public string Kind => "end";
}
