using System.Collections.Concurrent;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>
/// The latest analysis per document, keyed by (document version, model version): diagnostics, hover,
/// completion and code actions on the same version share one parse, and the next version is read against it.
/// </summary>
public sealed class AnalysisCache
{
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _latest = new(StringComparer.Ordinal);

    public async Task<DocumentAnalysis> GetAsync(OpenDocument document, Task<GuidelineModel?> modelTask, CancellationToken ct)
    {
        GuidelineModel? model = await modelTask.WaitAsync(ct).ConfigureAwait(false);
        int modelVersion = model?.Version ?? 0;
        if (_latest.TryGetValue(document.Uri, out DocumentAnalysis? cached) && ReferenceEquals(cached.Document, document) && cached.ModelVersion == modelVersion)
            return cached;
        // The previous version's analysis lends what the edit left unchanged (sections, block scans, the mapping).
        DocumentAnalysis analysis = DocumentAnalyzer.Analyze(document, model, cached as ProtocolAnalysis, ct);
        // Keep the newest document version; an older analysis finishing late does not replace it.
        _latest.AddOrUpdate(document.Uri, analysis,
            (_, existing) => existing.Document.Version > document.Version ? existing : analysis);
        return analysis;
    }

    public void Forget(string uri) => _latest.TryRemove(uri, out _);
}
