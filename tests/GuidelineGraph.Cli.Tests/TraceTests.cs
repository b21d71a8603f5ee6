using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GuidelineGraph.Cli.Tests;

/// <summary>gg trace over the SMA example: each format, and the atomic file output.</summary>
public sealed class TraceTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static CliRun Trace(params string[] args) => Gg.Run(["trace", "--ontology", CheckTests.Ontology, CheckTests.Sma, .. args]);

    [Fact]
    public void Csv_markdown_and_html_have_a_row_per_requirement_with_status_sections_and_evidence()
    {
        CliRun csv = Trace("--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        string[] lines = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Clause,Requirement,Modality,Quote (zh),Quote (en),Control,Status,Protocol sections,Evidence", lines[0]);
        string staggered = Assert.Single(lines, l => l.StartsWith("4.3 ¶1,r-4.3-p1-s3,shall,", StringComparison.Ordinal));
        Assert.Contains(",addressed,4.1 Description of Trial Design (line 46),", staggered);

        CliRun markdown = Trace("--format", "markdown");
        Assert.Contains("| Clause | Requirement | Modality |", markdown.Out);
        Assert.Equal(lines.Length - 1, markdown.Out.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 2);

        CliRun html = Trace("--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html.Out);
        Assert.Contains("Heat map", html.Out);
        Assert.DoesNotContain("<script", html.Out);
        Assert.DoesNotContain("<link", html.Out);
    }

    [Fact]
    public void Xlsx_has_a_frozen_header_an_autofilter_and_status_fills()
    {
        string path = _scratch.Path("matrix.xlsx");
        CliRun run = Trace("-o", path);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Wrote", run.Error);
        using SpreadsheetDocument document = SpreadsheetDocument.Open(path, false);
        Worksheet sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Pane pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.StartsWith("A1:I", sheet.Descendants<AutoFilter>().Single().Reference!.Value);
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal("Clause", rows[0].Elements<Cell>().First().InnerText);
        // Status is column G; addressed and missing rows get different fills.
        var statusStyles = rows.Skip(1).Select(r => (r.Elements<Cell>().ElementAt(6).InnerText, r.Elements<Cell>().ElementAt(6).StyleIndex!.Value)).ToList();
        uint addressed = statusStyles.First(s => s.InnerText == "addressed").Value;
        uint missing = statusStyles.First(s => s.InnerText == "missing").Value;
        Assert.NotEqual(addressed, missing);
        Assert.All(statusStyles.Where(s => s.InnerText == "missing"), s => Assert.Equal(missing, s.Value));
    }

    [Fact]
    public void Usage_errors_exit_2_and_a_failed_run_leaves_the_old_output()
    {
        Assert.Equal(2, Trace().ExitCode); // no format and no -o
        Assert.Equal(2, Trace("--format", "xlsx").ExitCode); // binary to stdout
        string old = _scratch.Write("matrix.csv", "old content");
        CliRun bad = Gg.Run("trace", "--ontology", CheckTests.Ontology, _scratch.Write("bad.md", "x\0y"), "-o", old);
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("old content", File.ReadAllText(old));
    }
}
