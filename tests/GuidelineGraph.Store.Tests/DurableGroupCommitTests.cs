using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Store.Durable;
using EvalQuad = GuidelineGraph.Sparql.Evaluator.IdQuad;

namespace GuidelineGraph.Store.Tests;

public sealed class DurableGroupCommitTests : IDisposable
{
    private static readonly Iri P = new("http://ex.org/p");
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-group-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Quad Q(int i) => new(new Iri($"http://ex.org/s{i}"), P, new Iri($"http://ex.org/o{i}"));

    private static EvalQuad Ids(IUpdatableDataset d, Quad q) => new(d.GetOrAddId(q.Subject), d.GetOrAddId(q.Predicate), d.GetOrAddId(q.Object), DatasetIds.DefaultGraph);

    private static UpdateOutcome Insert(IUpdatableDataset d, int i)
    {
        d.Insert(Ids(d, Q(i)));
        return new UpdateOutcome(0, 1, null);
    }

    private static string[] Dump(DurableStore store) =>
        [.. store.Store.Match(null, null, null, GraphSelector.Any).Select(q => q.ToString()).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Holds the store's commit with a change that waits on a gate, queues <paramref name="queued"/> behind it one
    /// at a time (so their order is known), then opens the gate. Returns the queued changes' tasks.
    /// </summary>
    private static async Task<Task<UpdateOutcome>[]> QueueBehindGate(DurableStore store, params Func<IUpdatableDataset, UpdateOutcome>[] queued)
    {
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var first = Start(() => store.Change(d => { entered.Set(); gate.Wait(); return Insert(d, 0); }));
        entered.Wait();
        var tasks = new Task<UpdateOutcome>[queued.Length];
        for (int i = 0; i < queued.Length; i++)
        {
            var change = queued[i];
            tasks[i] = Start(() => store.Change(change));
            Assert.True(SpinWait.SpinUntil(() => store.PendingChanges == i + 1, TimeSpan.FromSeconds(30)), $"change {i + 1} never queued");
        }
        gate.Set();
        Assert.True((await first).Success);
        return tasks;
    }

    // Blocking calls get threads of their own rather than waiting for the pool to grow.
    private static Task<T> Start<T>(Func<T> run) => Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task Changes_queued_behind_an_fsync_share_the_next_one()
    {
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            var tasks = await QueueBehindGate(store, [.. Enumerable.Range(1, 10).Select(i => (Func<IUpdatableDataset, UpdateOutcome>)(d => Insert(d, i)))]);
            foreach (var t in tasks) Assert.True((await t).Success);
            // The gated change alone, then the ten together.
            Assert.Equal(2, store.LoggedGroups);
            Assert.Equal(11, store.Store.Count);
        }
        using var reopened = DurableStore.Open(_dir, null, out var recovery);
        Assert.Equal(11, recovery.LogRecords);
        Assert.Equal(11, reopened.Store.Count);
    }

    [Fact]
    public async Task In_a_group_a_failed_or_throwing_change_is_taken_out_alone_and_order_holds()
    {
        bool secondSeenByFourth = true, firstSeenByFourth = false;
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            var tasks = await QueueBehindGate(store,
                d => Insert(d, 1),
                d =>
                {
                    Insert(d, 2);
                    return new UpdateOutcome(0, 0, new QueryError(QueryErrorKind.GraphAlreadyExists, "refused"));
                },
                d =>
                {
                    Insert(d, 3);
                    throw new InvalidOperationException("change three broke");
                },
                d =>
                {
                    firstSeenByFourth = d.Contains(Ids(d, Q(1)));
                    secondSeenByFourth = d.Contains(Ids(d, Q(2)));
                    d.Delete(Ids(d, Q(1)));
                    return Insert(d, 4);
                });
            Assert.True((await tasks[0]).Success);
            Assert.Equal("refused", (await tasks[1]).Error?.Message);
            Assert.Equal("change three broke", (await Assert.ThrowsAsync<InvalidOperationException>(() => tasks[2])).Message);
            Assert.True((await tasks[3]).Success);
            Assert.Equal(2, store.LoggedGroups);
        }
        // The fourth change ran after the first (it saw and deleted its quad) and never saw the rolled-back second.
        Assert.True(firstSeenByFourth);
        Assert.False(secondSeenByFourth);
        string[] expected = [Q(0) + "", Q(4) + ""];
        using var reopened = DurableStore.Open(_dir, null, out var recovery);
        Assert.Equal(3, recovery.LogRecords);
        Assert.Equal(expected.Order(StringComparer.Ordinal), Dump(reopened));
    }

    [Fact]
    public async Task Many_concurrent_writers_all_land_once()
    {
        const int writers = 16, each = 25;
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Start(() =>
            {
                for (int i = 0; i < each; i++) Assert.True(store.Change(d => Insert(d, w * each + i)).Success);
                return true;
            })));
            Assert.InRange(store.LoggedGroups, 1, writers * each);
        }
        using var reopened = DurableStore.Open(_dir, null, out var recovery);
        Assert.Equal(writers * each, recovery.LogRecords);
        Assert.Equal(Enumerable.Range(0, writers * each).Select(i => Q(i).ToString()).Order(StringComparer.Ordinal), Dump(reopened));
    }

    [Fact]
    public void A_disposed_store_refuses_changes()
    {
        var store = DurableStore.Open(_dir, null, out _);
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => store.Change(d => Insert(d, 1)));
    }
}
