using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Custom;

/// <summary>
/// guidelineGraph/explainRequirement {textDocument, requirementId} -> {text}: why the requirement applies to the
/// protocol's profile, as the indented proof tree (feature -> risk -> control -> clause) in the configured language.
/// </summary>
[LspMethod(LspMethods.ExplainRequirement)]
internal sealed class ExplainRequirementHandler : ILspHandler<JToken, JObject>
{
    public bool MutatesState => false;

    public async Task<JObject> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        string uri = (request["textDocument"]?["uri"] as JValue)?.Value as string
            ?? throw new LocalRpcException("explainRequirement needs textDocument.uri") { ErrorCode = LspErrorCodes.InvalidParams };
        string token = (request["requirementId"] as JValue)?.Value as string
            ?? throw new LocalRpcException("explainRequirement needs requirementId") { ErrorCode = LspErrorCodes.InvalidParams };
        var analysis = await context.ProtocolAsync(uri, ct).ConfigureAwait(false)
            ?? throw new LocalRpcException($"{uri} is not an open protocol") { ErrorCode = LspErrorCodes.InvalidParams };
        var requirement = analysis.Model!.FindRequirement(token)
            ?? throw new LocalRpcException($"no requirement '{token}'") { ErrorCode = LspErrorCodes.InvalidParams };
        var settings = context.Snapshot.Settings;
        string text = analysis.Applicable(requirement.Id) is { } applicable
            ? DerivationText.Render(applicable, settings.Language)
            : settings.Chinese ? $"{requirement.Id} 不适用于本方案的特征组合。\n" : $"{requirement.Id} does not apply to this protocol's profile.\n";
        return new JObject { ["text"] = text };
    }
}
