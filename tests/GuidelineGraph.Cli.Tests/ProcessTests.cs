using System.Text.Json;

namespace GuidelineGraph.Cli.Tests;

/// <summary>The same contract through a real process: exit codes, streams, file output.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly Scratch _files = new();
    public void Dispose() => _files.Dispose();

    [Fact]
    public void Stats_json_on_stdout_and_errors_on_stderr()
    {
        var run = Gg.Process("stats", _files.Path("named.nq"), _files.Path("bad.ttl"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(_files.Path("bad.ttl") + ":3:8: ", run.Error[..(_files.Path("bad.ttl").Length + 6)]);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(4, doc.RootElement.GetProperty("totals").GetProperty("quads").GetInt64());
    }

    [Fact]
    public void Command_line_errors_exit_2()
    {
        var run = Gg.Process("convert", _files.Path("good.ttl"), "--to", "rdfxml");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Convert_writes_the_output_file()
    {
        var target = _files.Path("out.nq");
        var run = Gg.Process("convert", _files.Path("named.nq"), "--to", "nquads", "-o", target);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, File.ReadAllLines(target).Length);
    }
}
