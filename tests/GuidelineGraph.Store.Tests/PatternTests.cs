using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Tests;

/// <summary>Every pattern shape (2^3 S/P/O bindings × 4 graph selectors) against a brute-force filter.</summary>
public class PatternTests
{
    public static TheoryData<int, int, int, bool> Datasets => new()
    {
        // seed, quads, named graphs, single changes applied after the load (exercises the delta)
        { 1, 300, 0, false },
        { 2, 400, 3, false },
        { 3, 600, QuadIndex.TrailingThreshold + 4, false }, // enough graphs for the graph-trailing permutations
        { 4, 400, 3, true },
        { 5, 600, QuadIndex.TrailingThreshold + 4, true },
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Every_pattern_matches_the_brute_force_answer(int seed, int count, int graphs, bool withChanges)
    {
        var quads = RandomDatasets.Generate(seed, count, graphs);
        var store = new QuadStore();
        store.Load(quads);
        var expected = new HashSet<Quad>(quads);
        if (withChanges)
        {
            var rnd = new Random(seed * 7);
            var extra = RandomDatasets.Generate(seed + 100, 120, graphs);
            foreach (var q in extra.Take(60)) { store.Add(q); expected.Add(q); }
            foreach (var q in quads.OrderBy(_ => rnd.Next()).Take(80)) { store.Remove(q); expected.Remove(q); }
            foreach (var q in extra.Skip(60)) { store.Add(q); expected.Add(q); }
        }
        var snapshot = store.Snapshot();
        Assert.Equal(expected.Count, snapshot.Count);
        Assert.Equal(graphs >= QuadIndex.TrailingThreshold, snapshot.Base.HasTrailing);
        Assert.True(withChanges ? snapshot.Added.Count + snapshot.Removed.Count > 0 : snapshot.Added.Count == 0);

        var subjects = expected.Select(q => q.Subject).Distinct().Take(6).Append(new Iri("http://ex.org/absent")).ToList();
        var predicates = expected.Select(q => q.Predicate).Distinct().Append(new Iri("http://ex.org/absent")).ToList();
        var objects = expected.Select(q => q.Object).Distinct().Take(8).ToList();
        var selectors = new List<GraphSelector> { GraphSelector.Default, GraphSelector.AnyNamed, GraphSelector.Any };
        selectors.AddRange(expected.Where(q => q.Graph is not null).Select(q => GraphSelector.Named(q.Graph!)).Distinct().Take(3));
        selectors.Add(GraphSelector.Named(new Iri("http://ex.org/no-such-graph")));

        var rnd2 = new Random(seed);
        int checkedPatterns = 0;
        for (int shape = 0; shape < 8; shape++)
        {
            foreach (var g in selectors)
            {
                for (int trial = 0; trial < 6; trial++)
                {
                    Term? s = (shape & 1) != 0 ? subjects[rnd2.Next(subjects.Count)] : null;
                    Iri? p = (shape & 2) != 0 ? predicates[rnd2.Next(predicates.Count)] : null;
                    Term? o = (shape & 4) != 0 ? objects[rnd2.Next(objects.Count)] : null;
                    var want = expected.Where(q => Matches(q, s, p, o, g)).ToHashSet();
                    var got = snapshot.Match(s, p, o, g).ToList();
                    Assert.Equal(got.Count, got.Distinct().Count());
                    Assert.True(want.SetEquals(got), $"pattern {s} {p} {o} {g}: want {want.Count}, got {got.Count}");
                    Assert.Equal(want.Count, CardinalityOf(snapshot, s, p, o, g));
                    checkedPatterns++;
                }
            }
        }
        Assert.Equal(8 * selectors.Count * 6, checkedPatterns);
    }

    private static bool Matches(Quad q, Term? s, Iri? p, Term? o, GraphSelector g) =>
        (s is null || q.Subject == s) && (p is null || q.Predicate == p) && (o is null || q.Object == o) &&
        (g.IsAny || (g.IsAnyNamed ? q.Graph is not null : g.IsDefault ? q.Graph is null : q.Graph == g.Name));

    private static long CardinalityOf(StoreSnapshot snapshot, Term? s, Iri? p, Term? o, GraphSelector g)
    {
        int Id(Term? t) => t is null ? TermIds.Any : snapshot.Terms.TryGetId(t, out int id) ? id : int.MinValue;
        int gs = g.IsAny ? TermIds.Any : g.IsAnyNamed ? TermIds.AnyNamed : g.IsDefault ? TermIds.DefaultGraph : Id(g.Name);
        int si = Id(s), pi = Id(p), oi = Id(o);
        if (si == int.MinValue || pi == int.MinValue || oi == int.MinValue || gs == int.MinValue) return 0;
        return snapshot.Cardinality(new IdPattern(si, pi, oi, gs));
    }
}
