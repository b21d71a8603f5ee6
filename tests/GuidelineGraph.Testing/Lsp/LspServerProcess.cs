using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineGraph.Testing.Lsp;

/// <summary>
/// The real <c>gg lsp</c> process on stdio (<c>dotnet gg.dll lsp</c>), its stderr kept (the last 64 KB) for failure
/// messages, with the lifecycle calls every end-to-end test and benchmark makes.
/// </summary>
public sealed class LspServerProcess : IAsyncDisposable
{
    private const int StderrKept = 64 * 1024;
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly Task _stderrPump;

    private LspServerProcess(Process process)
    {
        _process = process;
        Connection = new LspConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        _stderrPump = Task.Run(PumpStderrAsync);
    }

    public LspConnection Connection { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the server wrote on stderr (its log), the last 64 KB.</summary>
    public string StandardError { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>
    /// Starts <c>dotnet <paramref name="ggDll"/> lsp --ontology <paramref name="ontologyDirectory"/></c>;
    /// <paramref name="environment"/> adds variables.
    /// </summary>
    public static LspServerProcess Start(string ggDll, string ontologyDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(ggDll)) throw new FileNotFoundException($"gg.dll not found at {ggDll}; build the CLI first", ggDll);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ggDll);
        info.ArgumentList.Add("lsp");
        info.ArgumentList.Add("--ontology");
        info.ArgumentList.Add(ontologyDirectory);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return new LspServerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet"));
    }

    /// <summary>Resident memory of the server process (VmRSS in /proc), in bytes.</summary>
    public long ResidentBytes() => StatusBytes("VmRSS:");

    /// <summary>The most resident memory the server process has had (VmHWM in /proc), in bytes.</summary>
    public long PeakResidentBytes() => StatusBytes("VmHWM:");

    private long StatusBytes(string field)
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"no {field} line for process {_process.Id}");
    }

    /// <summary>initialize with UTF-16 positions, versioned diagnostics and workspace/configuration; then initialized.</summary>
    public async Task<JsonElement> InitializeAsync(string rootDirectory, JsonNode? initializationOptions = null, TimeSpan? timeout = null)
    {
        var parameters = new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(rootDirectory).AbsoluteUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(rootDirectory).AbsoluteUri, ["name"] = Path.GetFileName(rootDirectory) }),
            ["capabilities"] = new JsonObject
            {
                ["general"] = new JsonObject { ["positionEncodings"] = new JsonArray("utf-16") },
                ["workspace"] = new JsonObject { ["configuration"] = true, ["applyEdit"] = true, ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true } },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["versionSupport"] = true, ["codeDescriptionSupport"] = true },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    ["completion"] = new JsonObject(),
                    ["codeAction"] = new JsonObject { ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "refactor", "source") } } },
                },
            },
            ["initializationOptions"] = initializationOptions,
        };
        JsonElement result = await Connection.CallAsync("initialize", parameters, timeout ?? TimeSpan.FromSeconds(60));
        await Connection.NotifyAsync("initialized", new JsonObject());
        return result;
    }

    public Task OpenAsync(string uri, string languageId, int version, string text) =>
        Connection.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = languageId, ["version"] = version, ["text"] = text },
        });

    /// <summary>One incremental change: replace the UTF-16 range with <paramref name="text"/>.</summary>
    public Task ChangeAsync(string uri, int version, int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
        Connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(startLine, startCharacter, endLine, endCharacter),
                ["text"] = text,
            }),
        });

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    /// <summary>shutdown, exit, and the process's exit code.</summary>
    public async Task<int> ShutdownAndExitAsync(TimeSpan timeout)
    {
        await Connection.CallAsync("shutdown", null, timeout);
        await Connection.NotifyAsync("exit", null);
        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cancel.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"gg lsp did not exit within {timeout.TotalSeconds:0.#} s"); }
        return _process.ExitCode;
    }

    private async Task PumpStderrAsync()
    {
        char[] chunk = new char[4096];
        int read;
        while ((read = await _process.StandardError.ReadAsync(chunk)) > 0)
            lock (_stderr)
            {
                _stderr.Append(chunk, 0, read);
                if (_stderr.Length > StderrKept) _stderr.Remove(0, _stderr.Length - StderrKept);
            }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await Connection.DisposeAsync();
        await _stderrPump;
        _process.Dispose();
    }
}
