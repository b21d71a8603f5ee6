namespace GuidelineGraph.LanguageServer.Protocol;

/// <summary>The LSP 3.17 methods this server serves or sends, in the specification's order, and our custom requests.</summary>
public static class LspMethods
{
    // Lifecycle
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string ClientRegisterCapability = "client/registerCapability";
    public const string SetTrace = "$/setTrace";
    public const string LogTrace = "$/logTrace";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";

    // Document synchronization
    public const string TextDocumentDidOpen = "textDocument/didOpen";
    public const string TextDocumentDidChange = "textDocument/didChange";
    public const string TextDocumentDidSave = "textDocument/didSave";
    public const string TextDocumentDidClose = "textDocument/didClose";

    // Language features
    public const string TextDocumentHover = "textDocument/hover";
    public const string TextDocumentCodeLens = "textDocument/codeLens";
    public const string TextDocumentDocumentSymbol = "textDocument/documentSymbol";
    public const string TextDocumentCodeAction = "textDocument/codeAction";
    public const string TextDocumentCompletion = "textDocument/completion";
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";

    // Workspace
    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string WorkspaceExecuteCommand = "workspace/executeCommand";
    public const string WorkspaceApplyEdit = "workspace/applyEdit";

    // Window
    public const string WindowLogMessage = "window/logMessage";
    public const string WindowShowMessage = "window/showMessage";
    public const string WindowWorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";

    // GuidelineGraph (mirrored by vscode-extension/src/lsp_ext.ts)
    public const string RequiredControls = "guidelineGraph/requiredControls";
    public const string TraceabilityMatrix = "guidelineGraph/traceabilityMatrix";
    public const string ExplainRequirement = "guidelineGraph/explainRequirement";
    public const string RunQuery = "guidelineGraph/runQuery";
    public const string ExportMatrix = "guidelineGraph/exportMatrix";
}

/// <summary>Names a handler's method; the server registers every handler class carrying it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LspMethodAttribute(string method) : Attribute
{
    public string Method { get; } = method;
}

/// <summary>JSON-RPC and LSP error codes.</summary>
public static class LspErrorCodes
{
    public const int InvalidRequest = -32600;
    public const int InvalidParams = -32602;
    public const int ServerNotInitialized = -32002;
    public const int RequestFailed = -32803;
    public const int ContentModified = -32801;
}
