using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Tests;

public class StoreTests
{
    private static readonly Iri Alice = new("http://ex.org/alice"), Bob = new("http://ex.org/bob"), Carol = new("http://ex.org/carol");
    private static readonly Iri Knows = new("http://xmlns.com/foaf/0.1/knows"), Name = new("http://xmlns.com/foaf/0.1/name");
    private static readonly Iri G1 = new("http://ex.org/g1");

    [Fact]
    public void Duplicates_are_stored_once()
    {
        var store = new QuadStore();
        var q = new Quad(Alice, Knows, Bob);
        Assert.Equal(3, store.Load([q, q, q]));
        Assert.Equal(1, store.Count);
        Assert.False(store.Add(q));
        Assert.Equal(1, store.Count);
        Assert.True(store.Add(q with { Graph = G1 }));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Add_and_remove_report_what_changed()
    {
        var store = new QuadStore();
        var q = new Quad(Alice, Knows, Bob);
        Assert.False(store.Remove(q));
        Assert.True(store.Add(q));
        Assert.True(store.Remove(q));
        Assert.False(store.Remove(q));
        Assert.Equal(0, store.Count);
        store.Load([q, new Quad(Bob, Knows, Carol)]);
        Assert.True(store.Remove(q));   // removes from the sorted base
        Assert.True(store.Add(q));      // and back
        Assert.Equal(2, store.Count);
        Assert.Equal(0, store.Snapshot().Removed.Count);
        Assert.Equal(0, store.Snapshot().Added.Count);
        Assert.Equal((1, 1), store.Apply([q], [new Quad(Carol, Knows, Alice), new Quad(Bob, Knows, Carol)]));
    }

    [Fact]
    public void Removing_a_quad_with_unknown_terms_adds_nothing_to_the_dictionary()
    {
        var store = new QuadStore();
        store.Add(new Quad(Alice, Knows, Bob));
        int before = store.Terms.Count;
        Assert.False(store.Remove(new Quad(Alice, Knows, new Literal("never seen"))));
        Assert.Equal(before, store.Terms.Count);
    }

    [Fact]
    public void Snapshots_do_not_see_later_writes()
    {
        var store = new QuadStore();
        store.Load([new Quad(Alice, Knows, Bob)]);
        var before = store.Snapshot();
        var scan = before.Match(Alice, null, null, GraphSelector.Any).GetEnumerator();
        store.Add(new Quad(Alice, Knows, Carol));
        store.Remove(new Quad(Alice, Knows, Bob));
        store.Compact();
        Assert.True(scan.MoveNext());
        Assert.Equal(Bob, scan.Current.Object);
        Assert.False(scan.MoveNext());
        Assert.Equal(1, before.Count);
        Assert.Equal([Bob], before.Match(Alice, Knows, null, GraphSelector.Default).Select(q => q.Object));
        Assert.Equal([Carol], store.Match(Alice, Knows, null, GraphSelector.Default).Select(q => q.Object));
        Assert.True(store.Snapshot().Version > before.Version);
    }

    [Fact]
    public async Task Concurrent_readers_see_whole_batches_only()
    {
        // The writer always swaps a pair: one quad out, one in. Any snapshot must hold exactly one of each pair.
        var store = new QuadStore();
        store.Load(Enumerable.Range(0, 50).Select(i => new Quad(Alice, Knows, new Iri($"http://ex.org/a{i}"))));
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            int reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var n = store.Snapshot().Match(Alice, Knows, null, GraphSelector.Default).Count();
                Assert.Equal(50, n);
                reads++;
            }
            return reads;
        });
        for (int i = 0; i < 2000; i++)
        {
            int k = i % 50;
            var a = new Quad(Alice, Knows, new Iri($"http://ex.org/a{k}"));
            var b = new Quad(Alice, Knows, new Iri($"http://ex.org/b{k}"));
            if ((i / 50) % 2 == 0) store.Apply([a], [b]); else store.Apply([b], [a]);
        }
        stop.Cancel();
        Assert.True(await reader > 0);
        Assert.Equal(50, store.Count);
    }

    [Fact]
    public void Many_single_changes_compact_into_the_base_and_stay_correct()
    {
        var store = new QuadStore();
        var expected = new HashSet<Quad>();
        var rnd = new Random(11);
        for (int i = 0; i < 3000; i++)
        {
            var q = new Quad(new Iri($"http://ex.org/s{rnd.Next(60)}"), Knows, new Iri($"http://ex.org/o{rnd.Next(60)}"));
            if (rnd.Next(3) == 0) Assert.Equal(expected.Remove(q), store.Remove(q));
            else Assert.Equal(expected.Add(q), store.Add(q));
        }
        var snapshot = store.Snapshot();
        Assert.True(snapshot.Base.Count > 0, "the delta should have been merged at least once");
        Assert.True(snapshot.Added.Count + snapshot.Removed.Count <= QuadStore.CompactionThreshold(snapshot.Base.Count));
        Assert.True(expected.SetEquals(store.Match(null, null, null, GraphSelector.Any)));
    }

    [Fact]
    public void Loading_into_a_non_empty_store_merges_small_and_large_batches()
    {
        var store = new QuadStore();
        var first = RandomDatasets.Generate(21, 400, 2);
        var small = RandomDatasets.Generate(22, 20, 2);   // under a quarter of the store: goes to the delta
        var large = RandomDatasets.Generate(23, 600, 2);  // over a quarter: everything is sorted again
        store.Load(first);
        store.Remove(first[0]);
        store.Load(small);
        Assert.True(store.Snapshot().Added.Count > 0);
        store.Load(large);
        Assert.Equal(0, store.Snapshot().Added.Count + store.Snapshot().Removed.Count);
        var expected = first.Skip(1).Concat(small).Concat(large).ToHashSet();
        Assert.True(expected.SetEquals(store.Match(null, null, null, GraphSelector.Any)));
    }

    [Fact]
    public void A_failing_source_leaves_the_store_unchanged()
    {
        var store = new QuadStore();
        store.Load([new Quad(Alice, Knows, Bob)]);
        IEnumerable<Quad> Failing()
        {
            yield return new Quad(Carol, Knows, Bob);
            throw new IOException("disk gone");
        }
        Assert.Throws<IOException>(() => store.Load(Failing()));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Terms_round_trip_through_the_dictionary()
    {
        var terms = new TermDictionary();
        Term[] all =
        [
            Alice, new BlankNode("x"), new Iri("x"), new Literal("x"), new Literal("x", "en"), new Literal("x", "en-gb"),
            new Literal("enx", Vocab.Xsd.String), new Literal("x", Vocab.Xsd.Integer), new Literal("", ""), new Literal("a\0b\n日本"),
            new Literal(new string('z', 400_000)), new Literal("x", new Iri("http://ex.org/dt")),
        ];
        var ids = all.Select(terms.GetOrAdd).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.DoesNotContain(TermIds.DefaultGraph, ids);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.Equal(all[i], terms.GetTerm(ids[i]));
            Assert.Equal(ids[i], terms.GetOrAdd(all[i]));
            Assert.True(terms.TryGetId(all[i], out int id));
            Assert.Equal(ids[i], id);
            Assert.Equal(all[i].Kind, terms.GetKind(ids[i]));
        }
        Assert.False(terms.TryGetId(new Literal("x", "de"), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => terms.GetTerm(TermIds.DefaultGraph));
    }

    [Fact]
    public void Dictionary_keeps_ids_stable_while_growing()
    {
        var terms = new TermDictionary();
        var ids = Enumerable.Range(0, 50_000).Select(i => terms.GetOrAdd(new Iri($"http://ex.org/{i}"))).ToArray();
        Assert.Equal(Enumerable.Range(1, 50_000), ids);
        Assert.Equal(new Iri("http://ex.org/12345"), terms.GetTerm(12346));
        Assert.Equal(12346, terms.GetOrAdd(new Iri("http://ex.org/12345")));
    }
}
