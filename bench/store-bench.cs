#:project ../engine/GuidelineGraph.Store/GuidelineGraph.Store.csproj
#:project ../engine/GuidelineGraph.Rdf.Io/GuidelineGraph.Rdf.Io.csproj
#:project ../engine/GuidelineGraph.Sparql.Syntax/GuidelineGraph.Sparql.Syntax.csproj
#:property Optimize=true
// The durable store under load: snapshot write and startup on the 1M-triple file, update throughput and latency
// with 1, 8 and 32 writers, and the longest update wait on the 1M store with and without snapshots being written.
// Public API only, so the same file runs against an older checkout for before/after (bench/store.sh does both).
//   dotnet run bench/store-bench.cs -- DATA.ttl WORKDIR SECONDS LABEL      (rows: measure<TAB>label<TAB>value<TAB>unit)
using System.Diagnostics;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Durable;

string data = args[0], work = args[1], label = args[3];
var seconds = TimeSpan.FromSeconds(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
void Row(string measure, double value, string unit) =>
    Console.WriteLine($"{measure}\t{label}\t{value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}\t{unit}");
string Fresh(string name)
{
    var dir = Path.Combine(work, name);
    if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    return dir;
}
long Bytes(string dir, string pattern) => Directory.GetFiles(dir, pattern).Sum(f => new FileInfo(f).Length);

// 1. Seed a store with the 1M-triple file, snapshot it (timed), reopen it (timed).
var big = Fresh("big");
using (var store = DurableStore.Open(big, null, out _))
{
    var sw = Stopwatch.StartNew();
    using (var reader = new StreamReader(data)) store.Store.Load(RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.Turtle }));
    Row("parse+load turtle", sw.Elapsed.TotalMilliseconds, "ms");
    sw.Restart();
    store.Snapshot();
    Row("snapshot write", sw.Elapsed.TotalMilliseconds, "ms");
    Row("snapshot size", Bytes(big, "snapshot-*") / 1e6, "MB");
}
long quads;
{
    var sw = Stopwatch.StartNew();
    using var reopened = DurableStore.Open(big, null, out _);
    Row("startup (snapshot load)", sw.Elapsed.TotalMilliseconds, "ms");
    quads = reopened.Store.Count;
    Row("quads", quads, "");
}

// 2. Small updates from concurrent writers into a fresh store: throughput and latency.
foreach (int writers in (int[])[1, 8, 32])
{
    using var store = DurableStore.Open(Fresh($"writers-{writers}"), null, out _);
    var (count, latencies) = Drive(store, writers, seconds);
    Row($"updates/s, {writers} writers", count / seconds.TotalSeconds, "1/s");
    Row($"update p99, {writers} writers", Percentile(latencies, 0.99), "ms");
}

// 3. The 1M-triple store, 8 writers: without snapshots (what merging the in-memory delta into the 1M base costs),
// then with a small log limit, so snapshots are written while they update: the longest wait.
foreach (var (name, logLimit) in (ReadOnlySpan<(string, long)>)[("no snapshots", long.MaxValue), ("snapshotting", 256 << 10)])
{
    using var store = DurableStore.Open(big, new DurableStoreOptions { SnapshotAfterLogBytes = logLimit }, out _);
    var (count, latencies) = Drive(store, 8, seconds);
    Row($"updates/s, 8 writers, 1M, {name}", count / seconds.TotalSeconds, "1/s");
    Row($"update max wait, 1M, {name}", latencies.Max(), "ms");
    Row($"update p99, 1M, {name}", Percentile(latencies, 0.99), "ms");
}

static (long Count, List<double> Latencies) Drive(DurableStore store, int writers, TimeSpan duration)
{
    long count = 0;
    var latencies = new List<double>[writers];
    var stop = Stopwatch.StartNew();
    var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
    {
        var mine = latencies[w] = [];
        for (int i = 0; stop.Elapsed < duration; i++)
        {
            var update = SparqlParser.ParseUpdate($"INSERT DATA {{ <urn:bench:w{w}-{i}> <urn:bench:p> \"update {i} of writer {w}\" }}").Value!;
            long start = Stopwatch.GetTimestamp();
            if (!store.Update(update).Success) throw new InvalidOperationException("an update failed");
            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Interlocked.Increment(ref count);
        }
    })).ToList();
    threads.ForEach(t => t.Start());
    threads.ForEach(t => t.Join());
    return (count, latencies.SelectMany(l => l).ToList());
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
