using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Protocol;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Workspace;

/// <summary>
/// The "guidelineGraph" configuration section: {language: "en"|"zh", guidelines: [ids], severity: {shall, should, may}:
/// "error"|"warning"|"information"|"hint"|"off", trace, debounceMs}. Unknown or ill-typed values keep their defaults.
/// </summary>
public sealed record ServerSettings
{
    public static readonly ServerSettings Default = new();

    public string Language { get; init; } = "en";
    public IReadOnlyList<string> Guidelines { get; init; } = [];
    public int? ShallSeverity { get; init; } = DiagnosticSeverity.Error;
    public int? ShouldSeverity { get; init; } = DiagnosticSeverity.Warning;
    public int? MaySeverity { get; init; } = DiagnosticSeverity.Information;
    public string Trace { get; init; } = "off";
    public int DebounceMs { get; init; } = 150;

    public bool Chinese => Language == "zh";

    /// <summary>Severity of a missing requirement of this modality; null means not reported.</summary>
    public int? SeverityOf(Modality modality) => modality switch
    {
        Modality.Shall => ShallSeverity,
        Modality.Should => ShouldSeverity,
        Modality.May => MaySeverity,
        _ => null,
    };

    /// <summary>The text in the configured language, falling back to the other one.</summary>
    public string? Pick(BilingualText text) => Chinese ? text.Zh ?? text.En : text.En ?? text.Zh;

    /// <summary>Reads the section; <paramref name="section"/> may be the section itself or an object holding "guidelineGraph".</summary>
    public static ServerSettings Read(JToken? section, ServerSettings fallback)
    {
        if (section is JObject outer && outer["guidelineGraph"] is JObject inner) section = inner;
        if (section is not JObject o) return fallback;
        ServerSettings result = fallback;
        if (o["language"] is JValue { Type: JTokenType.String } language && (string)language! is "en" or "zh")
            result = result with { Language = (string)language! };
        if (o["guidelines"] is JArray guidelines)
            result = result with { Guidelines = guidelines.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!).ToList() };
        if (o["severity"] is JObject severity)
        {
            result = result with
            {
                ShallSeverity = Severity(severity["shall"], result.ShallSeverity),
                ShouldSeverity = Severity(severity["should"], result.ShouldSeverity),
                MaySeverity = Severity(severity["may"], result.MaySeverity),
            };
        }
        if (o["trace"] is JValue { Type: JTokenType.String } trace) result = result with { Trace = (string)trace! };
        if (o["debounceMs"] is JValue { Type: JTokenType.Integer } debounce) result = result with { DebounceMs = Math.Clamp((int)debounce, 0, 5000) };
        return result;
    }

    private static int? Severity(JToken? token, int? fallback) =>
        ((token as JValue)?.Value as string) switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "information" => DiagnosticSeverity.Information,
            "hint" => DiagnosticSeverity.Hint,
            "off" => null,
            _ => fallback,
        };
}
