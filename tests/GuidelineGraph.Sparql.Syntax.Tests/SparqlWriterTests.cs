using System.Text.RegularExpressions;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>
/// The algebra → SPARQL writer, by round trip: parse → write → parse gives the same algebra (generated variables
/// compared by position of first use) for every positive query of the W3C syntax suites and every query an
/// evaluation test runs.
/// </summary>
public sealed partial class SparqlWriterTests
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";

    private static readonly Lazy<SortedDictionary<string, (string Path, string? BaseIri)>> Queries = new(() =>
    {
        var sparql = Path.Combine(TestPaths.W3c, "sparql");
        var queries = new SortedDictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var manifest in new[] { "sparql10/manifest.ttl", "sparql11/manifest-all.ttl" })
        foreach (var entry in W3cManifest.Load(Path.Combine(sparql, manifest)))
        {
            var type = entry.Type.StartsWith(Mf, StringComparison.Ordinal) ? entry.Type[Mf.Length..] : "";
            var (path, baseIri) = type is "PositiveSyntaxTest" or "PositiveSyntaxTest11" ? (entry.Action, entry.ActionBaseIri)
                : type is "QueryEvaluationTest" && entry.Query is { } query ? (query, new Uri(query).AbsoluteUri)
                : (null, null);
            if (path is not null && path.EndsWith(".rq", StringComparison.Ordinal))
                queries.TryAdd(Path.GetRelativePath(sparql, path).Replace('\\', '/'), (path, baseIri));
        }
        return queries;
    });

    public static TheoryData<string> W3cQueries()
    {
        var data = new TheoryData<string>();
        foreach (var id in Queries.Value.Keys) data.Add(id);
        return data;
    }

    [Fact]
    public void The_suites_give_hundreds_of_queries() =>
        // 149 + 66 positive syntax tests, most of them queries, and the evaluation tests' queries.
        Assert.InRange(Queries.Value.Count, 400, 1000);

    [Theory]
    [MemberData(nameof(W3cQueries))]
    public void Writes_a_query_that_translates_to_the_same_algebra(string id)
    {
        var (path, baseIri) = Queries.Value[id];
        var options = new SparqlParseOptions { BaseIri = baseIri };
        var original = SparqlParser.ParseQuery(File.ReadAllText(path), options);
        Assert.True(original.Success, $"{id}: {original.Error}");
        var text = SparqlWriter.Write(original.Value!);
        var reparsed = SparqlParser.ParseQuery(text, options);
        Assert.True(reparsed.Success, $"{id}: the written query does not parse: {reparsed.Error}\n{text}");
        Assert.Equal(Canonical(original.Value!), Canonical(reparsed.Value!));
    }

    [Fact]
    public void Blank_nodes_paths_and_aggregates_come_back_as_written()
    {
        var query = SparqlParser.ParseQuery("""
            PREFIX : <http://e/>
            SELECT ?s (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s :p [ :q ?o ] . ?o :a/:b ?z . FILTER(?z > 1) }
            GROUP BY ?s HAVING (COUNT(DISTINCT ?o) > 2) ORDER BY DESC(?n) LIMIT 5
            """).Value!;
        Assert.Equal("""
            SELECT ?s (COUNT(DISTINCT ?o) AS ?n)
            WHERE {
              ?s <http://e/p> _:g0 .
              _:g0 <http://e/q> ?o .
              ?o <http://e/a> _:g1 .
              _:g1 <http://e/b> ?z .
              FILTER((?z > "1"^^<http://www.w3.org/2001/XMLSchema#integer>))
            }
            GROUP BY ?s
            HAVING ((COUNT(DISTINCT ?o) > "2"^^<http://www.w3.org/2001/XMLSchema#integer>))
            ORDER BY DESC(?n)
            LIMIT 5
            """.ReplaceLineEndings("\n"), SparqlWriter.Write(query));
    }

    [Fact]
    public void Variables_sparql_cannot_spell_get_a_fresh_name()
    {
        var hidden = new Variable("~0.x");
        var taken = new Variable("_x_0_0");
        var pattern = new Project(new Bgp([new TriplePattern(hidden, new TermConstant(new Rdf.Iri("http://e/p")), taken)]), [hidden, taken]);
        var text = SparqlWriter.Write(new SelectQuery(pattern, null, null));
        Assert.StartsWith("SELECT ?__0_x_0 ?_x_0_0", text);
        Assert.True(SparqlParser.ParseQuery(text).Success, text);
    }

    /// <summary>The query's SSE with generated variables renamed in order of first appearance, plus dataset and base.</summary>
    private static string Canonical(Query query)
    {
        var names = new Dictionary<string, string>();
        var sse = GeneratedVariable().Replace(Sse.Write(query), m =>
        {
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = "??" + names.Count;
            return name;
        });
        var dataset = query.Dataset is { } d ? string.Join(" ", d.DefaultGraphs) + " | " + string.Join(" ", d.NamedGraphs) : "none";
        return $"{sse}\ndataset {dataset}\nbase {query.BaseIri}";
    }

    [GeneratedRegex(@"\?\?[^\s()\[\]]+")]
    private static partial Regex GeneratedVariable();
}
