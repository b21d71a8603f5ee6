using System.Text.Json;

namespace GuidelineGraph.Endpoint.Protocol;

/// <summary>
/// <c>/health</c>: whether the server answers, the size and durability of what it serves, and the process's memory
/// (GC heap beside the resident set, so a load test can tell retained objects from memory the GC keeps), as JSON.
/// </summary>
internal sealed class HealthHandler(EndpointState state)
{
    public Task HandleAsync(HttpContext http)
    {
        var store = state.Store;
        var snapshot = store.Store.Snapshot();
        var graphs = snapshot.Graphs();
        var gc = GC.GetGCMemoryInfo();
        var body = JsonSerializer.Serialize(new
        {
            status = "ok",
            quads = snapshot.Count,
            namedGraphs = graphs.Count(g => g.Graph != Store.TermIds.DefaultGraph),
            version = snapshot.Version,
            readOnly = state.Writes.ReadOnly,
            store = store.Directory is null ? "memory" : "durable",
            generation = store.Directory is null ? (long?)null : store.Generation,
            logBytes = store.Directory is null ? (long?)null : store.LogBytes,
            snapshotError = store.SnapshotFailure,
            uptimeSeconds = Math.Round((DateTimeOffset.UtcNow - state.Started).TotalSeconds, 1),
            memory = new
            {
                workingSetBytes = Environment.WorkingSet,
                gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                gcHeapAfterLastCollectionBytes = gc.HeapSizeBytes,
                gcCommittedBytes = gc.TotalCommittedBytes,
                gcFragmentedBytes = gc.FragmentedBytes,
                collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            },
        });
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(body);
    }
}
