using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidelineGraph.Testing;
using GuidelineGraph.Testing.Lsp;

// Latency and memory of the real `gg lsp` process over stdio on a LargeProtocol of N pages:
//   cold:   process start and initialize -> first publishDiagnostics (a new process each run);
//   edit:   didChange (one character typed or deleted in a cohort paragraph) -> publishDiagnostics of that version,
//           with the debounce set to 0 through workspace/configuration so the figure is the analysis itself;
//   hover and completion round trips on feature words, requirement markers and the front-matter feature list;
//   resident memory of the server (VmRSS) after each phase, and its peak (VmHWM).
// Usage: bench/lsp.sh [--pages 300] [--cold-runs 5] [--edits 200] [--requests 200]
BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (ArgumentException e) { Console.Error.WriteLine(e.Message); return 2; }
string ggDll = Path.Combine(AppContext.BaseDirectory, "gg.dll");
string ontology = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(LargeProtocol.SourcePath)!, "..", "..", "ontology"));
string directory = Directory.CreateTempSubdirectory("gg-lsp-bench-").FullName;
string file = LargeProtocol.WriteTo(Path.Combine(directory, "protocol-300-pages.md"), options.Pages);
string text = File.ReadAllText(file);
string uri = new Uri(file).AbsoluteUri;
TimeSpan wait = TimeSpan.FromSeconds(120);
JsonObject settings = new() { ["language"] = "en", ["debounceMs"] = 0 };
Console.Error.WriteLine($"protocol: {options.Pages} pages, {text.Length:N0} characters, {text.Count(c => c == '\n'):N0} lines ({file})");

var cold = new List<(double ToInitialized, double ToDiagnostics, double FromInitialize)>();
for (int run = 0; run < options.ColdRuns; run++)
{
    long start = Stopwatch.GetTimestamp();
    await using var server = LspServerProcess.Start(ggDll, ontology);
    server.Connection.ServerRequestHandler = (method, p) => Answer(method, p, settings);
    long initializeSent = Stopwatch.GetTimestamp();
    await server.InitializeAsync(directory, timeout: wait);
    long initialized = Stopwatch.GetTimestamp();
    await server.OpenAsync(uri, "markdown", 1, text);
    PublishedDiagnostics first = await server.Connection.WaitForDiagnosticsAsync(uri, p => p.Version == 1, wait);
    cold.Add((Ms(start, initialized), Ms(start, first.ReceivedTicks), Ms(initializeSent, first.ReceivedTicks)));
    Console.Error.WriteLine($"cold run {run + 1}: {first.Codes.Count} diagnostics after {cold[^1].ToDiagnostics:0} ms");
    await server.ShutdownAndExitAsync(wait);
}

