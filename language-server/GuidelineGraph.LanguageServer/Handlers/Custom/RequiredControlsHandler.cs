using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Presentation;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Text;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace GuidelineGraph.LanguageServer.Handlers.Custom;

/// <summary>
/// guidelineGraph/requiredControls {textDocument} -> {profile, groups}: the protocol's profile and its applicable
/// requirements grouped by their first ICH M11 section, each with status, control, clause, evidence and the range
/// where its text belongs (the extension's tree view).
/// </summary>
[LspMethod(LspMethods.RequiredControls)]
internal sealed class RequiredControlsHandler : ILspHandler<JToken, JObject>
{
    public bool MutatesState => false;

    public async Task<JObject> HandleAsync(JToken request, RequestContext context, CancellationToken ct)
    {
        string uri = (request["textDocument"]?["uri"] as JValue)?.Value as string
            ?? throw new LocalRpcException("textDocument.uri is required") { ErrorCode = LspErrorCodes.InvalidParams };
        var analysis = await context.ProtocolAsync(uri, ct).ConfigureAwait(false)
            ?? throw new LocalRpcException($"{uri} is not an open protocol") { ErrorCode = LspErrorCodes.InvalidParams };
        CheckReport report = analysis.Report ?? throw new LocalRpcException("no reasoner: the ontology's rules did not load") { ErrorCode = LspErrorCodes.RequestFailed };
        DocumentText text = analysis.Document.Text;
        PositionEncoding encoding = context.Snapshot.Encoding;
        var settings = context.Snapshot.Settings;
        var titles = analysis.Model!.Vocabulary.M11Sections.ToDictionary(s => s.Notation, s => settings.Pick(s.Title) ?? s.Notation);

        var groups = report.Requirements
            .GroupBy(c => c.Applicable.Requirement.M11Sections.FirstOrDefault() ?? "")
            .OrderBy(g => g.Key, NaturalComparer.Instance)
            .Select(g => new JObject
            {
                ["m11Section"] = g.Key,
                ["title"] = titles.GetValueOrDefault(g.Key, g.Key),
                ["items"] = new JArray(g.Select(c => Item(c, text, encoding, settings))),
            });
        return new JObject
        {
            ["profile"] = new JArray(report.Profile.Select(f => new JObject
            {
                ["id"] = f.Feature.Id, ["label"] = Bilingual(f.Feature.Label), ["source"] = f.Source,
            })),
            ["groups"] = new JArray(groups),
        };
    }

    private static JObject Item(RequirementCoverage coverage, DocumentText text, PositionEncoding encoding, LanguageServer.Workspace.ServerSettings settings)
    {
        Requirement r = coverage.Applicable.Requirement;
        ControlReference? control = r.Controls.FirstOrDefault();
        var target = coverage.ExpectedSections.Count > 0
            ? text.Range(coverage.ExpectedSections[0].HeadingSpan.Start, coverage.ExpectedSections[0].HeadingSpan.End, encoding)
            : text.Range(0, 0, encoding);
        return new JObject
        {
            ["requirementId"] = r.Id,
            ["modality"] = Markdown.Modality(r.Modality),
            ["status"] = coverage.Status.ToString().ToLowerInvariant(),
            ["control"] = control is null ? null : new JObject { ["id"] = control.Id, ["label"] = settings.Pick(control.Label) ?? control.Id },
            ["quote"] = new JObject { ["zh"] = r.Quote.Zh, ["en"] = r.Quote.En },
            ["clause"] = r.Clause is null ? null : new JObject { ["id"] = r.Clause.Id, ["number"] = r.Clause.Number },
            ["evidence"] = new JArray(coverage.Evidence.Select(e => new JObject
            {
                ["line"] = e.Line, ["text"] = e.Text, ["range"] = JObject.FromObject(text.Range(e.Span.Start, e.Span.End, encoding), Serializer),
            })),
            ["target"] = JObject.FromObject(target, Serializer),
        };
    }

    private static readonly Newtonsoft.Json.JsonSerializer Serializer = CreateSerializer();

    private static Newtonsoft.Json.JsonSerializer CreateSerializer()
    {
        var serializer = new Newtonsoft.Json.JsonSerializer();
        LanguageServerHost.Configure(serializer);
        return serializer;
    }

    private static JObject Bilingual(BilingualText text) => new() { ["en"] = text.En, ["zh"] = text.Zh };
}
