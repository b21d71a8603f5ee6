using GuidelineGraph.Guidance.Trace;
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
        string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (FileStream stream = File.Create(temporary))
            {
                if (format == "xlsx") MatrixWorkbook.Write(matrix, stream);
                else
                {
                    using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                    if (format == "csv") MatrixWriters.WriteCsv(matrix, writer);
                    else MatrixWriters.WriteHtml(matrix, writer);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary)) File.Delete(temporary);
            throw new LocalRpcException($"{path}: {e.Message}") { ErrorCode = LspErrorCodes.RequestFailed };
        }
        return new JObject { ["path"] = path };
    }
}
