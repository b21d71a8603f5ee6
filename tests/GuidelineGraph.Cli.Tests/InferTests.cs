using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GuidelineGraph.Cli.Tests;

/// <summary>gg infer over the real ontology of this checkout.</summary>
public sealed class InferTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static string Checkout([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    private static readonly string Ontology = Path.Combine(Checkout(), "ontology");

    private static CliRun Infer(params string[] args) => Gg.Run(["infer", "--ontology", Ontology, .. args]);

    [Fact]
    public void Json_has_the_contract_fields_and_a_derivation_down_to_the_clause()
    {
        var run = Infer("-f", "AAV9", "--feature", "婴儿", "--feature", "ＩＮＴＲＡＶＥＮＯＵＳ", "--format", "json");
        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var features = json.RootElement.GetProperty("profile").GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["aav9", "infants", "intravenous"], features.Where(f => f.GetProperty("asserted").GetBoolean()).Select(f => f.GetProperty("id").GetString()).Order());
        Assert.Contains(features, f => f.GetProperty("id").GetString() == "children" && !f.GetProperty("asserted").GetBoolean());
        Assert.Equal("婴儿", features.Single(f => f.GetProperty("id").GetString() == "infants").GetProperty("label").GetProperty("zh").GetString());

        JsonElement r = json.RootElement.GetProperty("requirements").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "r-4.1-p4-s1f");
        Assert.Equal("may", r.GetProperty("modality").GetString());
        Assert.Equal("并在临床试验过程中密切监测该器官功能，", r.GetProperty("quote").GetProperty("zh").GetString());
        Assert.Equal("c-4.1-p4", r.GetProperty("clause").GetProperty("id").GetString());
        Assert.Equal("4.1 ¶4", r.GetProperty("clause").GetProperty("number").GetString());
        Assert.Equal("liver-function-monitoring", r.GetProperty("controls")[0].GetProperty("id").GetString());
        Assert.Equal("Liver function monitoring", r.GetProperty("controls")[0].GetProperty("label").GetProperty("en").GetString());
        Assert.Equal(["8.4.4", "12.1", "1.3"], r.GetProperty("m11Sections").EnumerateArray().Select(s => s.GetString()).OrderBy(s => s == "1.3" ? 1 : 0));
        JsonElement derivation = r.GetProperty("derivation");
        JsonElement held = derivation.GetProperty("conditions")[0].GetProperty("features")[0];
        Assert.Equal("aav", held.GetProperty("id").GetString());
        Assert.Equal(["aav9", "aav"], held.GetProperty("paths")[0].EnumerateArray().Select(s => s.GetString()));
        JsonElement risk = derivation.GetProperty("controls")[0].GetProperty("risks")[0];
        Assert.Equal("hepatotoxicity", risk.GetProperty("id").GetString());
        Assert.Equal("c-4.1-p4", risk.GetProperty("riskClause").GetProperty("id").GetString());
    }

    [Fact]
    public void Modality_keeps_that_modality_and_stronger()
    {
        string[] Modalities(params string[] extra)
        {
            var run = Infer(["-f", "aav9", "--format", "json", .. extra]);
            using var json = JsonDocument.Parse(run.Out);
            return [.. json.RootElement.GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("modality").GetString()!).Distinct().Order()];
        }
        Assert.Equal(["informative", "may", "shall", "should"], Modalities());
        Assert.Equal(["may", "shall", "should"], Modalities("--modality", "may"));
        Assert.Equal(["shall", "should"], Modalities("--modality", "should"));
        Assert.Equal(["shall"], Modalities("--modality", "shall"));
    }

    [Fact]
    public void Unknown_word_exits_2_with_did_you_mean()
    {
        var run = Infer("--feature", "aav9", "--feature", "intrathcal");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--feature intrathcal: unknown feature 'intrathcal'; did you mean intrathecal", run.Error);
    }

    [Fact]
    public void Ambiguous_word_exits_2_listing_its_candidates()
    {
        // "载体" (vector) is inside the labels of every vector feature and names none of them exactly.
        var run = Infer("--feature", "载体");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--feature 载体: '载体' is ambiguous: it may be aav (", run.Error);
        Assert.Contains("lentivirus (lentiviral vector / 慢病毒载体)", run.Error);
    }

    [Fact]
    public void No_profile_is_a_usage_error()
    {
        var run = Infer("--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--feature WORD", run.Error);
    }

    [Fact]
    public void Profile_file_errors_are_positioned_and_exit_2()
    {
        string path = _scratch.Write("p.yaml", "features:\n  - aav9\n  - subretinl\n");
        var run = Infer("--profile", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:3:5: unknown feature 'subretinl'; did you mean subretinal", run.Error);

        string json = _scratch.Write("p.json", "{\"features\": [\"aav9\"");
        var broken = Infer("--profile", json);
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains($"{json}:1:", broken.Error);
        Assert.Contains("invalid JSON", broken.Error);
    }

    [Fact]
    public void Turtle_writes_the_inferred_graph_under_the_profile_files_iri()
    {
        var run = Infer("--profile", Path.Combine(Checkout(), "examples", "profiles", "mld-lentiviral-hsc.ttl"), "--format", "turtle");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("<urn:example:profile:mld-lentiviral-hsc> a gg:TrialProfile", run.Out);
        Assert.Contains("cde:r-3.5-p4-s1c", run.Out); // integrating vector in haematopoietic stem cells
        Assert.Contains("ggr:insertional-oncogenesis", run.Out);
        Assert.DoesNotContain("cde:r-4.1-p4-s1b", run.Out); // AAV hepatotoxicity
        string file = _scratch.Write("inferred.ttl", run.Out);
        var stats = Gg.Run("stats", file, "--format", "json");
        Assert.Equal(0, stats.ExitCode);
    }

    [Fact]
    public void Turtle_with_explain_adds_the_proofs_as_prov_o_down_to_the_asserted_feature()
    {
        var run = Infer("--profile", Path.Combine(Checkout(), "examples", "profiles", "mld-lentiviral-hsc.ttl"), "--format", "turtle", "--explain");
        Assert.Equal(0, run.ExitCode);
        string file = _scratch.Write("proofs.ttl", run.Out);
        // r-3.5-p4-s1c applies when the vector integrates and the cells are HSCs; the profile asserts lentivirus, which
        // features.ttl places under integrating-vector, so the proof reaches the asserted gg:hasFeature ggf:lentivirus.
        var query = Gg.Run("query", "--data", file, "--format", "csv", "-e", """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT DISTINCT ?source ?from WHERE {
              ?st rdf:predicate <https://w3id.org/guidelinegraph/ns#requires> ;
                  rdf:object <https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/r-3.5-p4-s1c> ;
                  prov:wasGeneratedBy/prov:qualifiedAssociation/prov:hadPlan/dcterms:source ?source ;
                  prov:wasDerivedFrom+ ?leaf .
              ?leaf rdf:subject ?from ; rdf:predicate <https://w3id.org/guidelinegraph/ns#hasFeature> ;
                  rdf:object <https://w3id.org/guidelinegraph/feature/lentivirus> .
            }
            """);
        Assert.Equal("", query.Error);
        Assert.Equal(0, query.ExitCode);
        Assert.Equal("source,from\r\nhttps://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/c-3.5-p4,urn:example:profile:mld-lentiviral-hsc\r\n", query.Out);

        var plain = Infer("--profile", Path.Combine(Checkout(), "examples", "profiles", "mld-lentiviral-hsc.ttl"), "--format", "turtle");
        Assert.DoesNotContain("prov:", plain.Out);
    }

    [Fact]
    public void Table_groups_by_m11_section_and_explain_prints_the_proof()
    {
        var run = Infer("-f", "aav9", "--modality", "shall", "--explain");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Profile: aav9 (AAV9 vector); derived: aav", run.Out);
        Assert.Contains("│ 1.3 Schedule of Activities", run.Out);
        Assert.Matches(@"\d+ requirements apply: shall \d+\n", run.Out);
        Assert.Contains("r-3.5-p3-s2  [shall]", run.Out);
        Assert.Contains("    holds gene-therapy-product (gene therapy product) \u21D0 aav9 (asserted) \u2192 aav \u2192 viral-vector \u2192 gene-therapy-product", run.Out);
        Assert.DoesNotContain("[informative]", run.Out);
    }

    [Fact]
    public void Markdown_in_chinese_has_sections_and_chinese_quotes()
    {
        var run = Infer("-f", "鞘内注射", "-f", "AAV", "--format", "markdown", "--lang", "zh");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# 适用要求", run.Out);
        Assert.Contains("\n## 8.4.4 ", run.Out);
        Assert.Contains("| r-4.1-p7-s3 | shall | 4.1 ¶7 |", run.Out);
        Assert.Contains("即使给药未成功", run.Out);
    }

    [Fact]
    public void A_relative_ontology_directory_works()
    {
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Checkout();
            var run = Gg.Run("infer", "--ontology", "ontology", "-f", "aav9", "--format", "json");
            Assert.Equal("", run.Error);
            Assert.Equal(0, run.ExitCode);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
