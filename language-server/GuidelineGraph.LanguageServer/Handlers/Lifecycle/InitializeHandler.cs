using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Handlers.Lifecycle;

/// <summary>initialize: negotiates the position encoding, reads the workspace root and initial settings, and states our capabilities.</summary>
[LspMethod(LspMethods.Initialize)]
internal sealed class InitializeHandler : ILspHandler<JToken, object?>
{
    public bool MutatesState => true;

    public Task<object?> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        ServerState state = context.State;
        var capabilities = request["capabilities"] as JObject ?? new JObject();
        PositionEncoding encoding = PositionEncodings.Negotiate(
            (capabilities["general"]?["positionEncodings"] as JArray)?.OfType<JValue>().Select(v => v.Value as string ?? ""));
        ServerSettings settings = ServerSettings.Read(request["initializationOptions"], ServerSettings.Default);
        state.ClientCapabilities = capabilities;
        state.WorkspaceRoot = Root(request);
        state.Client.Trace = (request["trace"] as JValue)?.Value as string ?? "off";
        state.Update(s => s with { Encoding = encoding, Settings = settings });
        state.Lifecycle = Server.Lifecycle.Running;
        state.ReloadModel("initialize");
        object result = new
        {
            capabilities = new
            {
                positionEncoding = PositionEncodings.Name(encoding),
                textDocumentSync = new { openClose = true, change = 2 /* incremental */, save = new { includeText = false } },
                hoverProvider = true,
                completionProvider = new { triggerCharacters = new[] { ":", "-", " ", ",", "[" }, resolveProvider = false },
                documentSymbolProvider = true,
                codeActionProvider = new { codeActionKinds = new[] { "quickfix" } },
                codeLensProvider = new { resolveProvider = false },
                workspace = new { workspaceFolders = new { supported = true } },
            },
            serverInfo = new { name = "GuidelineGraph", version = typeof(InitializeHandler).Assembly.GetName().Version?.ToString() },
        };
        return Task.FromResult<object?>(result);
    }

    /// <summary>The first workspace folder, else rootUri, else rootPath: where the nearest ontology/ is looked for.</summary>
    private static string? Root(JToken request)
    {
        string? uri = (request["workspaceFolders"] as JArray)?.FirstOrDefault()?["uri"]?.Value<string>() ?? (request["rootUri"] as JValue)?.Value as string;
        if (uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed) && parsed.IsFile) return parsed.LocalPath;
        return (request["rootPath"] as JValue)?.Value as string;
    }
}
