using System.Text.Json;

namespace GuidelineGraph.Cli.Tests;

public sealed class StatsTests : IDisposable
{
    private readonly Scratch _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void Json_reports_each_file_and_the_totals()
    {
        var run = Gg.Run("stats", _files.Path("good.ttl"), _files.Path("named.nq"), "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var files = doc.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        var good = files[0];
        Assert.Equal(_files.Path("good.ttl"), good.GetProperty("file").GetString());
        Assert.Equal("turtle", good.GetProperty("format").GetString());
        Assert.Equal(4, good.GetProperty("triples").GetInt64());
        Assert.Equal(4, good.GetProperty("quads").GetInt64());
        Assert.Equal(0, good.GetProperty("graphs").GetInt32());
        Assert.Equal(JsonValueKind.Null, good.GetProperty("error").ValueKind);
        var named = files[1];
        Assert.Equal("nquads", named.GetProperty("format").GetString());
        Assert.Equal(1, named.GetProperty("triples").GetInt64());
        Assert.Equal(4, named.GetProperty("quads").GetInt64());
        Assert.Equal(2, named.GetProperty("graphs").GetInt32());
        var totals = doc.RootElement.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("files").GetInt32());
        Assert.Equal(5, totals.GetProperty("triples").GetInt64());
        Assert.Equal(8, totals.GetProperty("quads").GetInt64());
        Assert.Equal(2, totals.GetProperty("graphs").GetInt32());
        Assert.Equal(0, totals.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_position_and_exit_code_1()
    {
        var run = Gg.Run("stats", _files.Path("good.ttl"), _files.Path("bad.ttl"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(_files.Path("bad.ttl") + ":3:8: ", line);
        using var doc = JsonDocument.Parse(run.Out);
        var error = doc.RootElement.GetProperty("files")[1].GetProperty("error");
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal(8, error.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(1, doc.RootElement.GetProperty("totals").GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_missing_file_is_an_input_error_without_position()
    {
        var missing = _files.Path("missing.ttl");
        var run = Gg.Run("stats", missing, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(missing + ": ", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var error = doc.RootElement.GetProperty("files")[0].GetProperty("error");
        Assert.Equal(JsonValueKind.Null, error.GetProperty("line").ValueKind);
    }

    [Fact]
    public void Table_lists_files_and_totals()
    {
        var run = Gg.Run("stats", _files.Path("named.nq"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("named.nq", run.Out);
        Assert.Contains("nquads", run.Out);
        Assert.Contains("total (1 files)", run.Out);
    }

    [Theory]
    [InlineData("stats")]                                  // FILE is required
    [InlineData("stats", "x.ttl", "--format", "xml")]      // not a stats format
    [InlineData("stats", "x.ttl", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("stats", "file.unknown")]                  // format not given by the extension
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = Gg.Run(args);
        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Error);
        Assert.Equal("", run.Out);
    }
}
