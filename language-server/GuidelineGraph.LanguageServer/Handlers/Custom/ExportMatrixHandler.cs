using GuidelineGraph.Guidance.Trace;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Custom;

/// <summary>
/// guidelineGraph/exportMatrix {textDocument, format: "xlsx"|"csv"|"html", path} -> {path}: the traceability matrix
/// written to a file, atomically (a temporary file beside it, then a rename).
/// </summary>
[LspMethod(LspMethods.ExportMatrix)]
internal sealed class ExportMatrixHandler : ILspHandler<JToken, JObject>
{
    public bool MutatesState => false;

    public async Task<JObject> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        string format = (request["format"] as JValue)?.Value as string ?? "";
        if (format is not ("xlsx" or "csv" or "html"))
            throw new LocalRpcException($"format must be xlsx, csv or html, not '{format}'") { ErrorCode = LspErrorCodes.InvalidParams };
        string path = (request["path"] as JValue)?.Value as string is { Length: > 0 } p ? Path.GetFullPath(p)
            : throw new LocalRpcException("path is required") { ErrorCode = LspErrorCodes.InvalidParams };
        TraceabilityMatrix matrix = await TraceabilityMatrixHandler.MatrixAsync(request, context, ct).ConfigureAwait(false);
        try
        {
            using var file = new AtomicFile(path);
            if (format == "xlsx") MatrixWorkbook.Write(matrix, file.Stream);
            else
            {
                using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), leaveOpen: true))
                    MatrixWriters.WriteText(matrix, format, writer);
            }
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalRpcException($"{path}: {e.Message}") { ErrorCode = LspErrorCodes.RequestFailed };
        }
        return new JObject { ["path"] = path };
    }
}
