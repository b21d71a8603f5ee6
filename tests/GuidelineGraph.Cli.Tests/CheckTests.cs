using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidelineGraph.Cli.Tests;

/// <summary>gg check over the SMA example of this checkout, and its bad inputs.</summary>
public sealed class CheckTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    internal static string Checkout([CallerFilePath] string source = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    internal static readonly string Ontology = Path.Combine(Checkout(), "ontology");
    internal static readonly string Sma = Path.Combine(Checkout(), "examples", "protocols", "sma-aav9-infants.md");

    private static CliRun Check(params string[] args) => Gg.Run(["check", "--ontology", Ontology, .. args]);

    private static JsonObject Requirement(JsonNode json, string id) =>
        json["requirements"]!.AsArray().Single(r => (string)r!["id"]! == id)!.AsObject();

    [Fact]
    public void Json_has_the_profile_sources_and_the_infer_fields_with_status_and_evidence()
    {
        CliRun run = Check(Sma, "--format", "json", "--fail-on", "never");
        Assert.Equal(0, run.ExitCode);
        JsonNode json = JsonNode.Parse(run.Out)!;
        JsonArray profile = json["profile"]!.AsArray();
        Assert.Equal("declared", (string)profile.Single(p => (string)p!["id"]! == "intravenous")!["source"]!);
        // "The first two infants are dosed as sentinel participants" (line 46) is detected, not declared.
        JsonNode sentinel = profile.Single(p => (string)p!["id"]! == "staggered-enrollment")!;
        Assert.Equal("detected", (string)sentinel["source"]!);
        Assert.Equal(46, (int)sentinel["found"]![0]!["line"]!);

        JsonObject staggered = Requirement(json, "r-4.3-p1-s3");
        Assert.Equal("addressed", (string)staggered["status"]!);
        Assert.Equal("shall", (string)staggered["modality"]!);
        Assert.Equal("4.3 ¶1", (string)staggered["clause"]!["number"]!);
        Assert.NotNull(staggered["derivation"]);
        Assert.Contains(staggered["evidence"]!.AsArray(), e => (string)e!["section"]! == "4.1 Description of Trial Design" && (int)e["line"]! == 46);

        Assert.Equal("waived", (string)Requirement(json, "r-4.1-p1-s1a")["status"]!);
        Assert.StartsWith("Covered by the sponsor's programme-level risk management plan", (string)Requirement(json, "r-4.1-p1-s1a")["waiver"]!);
        // The protocol has no stopping rules and no section 4.3, so they belong under its parent, "# 4 TRIAL DESIGN".
        JsonObject stopping = Requirement(json, "r-4.3-p2-s1");
        Assert.Equal("missing", (string)stopping["status"]!);
        JsonNode expected = Assert.Single(stopping["expectedSections"]!.AsArray())!;
        Assert.Equal(("4 TRIAL DESIGN", 42), ((string)expected["section"]!, (int)expected["line"]!));
    }

    [Fact]
    public void Sarif_has_one_result_per_missing_requirement_at_its_section_its_M11_parent_or_the_document_start()
    {
        CliRun json = Check(Sma, "--format", "json", "--fail-on", "never");
        int missing = JsonNode.Parse(json.Out)!["requirements"]!.AsArray().Count(r => (string)r!["status"]! == "missing");
        CliRun run = Check(Sma, "--format", "sarif");
        Assert.Equal(1, run.ExitCode); // shall requirements are missing
        JsonNode sarif = JsonNode.Parse(run.Out)!;
        Assert.Equal("2.1.0", (string)sarif["version"]!);
        JsonArray results = sarif["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(missing, results.Count);
        // No 4.3 section: stopping rules point at the heading of its M11 parent, 4 TRIAL DESIGN (line 42).
        JsonNode stopping = results.Single(r => (string)r!["ruleId"]! == "r-4.3-p2-s1")!;
        Assert.Equal("error", (string)stopping["level"]!);
        Assert.Equal(42, (int)stopping["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        // GCP compliance (M11 11.1): neither 11.1 nor chapter 11 exists, so the document start.
        JsonNode gcp = results.Single(r => (string)r!["ruleId"]! == "r-1-p6-s1")!;
        Assert.Equal(1, (int)gcp["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
        // Shedding (M11 2.2.1 and 8.5) belongs first in "### 2.2.1 Risk Summary and Mitigation Strategy" at line 36;
        // 8.5 Pharmacokinetics says it will not be assessed.
        JsonNode shedding = results.Single(r => (string)r!["ruleId"]! == "r-4.1-p5-s1")!;
        Assert.Equal("warning", (string)shedding["level"]!);
        Assert.Equal(36, (int)shedding["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!);
    }

    [Fact]
    public void Fail_on_sets_the_exit_code_and_table_and_markdown_summarise()
    {
        Assert.Equal(1, Check(Sma, "--fail-on", "may").ExitCode);
        CliRun table = Check(Sma, "--fail-on", "never");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("applicable requirements:", table.Out);
        Assert.Contains("r-4.3-p2-s1", table.Out);
        CliRun markdown = Check(Sma, "--format", "markdown", "--fail-on", "never");
        Assert.Contains("| missing | shall | r-4.3-p2-s1 |", markdown.Out);
    }

    [Fact]
    public void A_protocol_that_marks_or_waives_every_shall_requirement_passes_the_gate()
    {
        JsonNode json = JsonNode.Parse(Check(Sma, "--format", "json", "--fail-on", "never").Out)!;
        var shall = json["requirements"]!.AsArray().Where(r => (string)r!["status"]! == "missing" && (string)r["modality"]! == "shall")
            .Select(r => (string)r!["id"]!).ToList();
        string text = File.ReadAllText(Sma) + string.Concat(shall.Select(id => $"\n<!-- gg:addresses cde:{id} -->\n"));
        CliRun run = Check(_scratch.Write("marked.md", text));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Bad_inputs_are_errors_with_positions_and_exit_code_2()
    {
        CliRun binary = Check(_scratch.Write("bin.md", "# 1 Title\n\nab\0cd\n"));
        Assert.Equal(2, binary.ExitCode);
        Assert.Contains("bin.md:3:3: binary file", binary.Error);

        CliRun unknown = Check(_scratch.Write("unknown.md", "---\nguidelinegraph:\n  features: [AAV9, intrathekal]\n---\n# 1 Summary\n"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown.md:3:", unknown.Error);
        Assert.Contains("did you mean intrathecal", unknown.Error);

        CliRun yaml = Check(_scratch.Write("yaml.md", "---\nguidelinegraph: [\n---\n# 1 Summary\n"));
        Assert.Equal(2, yaml.ExitCode);
        Assert.Contains("invalid front matter YAML", yaml.Error);

        CliRun corrupt = Check(_scratch.Write("corrupt.docx", "PK\u0003\u0004 not really a zip"));
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("corrupt.docx", corrupt.Error);

        CliRun missing = Check(_scratch.Path("nowhere.md"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("file not found", missing.Error);
    }
}
