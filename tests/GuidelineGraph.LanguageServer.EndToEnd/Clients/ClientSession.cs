using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineGraph.LanguageServer.EndToEnd.Clients;

/// <summary>
/// What a scripted client session does (clients/node/e2e.cjs and clients/nvim/e2e.lua read the same shape):
/// open <see cref="File"/>, insert <see cref="FixInsert"/> after the line containing <see cref="FixAfter"/> so that
/// diagnostic <see cref="FixClears"/> goes, hover at <see cref="HoverAt"/>, apply the code action titled
/// <see cref="ActionTitle"/> for diagnostic <see cref="ActionCode"/>, optionally (the Node client) add the feature
/// mentioned at <see cref="DeclareAt"/> to the front-matter profile, shut down.
/// </summary>
public sealed record ClientScenario(
    string File, string LanguageId, JsonObject Settings,
    string FixAfter, string FixInsert, string FixClears,
    string HoverAt, string ActionCode, string ActionTitle, string? DeclareAt = null)
{
    public string ToJson() => new JsonObject
    {
        ["server"] = new JsonArray(E2ePaths.ServerCommand.Select(a => (JsonNode?)a).ToArray()),
        ["root"] = Path.GetDirectoryName(File),
        ["file"] = File,
        ["languageId"] = LanguageId,
        ["settings"] = Settings.DeepClone(),
        ["timeoutMs"] = 60_000,
        ["fix"] = new JsonObject { ["after"] = FixAfter, ["insert"] = FixInsert, ["clears"] = FixClears },
        ["hover"] = new JsonObject { ["at"] = HoverAt },
        ["codeAction"] = new JsonObject { ["code"] = ActionCode, ["title"] = ActionTitle },
        ["declare"] = DeclareAt is null ? null : new JsonObject { ["at"] = DeclareAt },
    }.ToJsonString();
}

public sealed record DiagnosticSeen(string Code, int Severity, int Line, int Character, string Message, string? Source);

public sealed record CodeActionSeen(string Title, string? Kind);

public sealed record ProfileFeatureSeen(string Id, string Source);

/// <summary>The transcript a client script writes: what the client saw at each step.</summary>
public sealed record ClientTranscript(
    IReadOnlyList<string> Steps,
    IReadOnlyList<DiagnosticSeen>? Opened,
    IReadOnlyList<DiagnosticSeen>? Fixed,
    string? Hover,
    IReadOnlyList<string>? ActionTitles,
    CodeActionSeen? Action,
    IReadOnlyList<DiagnosticSeen>? AfterAction,
    string? TextAfterAction,
    CodeActionSeen? Declared,
    IReadOnlyList<ProfileFeatureSeen>? ProfileAfterDeclare,
    string? TextAfterDeclare,
    int? ExitCode,
    string? Error,
    string? ServerLog)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static ClientTranscript Parse(string json, string client, ToolRun run)
    {
        if (string.IsNullOrWhiteSpace(json))
            throw new InvalidOperationException($"{client} wrote no transcript (exit {run.ExitCode})\n{run.Out}\n{run.Error}");
        ClientTranscript transcript = JsonSerializer.Deserialize<ClientTranscript>(json, Options)!;
        if (transcript.Error is not null)
            throw new InvalidOperationException(
                $"{client} session failed after steps [{string.Join(", ", transcript.Steps)}]: {transcript.Error}\n" +
                $"diagnostics on open: [{Codes(transcript.Opened)}]\nafter the fix: [{Codes(transcript.Fixed)}]\n" +
                $"server log:\n{transcript.ServerLog}\n{run.Error}");
        return transcript;
    }

    private static string Codes(IReadOnlyList<DiagnosticSeen>? diagnostics) =>
        string.Join(", ", (diagnostics ?? []).Select(d => $"{d.Code} (severity {d.Severity}, line {d.Line + 1})"));
}
