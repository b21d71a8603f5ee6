using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>
/// The questions in ontology/queries/, run by our SPARQL engine over the ontology. Expected answers were
/// worked out by hand from the seed text and the requirements' conditions, not copied from a run.
/// </summary>
public class QueryTests
{
    private const string Cde = "https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/";

    [Fact]
    public void Long_term_follow_up_is_the_concern_of_four_clauses()
    {
        // 长期随访 appears in 三.5 ¶3 (长期随访观察的考虑要素…) and 四.1 ¶6 (根据长期随访获得的安全性信息…),
        // and 四.2 ¶1 (对儿童开展长期随访…); 三.5 ¶4 asks to monitor insertion sites and clonal expansion, which
        // 三.5 ¶3 lists among the elements of long-term follow-up (基因组整合活性).
        var rows = Run("long-term-follow-up-clauses.rq");
        Assert.Equal(["3.5 ¶3", "3.5 ¶4", "4.1 ¶6", "4.2 ¶1"], rows.Select(r => Lexical(r["number"])));
    }

    [Fact]
    public void Shall_requirements_for_intrathecal_AAV_in_children()
    {
        // Profile {aav, intrathecal, children} holds gene-therapy-product (aav ⊂ viral-vector ⊂ gene-therapy-product)
        // and invasive-procedure (intrathecal ⊂ invasive-procedure). Of the 46 shall requirements, 14 always apply,
        // 13 need gene-therapy-product, 3 need children, 1 needs any of invasive-procedure/preconditioning/surgery.
        string[] always =
        [
            "r-1-p6-s1", "r-2-p1-s1", "r-3.1-p1-s1", "r-3.1-p1-s2", "r-3.2-p1-s4", "r-3.2.5-p1-s1", "r-3.4-p1-s1",
            "r-3.4.3-p1-s1", "r-3.5-p1-s1", "r-3.5-p2-s1a", "r-3.5-p2-s1b", "r-3.6-p1-s1", "r-3.6-p1-s2", "r-4.1-p2-s1a",
        ];
        string[] geneTherapyProduct =
        [
            "r-3.1-p5-s3", "r-3.4-p1-s2a", "r-3.5-p3-s2", "r-4-p1-s1a", "r-4-p1-s1b", "r-4.1-p3-s3", "r-4.1-p6-s1c",
            "r-4.3-p2-s1", "r-4.3-p2-s2a", "r-4.3-p2-s2b", "r-4.3-p2-s3b", "r-closing-p1-s3a", "r-closing-p1-s3b",
        ];
        string[] children = ["r-3.1-p3-s1c", "r-4.2-p1-s1", "r-4.2-p1-s2b"];
        string[] invasive = ["r-4.1-p7-s3"];
        var expected = always.Concat(geneTherapyProduct).Concat(children).Concat(invasive).Order(StringComparer.Ordinal);

        var rows = Run("shall-requirements-for-profile.rq", "../examples/profiles/intrathecal-aav-children.ttl");
        var actual = rows.Select(r => ((Iri)r["req"]!).Value[Cde.Length..]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
        // Negative cases: integrating vectors, first-in-human in children, single-arm designs are not this profile.
        Assert.DoesNotContain("r-3.5-p4-s1a", actual);
        Assert.DoesNotContain("r-3.1-p3-s2a", actual);
        Assert.DoesNotContain("r-3.2.3-p1-s1b", actual);
    }

    [Fact]
    public void Requirements_per_M11_section_count_by_modality()
    {
        // 8.7 Immunogenicity Assessments: 三.1 ¶5 (two informative, one 需要考虑 = shall), 三.3 ¶4 (需要 = shall),
        // 三.7 (one informative, 有利于 = should, 建议 = should), 四.1 ¶3 (申请人…进行监测 = should, 应尽量 = shall).
        var rows = Run("requirements-per-m11-section.rq");
        var immunogenicity = Assert.Single(rows, r => Lexical(r["section"]) == "8.7");
        Assert.Equal(("3", "3", "0", "9"),
            (Lexical(immunogenicity["shall"]), Lexical(immunogenicity["should"]), Lexical(immunogenicity["may"]), Lexical(immunogenicity["total"])));
        // The table is sorted by total, largest first.
        var totals = rows.Select(r => int.Parse(Lexical(r["total"]))).ToList();
        Assert.Equal(totals.OrderDescending(), totals);
    }

    private static string Lexical(Term? term) => Assert.IsType<Literal>(term).Lexical;

    private static List<Dictionary<string, Term?>> Run(string queryFile, params string[] extraData)
    {
        var ontology = OntologyGraph.Instance.Directory;
        var loaded = OntologyLoader.Load(ontology);
        Assert.Empty(loaded.Errors);
        foreach (var relative in extraData)
        {
            using var reader = File.OpenText(Path.Combine(ontology, relative));
            loaded.Store.Load(RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.Turtle }).ToList());
        }

        var parsed = SparqlParser.ParseQuery(File.ReadAllText(Path.Combine(ontology, "queries", queryFile)));
        Assert.True(parsed.Success, parsed.Error?.ToString());
        var outcome = QueryEvaluator.Evaluate(parsed.Value!, new StoreDataset(loaded.Store.Snapshot()));
        Assert.Null(outcome.Error);
        var results = outcome.Results!;
        return results.Rows
            .Select(row => results.Variables.Select((v, i) => (v, row[i])).ToDictionary(x => x.v, x => x.Item2))
            .ToList();
    }
}
