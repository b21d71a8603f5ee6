using System.Diagnostics;
using System.Text.Json;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Store;

namespace GuidelineGraph.Cli.Commands;

/// <summary>
/// Hidden <c>gg bench</c> (for bench/peers.sh): times parse-and-count runs, then runs that parse straight
/// into a fresh <see cref="QuadStore"/>, one JSON line each, then the memory with the last store alive.
/// </summary>
internal sealed class BenchCommand(CliContext context)
{
    public int Run(string[] files, string? baseIri, int parseRuns, int loadRuns)
    {
        try
        {
            return Measure(files, baseIri, parseRuns, loadRuns);
        }
        catch (RdfSyntaxException e)
        {
            context.Error.WriteLine(InputError.From(e.Error).Format(_reading));
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"gg bench: {e.Message}");
            return ExitCodes.InputError;
        }
    }

    private string _reading = "";

    private IEnumerable<Quad> Read(RdfInput input, string? baseIri)
    {
        _reading = input.Name;
        using var stream = input.Open(context);
        foreach (var q in RdfReader.Read(stream, new RdfReadOptions { Format = input.Format, BaseIri = input.BaseIri(baseIri) }))
            yield return q;
    }

    private int Measure(string[] files, string? baseIri, int parseRuns, int loadRuns)
    {
        var inputs = new List<RdfInput>();
        foreach (var file in files)
        {
            var input = RdfInput.Resolve(file, null, out var usage);
            if (input is null) { context.Error.WriteLine($"gg bench: {usage}"); return ExitCodes.UsageError; }
            inputs.Add(input);
        }
        for (int run = 1; run <= parseRuns; run++)
        {
            var clock = Stopwatch.StartNew();
            long read = 0;
            foreach (var input in inputs)
                foreach (var _ in Read(input, baseIri)) read++;
            Line(("phase", "parse"), ("run", run), ("ms", clock.Elapsed.TotalMilliseconds), ("read", read));
        }
        QuadStore? store = null;
        for (int run = 1; run <= Math.Max(1, loadRuns); run++)
        {
            store = null;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            store = new QuadStore();
            var clock = Stopwatch.StartNew();
            long read = 0;
            foreach (var input in inputs) read += store.Load(Read(input, baseIri));
            Line(("phase", "load"), ("run", run), ("ms", clock.Elapsed.TotalMilliseconds), ("read", read), ("quads", store.Count));
        }

        // Memory with the store alive: full compacting collection, then GC heap and the process's resident set.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var snapshot = store!.Snapshot();
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        long rss = ResidentBytes();
        long quads = Math.Max(1, snapshot.Count);
        Line(("phase", "memory"), ("quads", snapshot.Count), ("terms", store.Terms.Count - 1),
            ("gcHeapBytes", heap), ("rssBytes", rss), ("dictionaryBytes", store.Terms.ApproximateBytes),
            ("indexBytes", snapshot.IndexBytes), ("gcHeapBytesPerQuad", Math.Round((double)heap / quads, 1)),
            ("rssBytesPerQuad", Math.Round((double)rss / quads, 1)));
        GC.KeepAlive(store);
        return ExitCodes.Ok;
    }

    /// <summary>VmRSS from /proc when there is one (Linux), else the working set.</summary>
    private static long ResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    private void Line(params (string Name, object Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                switch (value)
                {
                    case string s: w.WriteString(name, s); break;
                    case double d: w.WriteNumber(name, Math.Round(d, 1)); break;
                    case int i: w.WriteNumber(name, i); break;
                    case long l: w.WriteNumber(name, l); break;
                }
            }
            w.WriteEndObject();
        }
        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        context.Out.Flush();
    }
}
