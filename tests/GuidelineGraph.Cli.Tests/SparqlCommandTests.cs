using System.Text.Json;

namespace GuidelineGraph.Cli.Tests;

public sealed class SparqlCommandTests : IDisposable
{
    private readonly Scratch _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void SelectPrintsATable()
    {
        var r = Gg.Run("query", "--data", _files.Path("good.ttl"), "-e", "SELECT ?o WHERE { <http://ex.org/a> <http://ex.org/b> ?o }");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("?o", r.Out);
        Assert.Contains("<http://ex.org/c>", r.Out);
        Assert.Contains("(1 row)", r.Out);
    }

    [Fact]
    public void NamedGraphsAndJson()
    {
        var data = _files.Write("g.ttl", "<http://ex.org/s> <http://ex.org/p> \"v\" .\n");
        var r = Gg.Run("query", "--graph", "http://ex.org/g=" + data, "--format", "json",
            "-e", "SELECT ?g ?v WHERE { GRAPH ?g { ?s ?p ?v } }");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        var binding = json.RootElement.GetProperty("results").GetProperty("bindings")[0];
        Assert.Equal("http://ex.org/g", binding.GetProperty("g").GetProperty("value").GetString());
        Assert.Equal("v", binding.GetProperty("v").GetProperty("value").GetString());
    }

    [Fact]
    public void TimingsAreJsonLinesOnStderr()
    {
        var r = Gg.Run("query", "--data", _files.Path("good.ttl"), "-e", "SELECT * WHERE { ?s ?p ?o }", "--repeat", "2", "--timings", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("load", lines[0].GetProperty("phase").GetString());
        Assert.Equal(2, lines[2].GetProperty("run").GetInt32());
        Assert.Equal(4, lines[2].GetProperty("rows").GetInt32());
    }

    [Fact]
    public void ExplainShowsPlanWithActualRows()
    {
        var r = Gg.Run("query", "--data", _files.Path("good.ttl"), "--explain",
            "-e", "SELECT ?x WHERE { ?x <http://ex.org/f> ?y . ?y <http://ex.org/b> ?z }");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Algebra:", r.Out);
        Assert.Contains("(bgp", r.Out);
        Assert.Contains("actual 1 rows", r.Out);
    }

    [Fact]
    public void ParseOnlyReportsThePositionOfTheFirstError()
    {
        var query = _files.Write("bad.rq", "SELECT ?x\nWHERE { ?x ?y }\n");
        var r = Gg.Run("query", "--query", query, "--parse-only");
        Assert.Equal(1, r.ExitCode);
        Assert.Matches(@"bad\.rq:2:\d+: ", r.Error);
        var ok = Gg.Run("query", "-e", "ASK {}", "--parse-only");
        Assert.Equal(0, ok.ExitCode);
    }

    [Fact]
    public void ParseOnlyPrintsTheFirstErrorAndCountsTheOthers()
    {
        var query = _files.Write("two.rq", "SELECT * {\n  ?s ?p .\n  ?a ?b .\n}\n");
        var r = Gg.Run("query", "--query", query, "--parse-only");
        Assert.Equal(1, r.ExitCode);
        Assert.EndsWith("two.rq:2:9: expected a variable or an RDF term, found '.' (1 more syntax error)", r.Error.Trim());
    }

    [Fact]
    public void QueryNeedsExactlyOneQuerySource()
    {
        Assert.Equal(2, Gg.Run("query", "--data", _files.Path("good.ttl")).ExitCode);
        Assert.Equal(2, Gg.Run("query", "-e", "CONSTRUCT WHERE { ?s ?p ?o }", "--format", "csv").ExitCode);
    }

    [Fact]
    public void UpdateWritesTheResultingDatasetAtomically()
    {
        var request = _files.Write("u.ru", "PREFIX ex: <http://ex.org/>\nDELETE { ?s ex:d ?o } INSERT { GRAPH ex:g { ?s ex:e ?o } } WHERE { ?s ex:d ?o }\n");
        var output = _files.Path("out.nq");
        var r = Gg.Run("update", "--data", _files.Path("good.ttl"), "--update", request, "--out", output);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(4, lines.Length);
        Assert.Equal(2, lines.Count(l => l.EndsWith("<http://ex.org/g> .", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("<http://ex.org/d>", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedUpdateLeavesTheOutputAlone()
    {
        var request = _files.Write("bad.ru", "INSERT DATA { <http://ex.org/a> <http://ex.org/b> 1 } ; DROP GRAPH <http://ex.org/missing>\n");
        var output = _files.Write("kept.nq", "old\n");
        var r = Gg.Run("update", "--data", _files.Path("good.ttl"), "--update", request, "--out", output);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("does not exist", r.Error);
        Assert.Equal("old\n", File.ReadAllText(output));
    }
}
