using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Tests;

/// <summary>
/// Runs long enough get a directory on their second component (subject in SPO, object in OSP); lookups through
/// it must give what a brute-force filter gives, including ids below, between and above those present.
/// </summary>
public class DirectoryTests
{
    private const int People = 3000;

    private static List<Quad> Chain()
    {
        var knows = new Iri("http://ex.org/knows");
        var name = new Iri("http://ex.org/name");
        var quads = new List<Quad>();
        for (int i = 0; i < People; i++)
        {
            // Every third person knows nobody, so some subjects between present ones have no knows triple.
            if (i % 3 != 0) quads.Add(new Quad(Person(i), knows, Person((i * 7 + 1) % People), null));
            quads.Add(new Quad(Person(i), name, new Literal("person " + i), null));
        }
        return quads;
    }

    private static Iri Person(int i) => new($"http://ex.org/p{i}");

    [Fact]
    public void Long_runs_get_a_directory_and_lookups_through_it_match_brute_force()
    {
        var quads = Chain();
        var store = new QuadStore();
        store.Load(quads);
        var snapshot = store.Snapshot();
        Assert.True(quads.Count >= 4096);
        Assert.True(snapshot.Base.Gspo.HasDirectory(0));

        var knows = new Iri("http://ex.org/knows");
        var probes = new List<Term> { Person(0), Person(1), Person(3), Person(People - 1), new Literal("person 5"), new Iri("http://ex.org/knows") };
        foreach (var term in probes)
        {
            Assert.Equal(quads.Where(q => q.Subject.Equals(term)).ToHashSet(), snapshot.Match(term, null, null, GraphSelector.Default).ToHashSet());
            Assert.Equal(quads.Where(q => q.Object.Equals(term)).ToHashSet(), snapshot.Match(null, null, term, GraphSelector.Default).ToHashSet());
            Assert.Equal(quads.Where(q => q.Subject.Equals(term) && q.Predicate.Equals(knows)).ToHashSet(),
                snapshot.Match(term, knows, null, GraphSelector.Default).ToHashSet());
        }
        // Person 1 knows person 8, and person 3 (i % 3 == 0) knows nobody.
        Assert.Single(snapshot.Match(Person(1), knows, Person(8), GraphSelector.Default));
        Assert.Empty(snapshot.Match(Person(3), knows, null, GraphSelector.Default));
        Assert.True(snapshot.TryEncode(new Quad(Person(1), knows, Person(8), null), out var ids) && snapshot.Contains(ids));
        // Ids past the largest subject of the run (the literals were added last) match nothing as subjects.
        Assert.Empty(snapshot.Match(new IdPattern(store.Terms.Count - 1, TermIds.Any, TermIds.Any, TermIds.DefaultGraph)));
        Assert.Empty(snapshot.Match(new IdPattern(store.Terms.Count + 10, TermIds.Any, TermIds.Any, TermIds.DefaultGraph)));
    }
}
