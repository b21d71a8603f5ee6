using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

/// <summary>The RDFS + OWL RL + SKOS closure must equal Jena's for the same rules (translated to Jena syntax).</summary>
public class DifferentialTests
{
    private static RuleProgram OntologyClosure()
    {
        Assert.True(RuleFiles.TryLoadOntologyClosure(RulesDirectory, out var program, out var errors), string.Join("\n", errors));
        return program;
    }

    /// <summary>Blank nodes become IRIs, so both reasoners see the same ground terms and sets compare directly.</summary>
    private static List<Triple> Skolemised(IEnumerable<Quad> quads)
    {
        Term S(Term t) => t is BlankNode b ? new Iri("urn:gg-skolem:" + b.Id) : t;
        return [.. quads.Select(q => new Triple(S(q.Subject), q.Predicate, S(q.Object))).Distinct()];
    }

    private static List<Triple> ReadTurtle(params string[] paths) => Skolemised(paths.SelectMany(path =>
    {
        var doc = RdfReader.ReadDocument(File.ReadAllText(path), new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri });
        Assert.True(doc.Errors.Count == 0, $"{path}: {string.Join("; ", doc.Errors)}");
        return doc.Quads;
    }));

    private static void AssertSameClosureAsJena(List<Triple> data, int minimumInferred)
    {
        var program = OntologyClosure();
        var ours = Lines(new Materialization(program, data).Facts);
        var jena = Lines(JenaReference.Closure(program.Rules, data));
        var onlyOurs = ours.Except(jena).Order().Take(20).ToList();
        var onlyJena = jena.Except(ours).Order().Take(20).ToList();
        Assert.True(onlyOurs.Count == 0 && onlyJena.Count == 0,
            $"closures differ ({ours.Count} ours, {jena.Count} Jena)\nonly ours:\n{string.Join("\n", onlyOurs)}\nonly Jena:\n{string.Join("\n", onlyJena)}");
        Assert.True(ours.Count >= data.Count + minimumInferred, $"only {ours.Count - data.Count} inferred");
    }

    [Fact]
    public void Test_ontology_closure_equals_jena()
    {
        var data = ReadTurtle(Path.Combine(AppContext.BaseDirectory, "Data", "differential.ttl"));
        AssertSameClosureAsJena(data, minimumInferred: 60);
    }

    [Fact]
    public void Guideline_ontology_closure_equals_jena()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "ontology"), "*.ttl", SearchOption.AllDirectories).Order().ToArray();
        Assert.NotEmpty(files);
        AssertSameClosureAsJena(ReadTurtle(files), minimumInferred: 1000);
    }
}
