using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GuidelineGraph.Guidance.Tests.Documents;

namespace GuidelineGraph.Cli.Tests;

/// <summary>
/// gg check and gg trace on a Word protocol: the SMA example rendered as .docx (headings by style and outline level,
/// paragraphs, numbered items, tables) gives the same findings as its Markdown in every format; a corrupt .docx and
/// a binary file are input errors (exit 2) that name the file.
/// </summary>
public sealed class CheckDocxTests : IDisposable
{
    private readonly Scratch _scratch = new();
    private readonly string _docx;

    public CheckDocxTests()
    {
        _docx = _scratch.Path("sma-aav9-infants.docx");
        File.WriteAllBytes(_docx, DocxWriter.FromMarkdown(File.ReadAllText(CheckTests.Sma)));
    }

    public void Dispose() => _scratch.Dispose();

    private static CliRun Check(params string[] args) => Gg.Run(["check", "--ontology", CheckTests.Ontology, .. args]);

    private static CliRun Trace(params string[] args) => Gg.Run(["trace", "--ontology", CheckTests.Ontology, .. args]);

    /// <summary>Per requirement: status and the headings of its evidence and expected sections (lines differ: Word has paragraphs).</summary>
    private static List<string> Findings(CliRun run)
    {
        JsonNode json = JsonNode.Parse(run.Out)!;
        return json["requirements"]!.AsArray().Select(r =>
            $"{r!["id"]} {r["status"]} evidence [{string.Join("; ", r["evidence"]!.AsArray().Select(e => (string?)e!["section"]).Distinct())}]" +
            $" expected [{string.Join("; ", r["expectedSections"]!.AsArray().Select(e => (string)e!["section"]!))}]").ToList();
    }

    private static List<string> Profile(CliRun run) =>
        JsonNode.Parse(run.Out)!["profile"]!.AsArray().Select(p => $"{p!["id"]} {p["source"]}").ToList();

    [Fact]
    public void Json_table_and_sarif_on_the_word_protocol_match_the_markdown()
    {
        CliRun markdown = Check(CheckTests.Sma, "--format", "json", "--fail-on", "never");
        CliRun word = Check(_docx, "--format", "json", "--fail-on", "never");
        Assert.Equal((0, ""), (word.ExitCode, word.Error));
        Assert.Equal(Findings(markdown), Findings(word));
        Assert.Equal(Profile(markdown), Profile(word));
        List<string> findings = Findings(word);
        Assert.Contains("r-4.3-p1-s3 addressed evidence [4.1 Description of Trial Design] expected [4.1 Description of Trial Design]", findings);
        Assert.Contains("r-4.3-p2-s1 missing evidence [] expected [4 TRIAL DESIGN]", findings);
        Assert.Contains("intravenous declared", Profile(word));
        Assert.Contains("staggered-enrollment detected", Profile(word));

        CliRun markdownTable = Check(CheckTests.Sma);
        CliRun wordTable = Check(_docx);
        Assert.Equal(1, wordTable.ExitCode); // shall requirements are missing
        Assert.Equal(markdownTable.ExitCode, wordTable.ExitCode);
        static string Summary(CliRun run) => run.Out.Split('\n').Single(l => l.Contains("applicable requirements:", StringComparison.Ordinal));
        Assert.Equal(Summary(markdownTable), Summary(wordTable));

        static List<string> Results(CliRun run) => JsonNode.Parse(run.Out)!["runs"]![0]!["results"]!.AsArray()
            .Select(r => $"{r!["ruleId"]} {r["level"]}").Order(StringComparer.Ordinal).ToList();
        CliRun sarif = Check(_docx, "--format", "sarif");
        Assert.Equal(1, sarif.ExitCode);
        Assert.Equal(Results(Check(CheckTests.Sma, "--format", "sarif")), Results(sarif));
        JsonNode stopping = JsonNode.Parse(sarif.Out)!["runs"]![0]!["results"]!.AsArray().Single(r => (string)r!["ruleId"]! == "r-4.3-p2-s1")!;
        Assert.EndsWith("sma-aav9-infants.docx", (string)stopping["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
    }

    [Fact]
    public void Trace_of_the_word_protocol_has_the_markdown_rows_in_csv_markdown_html_and_xlsx()
    {
        // Clause, requirement, modality and status; the section column carries line numbers, which differ.
        static List<string> Rows(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => string.Join(",", l.Split(',').Take(3)) + " " + Regex.Match(l, ",\"?(addressed|missing|waived)\\b").Groups[1].Value).ToList();
        CliRun markdownCsv = Trace(CheckTests.Sma, "--format", "csv");
        CliRun wordCsv = Trace(_docx, "--format", "csv");
        Assert.Equal(0, wordCsv.ExitCode);
        List<string> rows = Rows(wordCsv.Out);
        Assert.Equal(Rows(markdownCsv.Out), rows);
        Assert.Contains("4.3 ¶1,r-4.3-p1-s3,shall addressed", rows);
        Assert.Contains("4.3 ¶2,r-4.3-p2-s1,shall missing", rows);

        CliRun markdown = Trace(_docx, "--format", "markdown");
        Assert.Equal(rows.Count, markdown.Out.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 2);
        CliRun html = Trace(_docx, "--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html.Out);
        Assert.Contains("Heat map", html.Out);

        string path = _scratch.Path("matrix.xlsx");
        Assert.Equal(0, Trace(_docx, "-o", path).ExitCode);
        using SpreadsheetDocument xlsx = SpreadsheetDocument.Open(path, false);
        SharedStringTable? strings = xlsx.WorkbookPart!.SharedStringTablePart?.SharedStringTable;
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings!.ElementAt(int.Parse(c.InnerText)).InnerText : c.InnerText;
        var statuses = xlsx.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<Row>().Skip(1)
            .Select(r => Text(r.Elements<Cell>().ElementAt(6))).ToList();
        Assert.Equal(rows.Select(r => r[(r.LastIndexOf(' ') + 1)..]), statuses.Select(t => t.Split(':')[0]));
        Assert.Contains("waived", statuses.Select(t => t.Split(':')[0]));
    }

    [Fact]
    public void A_corrupt_docx_a_zip_that_is_not_word_and_a_binary_file_exit_2_naming_the_file()
    {
        File.WriteAllBytes(_scratch.Path("truncated.docx"), File.ReadAllBytes(_docx)[..400]);
        CliRun truncated = Check(_scratch.Path("truncated.docx"));
        Assert.Equal(2, truncated.ExitCode);
        Assert.Contains("truncated.docx", truncated.Error);
        Assert.Contains("corrupt or unsupported .docx", truncated.Error);

        using (ZipArchive zip = ZipFile.Open(_scratch.Path("notes.docx"), ZipArchiveMode.Create))
            using (var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open())) writer.Write("not a Word document");
        foreach ((string command, string format) in new[] { ("check", "json"), ("trace", "csv") })
        {
            CliRun notWord = Gg.Run([command, "--ontology", CheckTests.Ontology, _scratch.Path("notes.docx"), "--format", format]);
            Assert.Equal(2, notWord.ExitCode);
            Assert.Contains("notes.docx: not a Word document (no main document part)", notWord.Error);
        }

        File.Copy(_docx, _scratch.Path("renamed.md"));
        CliRun renamed = Check(_scratch.Path("renamed.md"));
        Assert.Equal(2, renamed.ExitCode);
        Assert.Contains("renamed.md", renamed.Error);
        Assert.Contains("binary file (a ZIP package, perhaps a .docx with another extension)", renamed.Error);
        Assert.Equal("", renamed.Out);
    }
}
