using GuidelineGraph.Guidance.Trace;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Custom;

/// <summary>
/// guidelineGraph/traceabilityMatrix {textDocument} -> {columns, rows:[{clause, requirementId, modality, quoteZh, quoteEn,
/// control, status, sections, evidence}], html}: the shared TraceabilityMatrix of the open protocol.
/// </summary>
[LspMethod(LspMethods.TraceabilityMatrix)]
internal sealed class TraceabilityMatrixHandler : ILspHandler<JToken, JObject>
{
    public bool MutatesState => false;

    public async Task<JObject> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        TraceabilityMatrix matrix = await MatrixAsync(request, context, ct).ConfigureAwait(false);
        var rows = new JArray(matrix.Rows.Select(r => new JObject
        {
            ["clause"] = r.Clause, ["requirementId"] = r.RequirementId, ["modality"] = r.Modality, ["quoteZh"] = r.QuoteZh,
            ["quoteEn"] = r.QuoteEn, ["control"] = r.Control, ["status"] = r.StatusName, ["sections"] = r.SectionsText,
            ["evidence"] = r.EvidenceText,
        }));
        return new JObject
        {
            ["columns"] = new JArray(TraceabilityMatrix.Columns),
            ["rows"] = rows,
            ["html"] = MatrixWriters.ToString(MatrixWriters.WriteHtml, matrix),
        };
    }

    /// <summary>The matrix of the request's open protocol; shared with exportMatrix.</summary>
    internal static async Task<TraceabilityMatrix> MatrixAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        string uri = (request["textDocument"]?["uri"] as JValue)?.Value as string
            ?? throw new LocalRpcException("textDocument.uri is required") { ErrorCode = LspErrorCodes.InvalidParams };
        var analysis = await context.ProtocolAsync(uri, ct).ConfigureAwait(false)
            ?? throw new LocalRpcException($"{uri} is not an open protocol") { ErrorCode = LspErrorCodes.InvalidParams };
        var report = analysis.Report ?? throw new LocalRpcException("no reasoner: the ontology's rules did not load") { ErrorCode = LspErrorCodes.RequestFailed };
        return TraceabilityMatrix.Build(report);
    }
}
