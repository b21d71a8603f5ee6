using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Workspace;
using Newtonsoft.Json.Linq;

namespace GuidelineGraph.LanguageServer.Server;

public enum Lifecycle { Uninitialized, Running, ShutDown }

/// <summary>The server's mutable state: lifecycle, client capabilities and the current <see cref="WorkspaceSnapshot"/>.</summary>
public sealed class ServerState(ClientConnection client, ServerOptions options)
{
    private readonly Lock _gate = new();
    private WorkspaceSnapshot _snapshot = WorkspaceSnapshot.Empty;
    private int _modelVersions;

    public ClientConnection Client { get; } = client;
    public ServerOptions Options { get; } = options;
    public AnalysisCache Analyses { get; } = new();
    public Lifecycle Lifecycle { get; set; } = Lifecycle.Uninitialized;
    public JObject ClientCapabilities { get; set; } = new();
    public string? WorkspaceRoot { get; set; }
    public DiagnosticsScheduler Diagnostics { get; internal set; } = null!;

    /// <summary>Completed by the exit notification with the process exit code (0 after shutdown, else 1).</summary>
    public TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancelled at shutdown: background work stops.</summary>
    public CancellationTokenSource Stopping { get; } = new();

    public WorkspaceSnapshot Snapshot
    {
        get { lock (_gate) return _snapshot; }
    }

    public WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> change)
    {
        lock (_gate) return _snapshot = change(_snapshot);
    }

    public bool ClientSupports(params string[] path)
    {
        JToken? token = ClientCapabilities;
        foreach (string part in path) token = token?[part];
        return token is JValue { Type: JTokenType.Boolean } v && (bool)v;
    }

    /// <summary>
    /// Loads the ontology in the background (with work-done progress), makes it the snapshot's model, and
    /// re-analyses the open documents when it is ready.
    /// </summary>
    public Task<GuidelineModel?> ReloadModel(string reason)
    {
        int version = Interlocked.Increment(ref _modelVersions);
        string? directory = Options.OntologyDirectory ?? GuidelineModel.FindDirectory(WorkspaceRoot);
        Task<GuidelineModel?> load = Task.Run(() => LoadAsync(version, directory, reason));
        Update(s => s with { Model = load });
        _ = load.ContinueWith(_ => Diagnostics.ScheduleAll(), TaskScheduler.Default);
        _ = load.ContinueWith(t => WarmReasonerAsync(t.Result), TaskScheduler.Default);
        return load;
    }

    /// <summary>Compiles the model's reasoner right after the load, so that the first hover does not wait for it.</summary>
    private async Task WarmReasonerAsync(GuidelineModel? model)
    {
        if (model is null) return;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (model.Inference is null)
        {
            foreach (string problem in model.Problems.Take(20))
                await Client.LogAsync(MessageType.Error, $"rules: {problem}; protocols get no inferred requirements").ConfigureAwait(false);
            return;
        }
        await Client.LogAsync(MessageType.Info, $"reasoner ready in {watch.ElapsedMilliseconds} ms").ConfigureAwait(false);
    }

    private async Task<GuidelineModel?> LoadAsync(int version, string? directory, string reason)
    {
        if (directory is null)
        {
            await Client.LogAsync(MessageType.Warning, "no ontology/ directory above the workspace or gg; protocols get no guideline hints").ConfigureAwait(false);
            return null;
        }
        CancellationToken ct = Stopping.Token;
        var progress = await Client.BeginProgressAsync(ClientSupports("window", "workDoneProgress"), "GuidelineGraph",
            $"loading {directory}", ct).ConfigureAwait(false);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            GuidelineModel model = GuidelineModel.Load(version, directory, ct);
            await progress.ReportAsync("ontology read", 80).ConfigureAwait(false);
            foreach (var error in model.Ontology.Errors.Take(20))
                await Client.LogAsync(MessageType.Error, $"{Path.Combine(directory, error.File)}:{error.Line}:{error.Column}: {error.Message}").ConfigureAwait(false);
            await Client.LogAsync(MessageType.Info,
                $"ontology {directory} loaded ({reason}): {model.Ontology.Store.Count:N0} quads, {model.Vocabulary.Features.Count} features, " +
                $"{model.Catalog.Guidelines.Count} guideline(s) in {watch.ElapsedMilliseconds} ms").ConfigureAwait(false);
            await progress.EndAsync("ready").ConfigureAwait(false);
            return model;
        }
        catch (OperationCanceledException)
        {
            await progress.EndAsync("cancelled").ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Client.LogAsync(MessageType.Error, $"cannot read the ontology {directory}: {e.Message}").ConfigureAwait(false);
            await progress.EndAsync("failed").ConfigureAwait(false);
            return null;
        }
    }
}
