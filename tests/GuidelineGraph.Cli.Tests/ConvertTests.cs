using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Cli.Tests;

public sealed class ConvertTests : IDisposable
{
    private readonly Scratch _files = new();
    public void Dispose() => _files.Dispose();

    private static HashSet<Quad> Read(string path, RdfFormat format)
    {
        using var stream = File.OpenRead(path);
        return RdfReader.Read(stream, new RdfReadOptions { Format = format }).ToHashSet();
    }

    [Theory]
    [InlineData("out.nt", "ntriples", RdfFormat.NTriples)]
    [InlineData("out.nq", "nquads", RdfFormat.NQuads)]
    [InlineData("out.ttl", "turtle", RdfFormat.Turtle)]
    [InlineData("out.trig", "trig", RdfFormat.TriG)]
    public void Turtle_converts_to_every_format_with_the_same_triples(string output, string to, RdfFormat format)
    {
        var run = Gg.Run("convert", _files.Path("good.ttl"), "--to", to, "-o", _files.Path(output));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var ex = (string s) => new Iri("http://ex.org/" + s);
        var expected = new HashSet<Quad>
        {
            new(ex("a"), ex("b"), ex("c")), new(ex("a"), ex("d"), new Literal("x", "en")),
            new(ex("a"), ex("d"), new Literal("y")), new(ex("e"), ex("f"), ex("a")),
        };
        Assert.True(expected.SetEquals(Read(_files.Path(output), format)));
        // the output and the three inputs, no temporary file left behind
        Assert.Equal(new[] { "bad.ttl", "good.ttl", "named.nq", output }.Order(), Directory.GetFiles(_files.Directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Turtle_output_keeps_the_input_prefixes()
    {
        var run = Gg.Run("convert", _files.Path("good.ttl"), "--to", "turtle");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("@prefix ex: <http://ex.org/>", run.Out);
        Assert.Contains("ex:a", run.Out);
    }

    [Fact]
    public void Named_graphs_to_a_triples_format_fail_and_leave_the_old_output()
    {
        var target = _files.Write("out.nt", "old content\n");
        var run = Gg.Run("convert", _files.Path("named.nq"), "--to", "ntriples", "-o", target);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("named graphs", run.Error);
        Assert.StartsWith(_files.Path("named.nq") + ": ", run.Error);
        Assert.Equal("old content\n", File.ReadAllText(target));
        Assert.Equal(4, Directory.GetFiles(_files.Directory).Length); // no temporary file left behind
    }

    [Fact]
    public void A_syntax_error_writes_no_output_file()
    {
        var target = _files.Path("never.nt");
        var run = Gg.Run("convert", _files.Path("bad.ttl"), "--to", "ntriples", "-o", target);
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(_files.Path("bad.ttl") + ":3:8: ", run.Error);
        Assert.False(File.Exists(target));
        Assert.Equal(3, Directory.GetFiles(_files.Directory).Length);
    }

    [Fact]
    public void Standard_input_to_standard_output_needs_from()
    {
        var text = File.ReadAllText(_files.Path("named.nq"));
        Assert.Equal(2, Gg.RunWithInput(text, "convert", "-", "--to", "trig").ExitCode);
        var run = Gg.RunWithInput(text, "convert", "-", "--from", "nquads", "--to", "nquads");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("<http://ex.org/a> <http://ex.org/b> \"y\" <http://ex.org/g2> .", lines);
    }

    [Fact]
    public void Base_option_resolves_relative_iris()
    {
        var input = _files.Write("rel.ttl", "<a> <b> <c> .\n");
        var run = Gg.Run("convert", input, "--base", "http://base.org/x/", "--to", "ntriples");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("<http://base.org/x/a> <http://base.org/x/b> <http://base.org/x/c> .", run.Out.Trim());
    }

    [Fact]
    public void Missing_to_is_a_usage_error()
    {
        var run = Gg.Run("convert", _files.Path("good.ttl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--to", run.Error);
    }
}