await using (var server = LspServerProcess.Start(ggDll, ontology))
{
    server.Connection.ServerRequestHandler = (method, p) => Answer(method, p, settings);
    await server.InitializeAsync(directory, timeout: wait);
    await server.Connection.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["guidelineGraph"] = settings.DeepClone() } });
    await server.OpenAsync(uri, "markdown", 1, text);
    await server.Connection.WaitForDiagnosticsAsync(uri, p => p.Version == 1, wait);
    var resident = new List<(string Phase, long Bytes)> { ("after open", server.ResidentBytes()) };

    // Typing: one character in, then out again, at a cohort paragraph; each version waited for before the next.
    string[] lines = text.Split('\n');
    int[] paragraphs = Enumerable.Range(0, lines.Length).Where(i => lines[i].Length > 40 && !lines[i].StartsWith('#') && !lines[i].StartsWith('|')).ToArray();
    var random = new Random(42);
    var edits = new List<double>();
    (int Line, int Character) previous = (0, 0);
    for (int version = 2; version < 2 + options.Edits; version++)
    {
        int line = paragraphs[random.Next(paragraphs.Length)];
        int character = random.Next(lines[line].Length);
        bool typing = version % 2 == 0;
        long sent = Stopwatch.GetTimestamp();
        Task<PublishedDiagnostics> published = server.Connection.NextDiagnosticsAsync(uri, p => p.Version == version, wait);
        if (typing) await server.ChangeAsync(uri, version, line, character, line, character, "x");
        else await server.ChangeAsync(uri, version, previous.Line, previous.Character, previous.Line, previous.Character + 1, "");
        if (typing) previous = (line, character);
        edits.Add(Ms(sent, (await published).ReceivedTicks));
        if (version % 50 == 0) server.Connection.ForgetPublished();
    }
    resident.Add(("after edits", server.ResidentBytes()));

    var hoverTargets = Occurrences(lines, "AAV9").Concat(Occurrences(lines, "gg:addresses")).Concat(Occurrences(lines, "infants")).ToList();
    var hovers = await TimeRequestsAsync(server, "textDocument/hover", hoverTargets, options.Requests, uri, wait);
    int featuresLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("features:", StringComparison.Ordinal));
    var completionTargets = new List<(int, int)> { (featuresLine, lines[featuresLine].IndexOf('[') + 1), (featuresLine, lines[featuresLine].Length - 1) };
    var completions = await TimeRequestsAsync(server, "textDocument/completion", completionTargets, options.Requests, uri, wait);
    resident.Add(("after requests", server.ResidentBytes()));
    resident.Add(("peak (VmHWM)", server.PeakResidentBytes()));
    await server.ShutdownAndExitAsync(wait);

    Console.WriteLine($"gg lsp on a {options.Pages}-page protocol ({text.Length:N0} characters), {Environment.ProcessorCount} cores");
    Console.WriteLine($"| measure | runs | p50 | p95 | max | target |");
    Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | --- |");
    Row("process start -> initialized (cold)", cold.Select(c => c.ToInitialized).ToList(), "");
    Row("process start -> first diagnostics (cold)", cold.Select(c => c.ToDiagnostics).ToList(), "< 1500 ms");
    Row("initialize sent -> first diagnostics (cold)", cold.Select(c => c.FromInitialize).ToList(), "< 1500 ms");
    Row("didChange -> publishDiagnostics (debounce 0)", edits, "p95 < 50 ms");
    Row("hover", hovers, "p95 < 10 ms");
    Row("completion", completions, "p95 < 10 ms");
    foreach (var (phase, bytes) in resident) Console.WriteLine($"| resident memory {phase} | 1 | {bytes / 1048576.0:0.0} MB | | | < 250 MB |");
}
Directory.Delete(directory, recursive: true);
return 0;

static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

static JsonNode? Answer(string method, JsonElement parameters, JsonObject settings) =>
    method == "workspace/configuration"
        ? new JsonArray(parameters.GetProperty("items").EnumerateArray().Select(_ => (JsonNode?)settings.DeepClone()).ToArray())
        : null;

static IEnumerable<(int Line, int Character)> Occurrences(string[] lines, string word)
{
    for (int i = 0; i < lines.Length; i++)
        for (int at = lines[i].IndexOf(word, StringComparison.Ordinal); at >= 0; at = lines[i].IndexOf(word, at + 1, StringComparison.Ordinal))
            yield return (i, at + 1);
}

static async Task<List<double>> TimeRequestsAsync(LspServerProcess server, string method, List<(int Line, int Character)> targets, int count, string uri, TimeSpan wait)
{
    if (targets.Count == 0) throw new InvalidOperationException($"no positions for {method}");
    var random = new Random(7);
    var times = new List<double>();
    for (int i = 0; i < count; i++)
    {
        var (line, character) = targets[random.Next(targets.Count)];
        long sent = Stopwatch.GetTimestamp();
        await server.Connection.CallAsync(method, LspServerProcess.Position(uri, line, character), wait);
        times.Add(Ms(sent, Stopwatch.GetTimestamp()));
    }
    return times;
}

static void Row(string name, List<double> ms, string target)
{
    double[] sorted = ms.Order().ToArray();
    double P(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {sorted.Length} | {P(0.5):0.0} ms | {P(0.95):0.0} ms | {sorted[^1]:0.0} ms | {target} |"));
}

sealed record BenchOptions(int Pages, int ColdRuns, int Edits, int Requests)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(300, 5, 200, 200);
        for (int i = 0; i < args.Length; i += 2)
        {
            string name = args[i];
            if (name is not ("--pages" or "--cold-runs" or "--edits" or "--requests"))
                throw new ArgumentException($"unknown option {name}; usage: bench/lsp.sh [--pages N] [--cold-runs N] [--edits N] [--requests N]");
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out int value) || value <= 0)
                throw new ArgumentException($"{name} needs a positive number");
            options = name switch
            {
                "--pages" => options with { Pages = value },
                "--cold-runs" => options with { ColdRuns = value },
                "--edits" => options with { Edits = value },
                _ => options with { Requests = value },
            };
        }
        return options;
    }
}
