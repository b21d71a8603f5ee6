using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Bench;

/// <summary>
/// Stopwatch harness for bench/peers.sh: loads a file once, then runs each query through a warm-up and then N times and prints
/// one JSON line per query: the median of the warm runs, the rows, the bytes the query allocated (GC), the query's
/// working set (how far resident memory rose during its runs) and the process's peak working set after it. One
/// process for all queries, as the peers' harnesses do.
/// </summary>
public static class PeerQueries
{
    private const int WarmUpMs = 1500, MinWarmUpRuns = 30, MaxWarmUpRuns = 200;

    public static int Run(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[1], out int runs) || runs < 1)
        {
            Console.Error.WriteLine("usage: GuidelineGraph.Bench peer-queries RUNS DATA.ttl QUERY.rq...");
            return 2;
        }
        string data = args[2];
        var store = new QuadStore();
        var load = Stopwatch.StartNew();
        using (var stream = File.OpenRead(data))
            store.Load(RdfReader.Read(stream, BenchData.Options(RdfFormat.Turtle, data)));
        Console.Error.WriteLine($"loaded {store.Count} quads in {load.ElapsedMilliseconds} ms");
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        long afterLoad = self.WorkingSet64;
        foreach (var file in args.Skip(3))
        {
            var parsed = SparqlParser.ParseQuery(File.ReadAllText(file), new SparqlParseOptions());
            if (parsed.Error is { } error)
            {
                Console.Error.WriteLine($"{file}:{error.Start}: {error.Message}");
                return 2;
            }
            // Warm-up until tiered compilation has settled (1.5 s and 30 runs at least), as in a long-lived server.
            var warmUp = Stopwatch.StartNew();
            int warmUpRuns = 0;
            while ((warmUp.ElapsedMilliseconds < WarmUpMs || warmUpRuns < MinWarmUpRuns) && warmUpRuns < MaxWarmUpRuns)
            {
                store.Query(parsed.Value!);
                warmUpRuns++;
            }
            var times = new List<double>();
            var cpu = new List<double>();
            long rows = 0, allocated = 0;
            // The query's working set: how far resident memory rises above where it stood before its runs.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            long residentBefore = ResidentMemory.StartPeak();
            for (int run = 1; run <= runs; run++)
            {
                long before = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = self.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var outcome = store.Query(parsed.Value!);
                double ms = clock.Elapsed.TotalMilliseconds;
                self.Refresh();
                cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                if (outcome.Error is { } failure) { Console.Error.WriteLine($"{file}: {failure.Message}"); return 1; }
                allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                rows = outcome.Count;
                times.Add(ms);
            }
            long queryWorkingSet = Math.Max(0, ResidentMemory.Peak() - residentBefore);
            times.Sort();
            cpu.Sort();
            self.Refresh();
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                query = Path.GetFileNameWithoutExtension(file),
                rows,
                warmUpRuns,
                warmMedianMs = Math.Round(times[times.Count / 2], 2),
                // CPU time of the process per run: on a busy machine, steadier than the wall clock.
                cpuMedianMs = Math.Round(cpu[cpu.Count / 2], 1),
                allocatedMB = Math.Round(allocated / 1048576.0, 1),
                queryWorkingSetMB = Math.Round(queryWorkingSet / 1048576.0, 1),
                peakWorkingSetMB = Math.Round(self.PeakWorkingSet64 / 1048576.0, 1),
                workingSetAfterLoadMB = Math.Round(afterLoad / 1048576.0, 1),
            }));
        }
        return 0;
    }
}

/// <summary>
/// Resident memory of this process from /proc (Linux): the peak since <see cref="StartPeak"/>, which resets the
/// kernel's high-water mark (clear_refs 5) and returns the resident size it starts from.
/// </summary>
internal static class ResidentMemory
{
    public static long StartPeak()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("VmRSS:");
    }

    public static long Peak() => Read("VmHWM:");

    private static long Read(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"/proc/self/status has no {field}");
    }
}
