using System.Text.RegularExpressions;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>
/// The §18 translation checked by hand on the spec's examples (§18.2.2.x, §18.2.4.x) and on each operator.
/// SSE is compared with whitespace collapsed and http://example/ IRIs shortened to ':local'.
/// </summary>
public sealed class AlgebraTests
{
    private const string Prologue = "PREFIX : <http://example/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ";

    internal static string Algebra(string query)
    {
        var result = SparqlParser.ParseQuery(Prologue + query);
        Assert.True(result.Success, result.Error?.ToString());
        return Normalize(Sse.Write(result.Value!));
    }

    internal static string Normalize(string sse) =>
        Regex.Replace(Regex.Replace(sse, @"<http://example/([^>]*)>", ":$1"), @"\s+", " ");

    [Theory]
    // §18.2.2.x examples: a group of one BGP; Join with the empty group simplified away.
    [InlineData("SELECT * { ?s ?p ?o }",
        "(project (?s ?p ?o) (bgp (triple ?s ?p ?o)))")]
    [InlineData("SELECT * { ?s :p1 ?v1 ; :p2 ?v2 }",
        "(project (?s ?v1 ?v2) (bgp (triple ?s :p1 ?v1) (triple ?s :p2 ?v2)))")]
    [InlineData("SELECT * { { ?s :p1 ?v1 } UNION { ?s :p2 ?v2 } UNION { ?s :p3 ?v3 } }",
        "(project (?s ?v1 ?v2 ?v3) (union (union (bgp (triple ?s :p1 ?v1)) (bgp (triple ?s :p2 ?v2))) (bgp (triple ?s :p3 ?v3))))")]
    [InlineData("SELECT * { ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 } OPTIONAL { ?s :p3 ?v3 } }",
        "(project (?s ?v1 ?v2 ?v3) (leftjoin (leftjoin (bgp (triple ?s :p1 ?v1)) (bgp (triple ?s :p2 ?v2))) (bgp (triple ?s :p3 ?v3))))")]
    [InlineData("SELECT * { ?s :p1 ?v1 OPTIONAL { ?s :p2 ?v2 FILTER(?v1 < 3) } }",
        "(project (?s ?v1 ?v2) (leftjoin (bgp (triple ?s :p1 ?v1)) (bgp (triple ?s :p2 ?v2)) (< ?v1 3)))")]
    // Only the OPTIONAL group's own FILTER becomes the left join's condition; a nested group keeps its filter
    // inside, where ?v1 is unbound (W3C dawg-optional-filter-005-not-simplified).
    [InlineData("SELECT * { ?s :p1 ?v1 OPTIONAL { { ?s :p2 ?v2 FILTER(?v1 < 3) } } }",
        "(project (?s ?v1 ?v2) (leftjoin (bgp (triple ?s :p1 ?v1)) (filter (< ?v1 3) (bgp (triple ?s :p2 ?v2)))))")]
    [InlineData("SELECT * { { ?s :p1 ?v1 } UNION { ?s :p2 ?v2 } FILTER(?v1 < 3) }",
        "(project (?s ?v1 ?v2) (filter (< ?v1 3) (union (bgp (triple ?s :p1 ?v1)) (bgp (triple ?s :p2 ?v2)))))")]
    // Filters apply to the whole group, wherever they are written.
    [InlineData("SELECT * { ?s :p1 ?v1 FILTER (?v1 < 3) OPTIONAL { ?s :p3 ?v3 } }",
        "(project (?s ?v1 ?v3) (filter (< ?v1 3) (leftjoin (bgp (triple ?s :p1 ?v1)) (bgp (triple ?s :p3 ?v3)))))")]
    [InlineData("SELECT * { ?s :p ?a FILTER(?a > 1) ?s :q ?b FILTER(?b > 2) }",
        "(project (?s ?a ?b) (filter (&& (> ?a 1) (> ?b 2)) (bgp (triple ?s :p ?a) (triple ?s :q ?b))))")]
    // BIND extends what precedes it; later elements join.
    [InlineData("SELECT * { ?x :p ?v BIND(?v + 1 AS ?w) ?x :q ?z }",
        "(project (?x ?v ?w ?z) (join (extend ((?w (+ ?v 1))) (bgp (triple ?x :p ?v))) (bgp (triple ?x :q ?z))))")]
    [InlineData("SELECT ?s { ?s ?p ?o MINUS { ?s :q ?v } }",
        "(project (?s) (minus (bgp (triple ?s ?p ?o)) (bgp (triple ?s :q ?v))))")]
    [InlineData("SELECT * { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s :q [] } }",
        "(project (?g ?s ?p ?o) (filter (notexists (bgp (triple ?s :q ??b0))) (graph ?g (bgp (triple ?s ?p ?o)))))")]
    [InlineData("SELECT * { SERVICE SILENT <http://example/sparql> { ?s ?p ?o } }",
        "(project (?s ?p ?o) (service silent :sparql (bgp (triple ?s ?p ?o))))")]
    public void GroupPatterns(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Theory]
    // §18.2.2.4: a link is a triple, ^p swaps ends, p/q gets a step variable; the rest stay paths.
    [InlineData("SELECT * { ?x :p/^:q ?y . ?y :r* ?z }",
        "(project (?x ?y ?z) (join (bgp (triple ?x :p ??.0) (triple ?y :q ??.0)) (path ?y (path* :r) ?z)))")]
    [InlineData("SELECT * { ?x (:p|:q)+ ?y }",
        "(project (?x ?y) (path ?x (path+ (alt :p :q)) ?y))")]
    [InlineData("SELECT * { ?x !(:p|^:q|a) ?y }",
        "(project (?x ?y) (path ?x (notoneof :p <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> (reverse :q)) ?y))")]
    [InlineData("SELECT * { ?x ^(:p?) ?y }",
        "(project (?y ?x) (path ?y (path? :p) ?x))")]
    public void PropertyPaths(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Theory]
    // §18.2.4.1 example: aggregates become variables bound by the group, then select expressions extend.
    [InlineData("SELECT (SUM(?val) AS ?sum) (COUNT(?a) AS ?count) WHERE { ?a :value ?val } GROUP BY ?a",
        "(project (?sum ?count) (extend ((?count ?.1)) (extend ((?sum ?.0)) (group (?a) ((?.0 (sum ?val)) (?.1 (count ?a))) (bgp (triple ?a :value ?val))))))")]
    // The same aggregate in SELECT and HAVING is computed once.
    [InlineData("SELECT ?x (AVG(?y) AS ?avg) WHERE { ?x :p ?y } GROUP BY ?x HAVING (AVG(?y) > 10)",
        "(project (?x ?avg) (extend ((?avg ?.0)) (filter (> ?.0 10) (group (?x) ((?.0 (avg ?y))) (bgp (triple ?x :p ?y))))))")]
    [InlineData("SELECT (COUNT(DISTINCT *) AS ?n) (GROUP_CONCAT(?o; SEPARATOR=\", \") AS ?all) { ?s ?p ?o }",
        "(project (?n ?all) (extend ((?all ?.1)) (extend ((?n ?.0)) (group () ((?.0 (count distinct)) (?.1 (group_concat (separator \", \") ?o))) (bgp (triple ?s ?p ?o))))))")]
    [InlineData("SELECT ?k (SAMPLE(?o) AS ?any) { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)",
        "(project (?k ?any) (extend ((?any ?.0)) (group ((?k (str ?s))) ((?.0 (sample ?o))) (bgp (triple ?s ?p ?o)))))")]
    public void Aggregation(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Theory]
    // §18.2.4–5: ORDER BY, projection, DISTINCT, then OFFSET/LIMIT, from the inside out.
    [InlineData("SELECT DISTINCT ?x WHERE { ?x :p ?y } ORDER BY DESC(?y) ?x LIMIT 10 OFFSET 5",
        "(slice 5 10 (distinct (project (?x) (order ((desc ?y) ?x) (bgp (triple ?x :p ?y))))))")]
    [InlineData("SELECT REDUCED ?x WHERE { ?x :p ?y } LIMIT 3",
        "(slice _ 3 (reduced (project (?x) (bgp (triple ?x :p ?y)))))")]
    // Trailing VALUES joins after grouping; a sub-select is a projected pattern of its own.
    [InlineData("SELECT ?x ?n { ?x :p ?y { SELECT ?y (COUNT(*) AS ?n) { ?y :q ?z } GROUP BY ?y } } VALUES ?x { :a UNDEF }",
        "(project (?x ?n) (join (join (bgp (triple ?x :p ?y)) (project (?y ?n) (extend ((?n ?.0)) (group (?y) ((?.0 (count))) (bgp (triple ?y :q ?z)))))) (table (vars ?x) (row [?x :a]) (row))))")]
    [InlineData("SELECT * { VALUES (?a ?b) { (1 \"x\"@EN) (UNDEF -2.5) } }",
        "(project (?a ?b) (table (vars ?a ?b) (row [?a 1] [?b \"x\"@en]) (row [?b -2.5])))")]
    [InlineData("SELECT * {}",
        "(project () (table unit))")]
    public void SolutionModifiersAndTables(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Theory]
    [InlineData("SELECT * { FILTER(?a + 2 * -?b >= 1.5 && !BOUND(?c) || ?d IN (1, 2e0) || ?e NOT IN ()) }",
        "(project () (filter (|| (|| (&& (>= (+ ?a (* 2 (- ?b))) 1.5) (! (bound ?c))) (in ?d 1 2e0)) (notin ?e)) (table unit)))")]
    [InlineData("SELECT * { FILTER(REGEX(STR(?x), \"^a\", \"i\") && xsd:integer(?y) = 1 && sameTerm(?x, ?y) && isIRI(?x)) }",
        "(project () (filter (&& (&& (&& (regex (str ?x) \"^a\" \"i\") (= (<http://www.w3.org/2001/XMLSchema#integer> ?y) 1)) (sameTerm ?x ?y)) (isIRI ?x)) (table unit)))")]
    [InlineData("SELECT (IF(?x, BNODE(), NOW()) AS ?v) (COALESCE(?a, CONCAT(\"a\", 'b')) AS ?w) {}",
        "(project (?v ?w) (extend ((?w (coalesce ?a (concat \"a\" \"b\")))) (extend ((?v (if ?x (bnode) (now)))) (table unit))))")]
    public void Expressions(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Theory]
    [InlineData("ASK { ?s :p ?o }", "(ask (bgp (triple ?s :p ?o)))")]
    [InlineData("CONSTRUCT { ?s :q [] } WHERE { ?s :p ?o }",
        "(construct (template (triple ?s :q _:b0)) (bgp (triple ?s :p ?o)))")]
    // CONSTRUCT WHERE: the template is the pattern; blank nodes stay blank in the template only.
    [InlineData("CONSTRUCT WHERE { _:a :p ?o }",
        "(construct (template (triple _:a :p ?o)) (bgp (triple ??a :p ?o)))")]
    [InlineData("DESCRIBE * { ?s :p ?o }", "(describe (?s ?o) (bgp (triple ?s :p ?o)))")]
    [InlineData("DESCRIBE :x", "(describe (:x) (table unit))")]
    public void QueryForms(string query, string expected) => Assert.Equal(expected, Algebra(query));

