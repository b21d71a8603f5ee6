using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineGraph.LanguageServer.EndToEnd;

/// <summary>
/// Tests that start server processes run one at a time: on a two-core machine parallel servers would only
/// measure each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerProcesses
{
    public const string Name = "gg lsp processes";

    /// <summary>The settings an editor sends: English messages, the default severities.</summary>
    public static JsonObject Settings => new() { ["language"] = "en" };

    /// <summary>Answers workspace/configuration with <see cref="Settings"/>, other server requests with null.</summary>
    public static JsonNode? AnswerServerRequests(string method, JsonElement parameters) =>
        method == "workspace/configuration"
            ? new JsonArray(parameters.GetProperty("items").EnumerateArray()
                .Select(item => item.TryGetProperty("section", out var s) && s.GetString() == "guidelineGraph" ? (JsonNode?)Settings : null)
                .ToArray())
            : null;
}
