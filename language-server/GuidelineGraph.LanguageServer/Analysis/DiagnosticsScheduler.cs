using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>
/// Debounced, cancellable diagnostics per document: a change cancels the pending run for that document and
/// starts a new one after the debounce, off the request thread. A result is published only while its
/// document version and model are still the current ones, so a stale result never reaches the client.
/// </summary>
public sealed class DiagnosticsScheduler(ServerState state)
{
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Completed runs, for tests and traces: (uri, version, published).</summary>
    public event Action<string, int, bool>? Completed;

    public void Schedule(string uri)
    {
        CancellationTokenSource cts;
        lock (_gate)
        {
            if (_pending.Remove(uri, out CancellationTokenSource? previous)) previous.Cancel();
            cts = CancellationTokenSource.CreateLinkedTokenSource(state.Stopping.Token);
            _pending[uri] = cts;
        }
        _ = Task.Run(() => RunAsync(uri, cts));
    }

    public void ScheduleAll()
    {
        foreach (string uri in state.Snapshot.Documents.Keys) Schedule(uri);
    }

    /// <summary>The document closed: no more runs, and its diagnostics are cleared.</summary>
    public void Clear(string uri)
    {
        lock (_gate)
        {
            if (_pending.Remove(uri, out CancellationTokenSource? previous)) previous.Cancel();
            _ = state.Client.NotifyAsync(LspMethods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams(uri, null, []));
        }
    }

    private async Task RunAsync(string uri, CancellationTokenSource cts)
    {
        CancellationToken ct = cts.Token;
        OpenDocument? document = null;
        bool published = false;
        try
        {
            WorkspaceSnapshot snapshot = state.Snapshot;
            if (snapshot.Settings.DebounceMs > 0) await Task.Delay(snapshot.Settings.DebounceMs, ct).ConfigureAwait(false);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            snapshot = state.Snapshot;
            document = snapshot.Find(uri);
            if (document is null) return;
            DocumentAnalysis analysis = await state.Analyses.GetAsync(document, snapshot.Model, ct).ConfigureAwait(false);
            IReadOnlyList<Diagnostic> diagnostics = DiagnosticBuilder.Build(analysis, snapshot.Settings, snapshot.Encoding);
            lock (_gate)
            {
                WorkspaceSnapshot now = state.Snapshot;
                if (ct.IsCancellationRequested || now.Find(uri) != document || now.Model != snapshot.Model || now.Settings != snapshot.Settings) return;
                _ = state.Client.NotifyAsync(LspMethods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams(uri, document.Version, diagnostics));
                published = true;
            }
            await state.Client.TraceAsync(
                $"diagnostics {uri} v{document.Version}: {diagnostics.Count} diagnostic(s) in {watch.Elapsed.TotalMilliseconds:F1} ms after the debounce").ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // A bug in one analysis must not take the server down; the client sees it in its log.
            await state.Client.LogAsync(MessageType.Error, $"analysis of {uri} failed: {e}").ConfigureAwait(false);
        }
        finally
        {
            // Only entries still in _pending are ever cancelled (under the gate), so once out of it the source can go.
            lock (_gate)
            {
                if (_pending.TryGetValue(uri, out CancellationTokenSource? mine) && mine == cts) _pending.Remove(uri);
            }
            cts.Dispose();
            if (document is not null) Completed?.Invoke(uri, document.Version, published);
        }
    }
}