    [Fact]
    public void CollectionsExpandToFirstRestTriples()
    {
        const string rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        Assert.Equal(
            $"(project (?s) (bgp (triple ??b0 <{rdf}first> 1) (triple ??b0 <{rdf}rest> ??b1) (triple ??b1 <{rdf}first> ?s) (triple ??b1 <{rdf}rest> <{rdf}nil>) (triple ??b0 :p ())))".Replace("()", $"<{rdf}nil>"),
            Algebra("SELECT * { (1 ?s) :p () }"));
    }

    [Fact]
    public void GeneratedLabelsAvoidWrittenOnes()
    {
        // _:b0 is written by the user, so the anonymous node gets the next free label.
        Assert.Equal("(project (?o) (bgp (triple ??b0 :p ??b1) (triple ??b1 :q ?o)))", Algebra("SELECT * { _:b0 :p [ :q ?o ] }"));
    }

    [Fact]
    public void RelativeIrisResolveAgainstBase()
    {
        var result = SparqlParser.ParseQuery("BASE <http://example/a/b> PREFIX p: <c/> SELECT * { <d> p:e <../f> }");
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("(project () (bgp (triple :a/d :a/c/e :f)))", Normalize(Sse.Write(result.Value!)));
    }

    [Fact]
    public void BaseFromOptionsAndPredeclaredPrefixes()
    {
        var options = new SparqlParseOptions { BaseIri = "http://example/dir/", Prefixes = new Dictionary<string, string> { ["ex"] = "http://example/ns#" } };
        var result = SparqlParser.ParseQuery("ASK { <x> ex:p ?o }", options);
        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("(ask (bgp (triple :dir/x :ns#p ?o)))", Normalize(Sse.Write(result.Value!)));
        Assert.Equal("http://example/dir/", result.Value!.BaseIri);
    }

    [Fact]
    public void DatasetClauses()
    {
        var result = SparqlParser.ParseQuery(Prologue + "SELECT * FROM :g1 FROM NAMED :g2 FROM NAMED :g3 { ?s ?p ?o }");
        Assert.True(result.Success, result.Error?.ToString());
        var dataset = result.Value!.Dataset!;
        Assert.Equal(["http://example/g1"], dataset.DefaultGraphs.Select(i => i.Value));
        Assert.Equal(["http://example/g2", "http://example/g3"], dataset.NamedGraphs.Select(i => i.Value));
    }
}
