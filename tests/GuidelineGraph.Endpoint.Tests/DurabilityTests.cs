using System.Collections.Concurrent;
using System.Net.Http.Headers;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Endpoint.Tests;

/// <summary>
/// <c>gg serve --store</c> under kill -9: clients stream updates, the server is killed at several points (while
/// snapshots are written in the background beside the updates, and while 32 writers share group commits),
/// restarted on the same directory, and every acknowledged update must be there and no update only in part.
/// </summary>
public sealed class DurabilityTests : IDisposable
{
    /// <summary>Quads each update adds: three parts and a padding literal in the default graph, one part in a named graph.</summary>
    private const int QuadsPerUpdate = 5;
    /// <summary>Seed triples: enough that writing a snapshot takes long enough to be killed in the middle of it.</summary>
    private const int Seeded = 150_000;
    private static readonly string Padding = new('x', 1500);

    private readonly string _dir = Directory.CreateTempSubdirectory("gg-serve-durable-").FullName;
    private string StoreDir => Path.Combine(_dir, "store");
    private string TokenFile => Path.Combine(_dir, "token");
    private string SeedFile => Path.Combine(_dir, "seed.nt");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string UpdateText(int id) => $$"""
        DELETE { <urn:gg:last> <urn:gg:is> ?old } INSERT { <urn:gg:last> <urn:gg:is> {{id}} } WHERE { OPTIONAL { <urn:gg:last> <urn:gg:is> ?old } } ;
        INSERT DATA {
          <urn:gg:u{{id}}> <urn:gg:part> 1, 2, 3 ; <urn:gg:padding> "{{Padding}}" .
          GRAPH <urn:gg:g> { <urn:gg:u{{id}}> <urn:gg:part> 4 }
        }
        """;

    /// <summary>A background snapshot is being written: its temporary file is there.</summary>
    private bool Snapshotting() => Directory.EnumerateFiles(StoreDir, "*.snap.tmp").Any();

    [Fact]
    public async Task Acknowledged_updates_survive_kill_9_and_no_update_is_half_applied()
    {
        File.WriteAllText(TokenFile, "durability-token\n");
        using (var seed = new StreamWriter(SeedFile))
            for (int i = 0; i < Seeded; i++) seed.Write($"<urn:gg:seed{i}> <urn:gg:seed> \"seed value {i}\" .\n");
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var attempted = new ConcurrentDictionary<int, bool>();
        int next = 0, killedDuringSnapshot = 0;
        // Kill after this many acknowledged updates in each round. Small logs make the store snapshot every few
        // updates, in the background; those rounds kill while a snapshot file is being written. 32 clients make
        // updates queue behind each other's fsync and share it.
        (int KillAfter, string SnapshotBytes, int Clients, bool DuringSnapshot)[] rounds =
            [(10, "67108864", 4, false), (45, "8192", 4, true), (90, "67108864", 32, false), (60, "8192", 32, true)];
        foreach (var (killAfter, snapshotBytes, clients, duringSnapshot) in rounds)
        {
            string[] seeding = Directory.Exists(StoreDir) ? [] : ["--data", SeedFile];
            await using var server = await GgServeProcess.StartAsync(["--store", StoreDir, "--update-token-file", TokenFile, "--snapshot-log-bytes", snapshotBytes, .. seeding]);
            await Verify(server.Url, acknowledged.Keys, attempted.Keys);
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
            int acked = 0, killing = 0;
            async Task Kill()
            {
                // The other clients keep sending while this one waits for a snapshot to be under way.
                if (duringSnapshot) SpinWait.SpinUntil(Snapshotting, TimeSpan.FromSeconds(30));
                await server.KillAsync();
                if (duringSnapshot && Snapshotting()) Interlocked.Increment(ref killedDuringSnapshot);
            }
            async Task Client()
            {
                while (true)
                {
                    int id = Interlocked.Increment(ref next);
                    attempted[id] = true;
                    using var request = new HttpRequestMessage(HttpMethod.Post, "sparql") { Content = new StringContent(UpdateText(id)) };
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/sparql-update");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "durability-token");
                    HttpResponseMessage response;
                    try { response = await http.SendAsync(request); }
                    catch (HttpRequestException) { return; } // the server is gone: this update was never acknowledged
                    catch (TaskCanceledException) { return; }
                    using (response)
                    {
                        Assert.True(response.IsSuccessStatusCode, $"update {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        acknowledged[id] = true;
                    }
                    if (Interlocked.Increment(ref acked) >= killAfter && Interlocked.Exchange(ref killing, 1) == 0) await Kill();
                }
            }
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client)));
            Assert.True(acked >= killAfter, $"only {acked} updates were acknowledged before the server died: {server.Stderr}");
        }
        Assert.True(killedDuringSnapshot > 0, "no kill landed while a snapshot was being written");
        await using (var last = await GgServeProcess.StartAsync("--store", StoreDir))
        {
            await Verify(last.Url, acknowledged.Keys, attempted.Keys);
            using var http = new HttpClient { BaseAddress = last.Url };
            var seeds = (await Select(http, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:gg:seed> ?o }")).Rows;
            Assert.Equal(Seeded, int.Parse(((Rdf.Literal)Assert.Single(seeds)[0]!).Lexical));
        }
    }

    private static async Task Verify(Uri url, ICollection<int> acknowledged, ICollection<int> attempted)
    {
        using var http = new HttpClient { BaseAddress = url };
        var counts = (await Select(http, """
            SELECT ?u (COUNT(*) AS ?n) WHERE { { ?u ?p ?o FILTER(?p IN (<urn:gg:part>, <urn:gg:padding>)) } UNION { GRAPH <urn:gg:g> { ?u ?p ?o } } } GROUP BY ?u
            """)).Rows.ToDictionary(r => int.Parse(r[0]!.ToString()["<urn:gg:u".Length..^1]), r => int.Parse(((Rdf.Literal)r[1]!).Lexical));
        foreach (var id in acknowledged)
            Assert.True(counts.TryGetValue(id, out int n) && n == QuadsPerUpdate, $"acknowledged update {id} is missing or partial ({(counts.TryGetValue(id, out int m) ? m : 0)} quads)");
        foreach (var (id, n) in counts)
        {
            Assert.True(attempted.Contains(id), $"update {id} was never sent");
            Assert.Equal(QuadsPerUpdate, n);
        }
        var last = (await Select(http, "SELECT ?id WHERE { <urn:gg:last> <urn:gg:is> ?id }")).Rows;
        if (counts.Count == 0) Assert.Empty(last);
        else
        {
            // Both operations of an update commit together, so the marker names an update that is fully there.
            var marker = Assert.Single(last);
            Assert.Contains(int.Parse(((Rdf.Literal)marker[0]!).Lexical), counts.Keys);
        }
    }

    private static async Task<QueryResults> Select(HttpClient http, string query)
    {
        using var response = await http.PostAsync("sparql", new FormUrlEncodedContent([new("query", query)]));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return QueryResultsReader.Read(text, QueryResultsFormat.Json).Results!;
    }
}
