using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace GuidelineGraph.LanguageServer.EndToEnd.Soak;

/// <summary>
/// The managed heap of another .NET process after a full, compacting-eligible GC: an EventPipe session with the
/// GCHeapCollect keyword induces a gen-2 collection (as dotnet-gcdump does), and the GCHeapStats event that ends
/// it gives the generations' sizes. The server needs no hook of its own for this.
/// </summary>
public static class ManagedHeapProbe
{
    public static long BytesAfterFullGc(int processId, TimeSpan timeout)
    {
        var client = new DiagnosticsClient(processId);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        using EventPipeSession session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        bool inducedStarted = false;
        long heap = -1;
        source.Clr.GCStart += e => inducedStarted |= e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced && e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (!inducedStarted || heap >= 0) return;
            heap = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
            session.Stop();
        };
        Task processing = Task.Run(() => source.Process());
        if (!processing.Wait(timeout))
        {
            session.Stop();
            throw new TimeoutException($"no induced gen-2 GC reported by process {processId} within {timeout.TotalSeconds:0} s");
        }
        if (heap < 0) throw new InvalidOperationException($"process {processId} ended the EventPipe session before reporting its heap");
        return heap;
    }
}
