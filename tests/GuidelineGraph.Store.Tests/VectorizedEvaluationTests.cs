using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Store.Tests;

/// <summary>
/// The batched operators (scans, hash joins and left joins, MINUS, groups) and the top-k ORDER BY under a LIMIT
/// against the row-at-a-time evaluator with the planner's optimizations off, on seeded random datasets big
/// enough that joins and groups span several batches.
/// </summary>
public class VectorizedEvaluationTests
{
    private const string Prefix = "PREFIX ex: <http://ex.org/> ";

    /// <summary>Query shapes; ORDER BY queries order on keys that are unique per row, so the order is the answer's.</summary>
    public static TheoryData<string, bool> Queries => new()
    {
        { "SELECT * WHERE { ?s ex:p0 ?o . OPTIONAL { ?o ex:p1 ?x } }", false },
        { "SELECT (COUNT(?s) AS ?n) (COUNT(?x) AS ?m) WHERE { ?s ex:p0 ?o OPTIONAL { ?s ex:p1 ?x } }", false },
        { "SELECT * WHERE { ?s ex:p0 ?o OPTIONAL { ?s ex:p1 ?x FILTER(?x != ?o) } }", false },
        { "SELECT * WHERE { ?s ex:p0 ?o . ?o ex:p1 ?x . ?x ex:p2 ?y }", false },
        // two key variables (the table chains by a hash of both); the FILTER keeps the right side off the index
        { "SELECT * WHERE { { ?s ex:p0 ?o } { ?s ?p ?o FILTER(?p != ex:p0) } }", false },
        { "SELECT * WHERE { ?s ex:p0 ?o MINUS { ?s ex:p3 ?o } }", false },
        { "SELECT * WHERE { ?s ex:p0 ?o MINUS { ?o ex:p1 ?x } }", false },
        { "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s ex:p2 ?o } GROUP BY ?o", false },
        { "SELECT ?k (COUNT(*) AS ?n) (COUNT(DISTINCT ?o) AS ?d) (MAX(STR(?o)) AS ?m) WHERE { ?s ?p ?o . ?o ex:p1 ?z } GROUP BY (isBlank(?s) AS ?k)", false },
        { "SELECT ?s ?p (COUNT(?x) AS ?n) WHERE { ?s ?p ?o OPTIONAL { ?o ex:p3 ?x } } GROUP BY ?s ?p HAVING (COUNT(?x) > 2)", false },
        { "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s ex:p2 ?o } GROUP BY ?o ORDER BY DESC(?n) STR(?o) LIMIT 3", true },
        { "SELECT ?s ?o WHERE { ?s ex:p1 ?o } ORDER BY STR(?o) STR(?s) LIMIT 5 OFFSET 2", true },
        { "SELECT ?s ?o ?x WHERE { ?s ex:p0 ?o . ?o ex:p1 ?x } ORDER BY DESC(STR(?x)) STR(?o) STR(?s) LIMIT 40", true },
        { "SELECT DISTINCT ?s WHERE { ?s ex:p0 ?o FILTER EXISTS { ?o ex:p1 ?y . ?y ex:p2 ?z } }", false },
        { "SELECT * WHERE { ?s ex:p0 <http://ex.org/n1> { ?s ex:p1 ?y } UNION { ?s ex:p2 ?y OPTIONAL { ?y ex:p3 ?w } } }", false },
        { "SELECT * WHERE { GRAPH ?g { ?s ex:p0 ?o OPTIONAL { ?o ex:p1 ?x } } }", false },
        { "SELECT * FROM <http://ex.org/g0> FROM <http://ex.org/g1> WHERE { ?s ex:p0 ?o OPTIONAL { ?o ex:p1 ?x } }", false },
        { "SELECT ?o ?n WHERE { ?o ex:p3 ?w { SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ex:p0 ?o } GROUP BY ?o } }", false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Batched_evaluation_gives_the_row_at_a_time_answer(string query, bool ordered)
    {
        var reference = new QueryOptions { Vectorized = false, Planner = PlannerOptions.Default.WithoutOptimizations() };
        // seed, named graphs (past QuadIndex.TrailingThreshold: "any named graph" scans skip the default one), changes after the load
        foreach (var (seed, graphs, changes) in new[] { (1, 2, false), (2, QuadIndex.TrailingThreshold + 4, false), (3, 2, true) })
        {
            var store = new QuadStore();
            var quads = RandomDatasets.Generate(seed, 4000, graphs);
            store.Load(quads);
            if (changes)
            {
                // A delta the scans must merge: removed base quads are skipped, added ones follow.
                store.Apply(quads.Where((_, i) => i % 40 == 0), RandomDatasets.Generate(seed + 50, 60, graphs));
                Assert.True(store.Snapshot().Added.Count > 0 && store.Snapshot().Removed.Count > 0);
            }
            var parsed = SparqlParser.ParseQuery(Prefix + query).Value!;
            var expected = Rows(store.Query(parsed, reference));
            Assert.NotEmpty(expected);
            foreach (var options in new[] { QueryOptions.Default, QueryOptions.Default with { Planner = reference.Planner } })
            {
                var actual = Rows(store.Query(parsed, options));
                if (ordered) Assert.Equal(expected, actual);
                else Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void Joins_and_groups_span_several_batches()
    {
        var store = new QuadStore();
        store.Load(RandomDatasets.Generate(1, 4000, graphs: 2));
        var outcome = store.Query(SparqlParser.ParseQuery(Prefix + "SELECT (COUNT(*) AS ?n) WHERE { ?s ex:p0 ?o . ?o ex:p1 ?x }").Value!);
        long n = long.Parse(((Literal)outcome.Results!.Rows[0][0]!).Lexical, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(n > 2 * RowBatchCapacity, $"only {n} rows");
    }

    /// <summary>RowBatch.Capacity of the evaluator.</summary>
    private const int RowBatchCapacity = 1024;

    /// <summary>The two benchmark shapes on data small enough to count by hand.</summary>
    [Fact]
    public void Optional_count_and_top_groups_on_a_hand_counted_graph()
    {
        var store = new QuadStore();
        var type = new Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
        var person = new Iri("http://ex.org/Person");
        var mbox = new Iri("http://ex.org/mbox");
        var worksFor = new Iri("http://ex.org/worksFor");
        Iri P(int i) => new($"http://ex.org/p{i}");
        Iri O(int i) => new($"http://ex.org/o{i}");
        var quads = new List<Quad>();
        for (int i = 1; i <= 6; i++) quads.Add(new Quad(P(i), type, person));
        // p1 has two mailboxes, p2 one, p7 one but is no Person: 6 people, 3 mailbox rows among them
        quads.Add(new Quad(P(1), mbox, new Literal("a")));
        quads.Add(new Quad(P(1), mbox, new Literal("b")));
        quads.Add(new Quad(P(2), mbox, new Literal("c")));
        quads.Add(new Quad(P(7), mbox, new Literal("d")));
        // o1: 3 workers, o2: 2, o3: 2, o4: 1
        foreach (var (p, o) in new[] { (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 3), (1, 4) }) quads.Add(new Quad(P(p), worksFor, O(o)));
        store.Load(quads);

        var q3 = store.Query(SparqlParser.ParseQuery(Prefix +
            "SELECT (COUNT(?p) AS ?people) (COUNT(?m) AS ?withMbox) WHERE { ?p a ex:Person OPTIONAL { ?p ex:mbox ?m } }").Value!,
            QueryOptions.Default with { CollectStatistics = true });
        Assert.Equal(["7", "3"], q3.Results!.Rows[0].Select(t => ((Literal)t!).Lexical));
        // Batches are counted in EXPLAIN as rows are: the join's 7 rows, the people scan's 6, the mailbox scan's 4.
        Assert.Matches(@"HashLeftJoin on \(\?p\)  \[est [0-9.]+, actual 7 rows in 1 calls\]", q3.Explain);
        Assert.Matches(@"Scan .*Person.*actual 6 rows in 1 calls\]", q3.Explain);
        Assert.Matches(@"Scan .*mbox.*actual 4 rows in 1 calls\]", q3.Explain);

        var q4 = store.Query(SparqlParser.ParseQuery(Prefix +
            "SELECT ?o (COUNT(?p) AS ?n) WHERE { ?p ex:worksFor ?o } GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 3").Value!);
        Assert.Equal(["o1 3", "o2 2", "o3 2"], q4.Results!.Rows.Select(r => ((Iri)r[0]!).Value[14..] + " " + ((Literal)r[1]!).Lexical));
        Assert.Contains("(top 3)", store.Query(SparqlParser.ParseQuery(Prefix +
            "SELECT ?o (COUNT(?p) AS ?n) WHERE { ?p ex:worksFor ?o } GROUP BY ?o ORDER BY DESC(?n) ?o LIMIT 3").Value!).Explain);
    }

    private static List<string> Rows(QueryOutcome outcome)
    {
        Assert.Null(outcome.Error);
        var results = outcome.Results!;
        return results.Rows.Select(r => string.Join(" | ", r.Select(t => t?.ToString() ?? "-"))).ToList();
    }
}
