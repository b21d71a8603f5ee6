using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store.Durable;

namespace GuidelineGraph.Store.Tests;

public sealed class DurableStoreTests : IDisposable
{
    private static readonly Iri P = new("http://ex.org/p"), G = new("http://ex.org/g");
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-durable-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DurableStore Open(out StoreRecovery recovery, long snapshotAfter = 1 << 20) =>
        DurableStore.Open(_dir, new DurableStoreOptions { SnapshotAfterLogBytes = snapshotAfter }, out recovery);

    private static UpdateOutcome Update(DurableStore store, string text)
    {
        var parsed = SparqlParser.ParseUpdate(text);
        Assert.Null(parsed.Error);
        return store.Update(parsed.Value!);
    }

    private static Iri S(int i) => new($"http://ex.org/s{i}");

    private static string[] Dump(DurableStore store) =>
        [.. store.Store.Match(null, null, null, GraphSelector.Any).Select(q => q.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public void Acknowledged_updates_are_there_after_reopening()
    {
        using (var store = Open(out var created))
        {
            Assert.True(created.Created);
            Assert.True(Update(store, "INSERT DATA { <http://ex.org/s1> <http://ex.org/p> 1 . GRAPH <http://ex.org/g> { <http://ex.org/s2> <http://ex.org/p> 2 } }").Success);
            Assert.True(Update(store, "DELETE DATA { <http://ex.org/s1> <http://ex.org/p> 1 }").Success);
        }
        using (var reopened = Open(out var recovery))
        {
            Assert.False(recovery.Created);
            Assert.Equal(2, recovery.LogRecords);
            Assert.Equal(["<http://ex.org/s2> <http://ex.org/p> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex.org/g> ."], Dump(reopened));
        }
    }

    [Fact]
    public void A_failed_update_changes_neither_memory_nor_log()
    {
        using (var store = Open(out _))
        {
            Assert.True(Update(store, "INSERT DATA { <http://ex.org/s1> <http://ex.org/p> 1 }").Success);
            long logged = store.LogBytes;
            // The second operation fails (the graph exists), so the first must not stay either.
            var outcome = Update(store, "INSERT DATA { <http://ex.org/s2> <http://ex.org/p> 2 . GRAPH <http://ex.org/g> { <http://ex.org/s3> <http://ex.org/p> 3 } } ; CREATE GRAPH <http://ex.org/g>");
            Assert.Equal(QueryErrorKind.GraphAlreadyExists, outcome.Error?.Kind);
            Assert.Equal(1, store.Store.Count);
            Assert.Equal(logged, store.LogBytes);
        }
        using var reopened = Open(out var recovery);
        Assert.Equal(1, recovery.LogRecords);
        Assert.Equal(1, reopened.Store.Count);
    }

    [Fact]
    public void Snapshots_rotate_the_generation_and_keep_everything()
    {
        using (var store = Open(out _, snapshotAfter: 300))
        {
            for (int i = 0; i < 20; i++)
                Assert.True(store.Change(d => Insert(d, new Quad(S(i), P, new Literal(i.ToString(), Vocab.Xsd.Integer), G))).Success);
            // Waits for any background snapshot, then takes one more: only it and its (empty) log stay.
            store.Snapshot();
            Assert.True(store.Generation >= 2, $"generation {store.Generation}: no automatic snapshot ran before the explicit one");
            var files = Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
            string g = store.Generation.ToString("D8");
            Assert.Equal(["LOCK", $"snapshot-{g}.snap", $"wal-{g}.log"], files);
            Assert.Equal(store.Generation, store.SnapshotGeneration);
        }
        using var reopened = Open(out var recovery);
        Assert.Equal(20, reopened.Store.Count);
        Assert.Equal(20, recovery.SnapshotQuads);
        Assert.Equal(0, recovery.LogRecords);
    }

    [Fact]
    public void A_torn_last_record_is_dropped_and_the_rest_kept()
    {
        using (var store = Open(out _))
        {
            Assert.True(Update(store, "INSERT DATA { <http://ex.org/s1> <http://ex.org/p> 1 }").Success);
            Assert.True(Update(store, "INSERT DATA { <http://ex.org/s2> <http://ex.org/p> 2 }").Success);
        }
        var log = Directory.GetFiles(_dir, "wal-*.log").Single();
        using (var file = new FileStream(log, FileMode.Open)) file.SetLength(file.Length - 3);
        using var reopened = Open(out var recovery);
        Assert.Equal(1, recovery.LogRecords);
        Assert.Equal("a record is cut short", recovery.DropReason);
        Assert.Equal(["<http://ex.org/s1> <http://ex.org/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> ."], Dump(reopened));
    }

    [Fact]
    public void Blank_nodes_of_different_runs_stay_different()
    {
        // Fresh labels restart in every process; two runs inserting _:x each must leave two nodes.
        for (int run = 0; run < 2; run++)
        {
            using var store = Open(out _);
            Assert.True(Update(store, "INSERT DATA { _:x <http://ex.org/p> _:x }").Success);
        }
        using var reopened = Open(out _);
        var subjects = reopened.Store.Match(null, P, null, GraphSelector.Default).Select(q => q.Subject).ToList();
        Assert.Equal(2, subjects.Distinct().Count());
        Assert.All(reopened.Store.Match(null, P, null, GraphSelector.Default), q => Assert.Equal(q.Subject, q.Object));
    }

    [Fact]
    public void A_second_process_cannot_open_the_same_directory()
    {
        using var first = Open(out _);
        var e = Assert.Throws<IOException>(() => Open(out _));
        Assert.Contains("in use by another process", e.Message);
    }

    [Fact]
    public void Exists_needs_a_snapshot_or_a_logged_change()
    {
        Assert.False(DurableStore.Exists(_dir));
        using (Open(out _)) { }
        Assert.False(DurableStore.Exists(_dir)); // an empty log is still a new store: seeding may be retried
        using (var store = Open(out _)) Assert.True(Update(store, "INSERT DATA { <http://ex.org/s1> <http://ex.org/p> 1 }").Success);
        Assert.True(DurableStore.Exists(_dir));
    }

    private static UpdateOutcome Insert(IUpdatableDataset d, Quad q)
    {
        d.Insert(new GuidelineGraph.Sparql.Evaluator.IdQuad(d.GetOrAddId(q.Subject), d.GetOrAddId(q.Predicate), d.GetOrAddId(q.Object), d.GetOrAddId(q.Graph!)));
        return new UpdateOutcome(0, 1, null);
    }
}
