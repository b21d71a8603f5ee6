using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Sparql.Syntax.Tests;

/// <summary>No input makes the parser throw, hang or overflow the stack.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void EveryPrefixOfEveryW3cSyntaxFileParsesWithoutException()
    {
        var dir = Path.Combine(TestPaths.W3c, "sparql");
        var files = Directory.EnumerateFiles(dir, "*.rq", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(dir, "*.ru", SearchOption.AllDirectories))
            .Where(f => f.Contains("syntax", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 300);
        int errors = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // Every prefix of small files; an evenly spread 500 of the one large request.
            int step = Math.Max(1, text.Length / 500);
            for (int length = 0; length <= text.Length; length += step)
            {
                var prefix = text[..length];
                var query = SparqlParser.ParseQuery(prefix);
                var update = SparqlParser.ParseUpdate(prefix);
                if (!query.Success) errors++;
                if (query.Success) Assert.NotNull(Sse.Write(query.Value!));
                if (update.Success) Assert.NotNull(Sse.Write(update.Value!));
            }
        }
        Assert.True(errors > 0);
    }

    [Fact]
    public void MutatedW3cQueriesParseWithoutException()
    {
        // Deterministic mutations (delete, duplicate, replace with a SPARQL-significant character) of every query.
        const string alphabet = "{}()[]<>\"'?$_:.;,*/+-!^|&=@#\\aAeE0 \n";
        var random = new Random(20261125);
        var dir = Path.Combine(TestPaths.W3c, "sparql");
        int parsed = 0;
        foreach (var file in Directory.EnumerateFiles(dir, "*.r?", SearchOption.AllDirectories).Where(f => f.Length < 20_000))
        {
            var text = File.ReadAllText(file);
            if (text.Length == 0 || text.Length > 4000) continue;
            for (int i = 0; i < 20; i++)
            {
                int at = random.Next(text.Length);
                var mutated = random.Next(3) switch
                {
                    0 => text.Remove(at, 1),
                    1 => text.Insert(at, text[at].ToString()),
                    _ => text.Remove(at, 1).Insert(at, alphabet[random.Next(alphabet.Length)].ToString()),
                };
                var query = SparqlParser.ParseQuery(mutated);
                var update = SparqlParser.ParseUpdate(mutated);
                if (query.Success) Assert.NotNull(Sse.Write(query.Value!));
                if (update.Success) Assert.NotNull(Sse.Write(update.Value!));
                parsed++;
            }
        }
        Assert.True(parsed > 15_000, $"{parsed} mutations");
    }

    [Theory]
    [InlineData("SELECT * { FILTER(", "(", ")) }")]
    [InlineData("SELECT * {", "{", "}")]
    [InlineData("SELECT * { ?s ?p ", "(", ") }")]
    [InlineData("SELECT * { ?s ?p ", "[ <p> ", "] }")]
    [InlineData("SELECT * { ?s ", "(", "<p>) ?o }")]
    public void DeepNestingIsAnErrorNotACrash(string head, string open, string close)
    {
        const int levels = 100_000;
        var text = head + string.Concat(Enumerable.Repeat(open, levels)) + "1" + string.Concat(Enumerable.Repeat(close, levels));
        var result = SparqlParser.ParseQuery(text);
        Assert.False(result.Success);
        Assert.Contains("levels deep", result.Error!.Message);
    }

    [Fact]
    public void LongChainsAreErrorsPastTheLimit()
    {
        var text = "SELECT * { FILTER(?x" + string.Concat(Enumerable.Repeat(" || ?x", 50_000)) + ") }";
        Assert.Contains("levels deep", SparqlParser.ParseQuery(text).Error!.Message);
    }

    [Fact]
    public void ChainsUpToTheLimitTranslateAndPrintOnASmallStack()
    {
        // Just under the limit, in every chained form, on a 1 MiB stack (smaller than any default).
        int n = Parsing.Parser.MaxDepth / 2 - 10;
        string Repeat(string s) => string.Concat(Enumerable.Repeat(s, n));
        var text = "PREFIX : <http://example/> SELECT * { ?a :p" + Repeat("/:p") + " ?b " + Repeat("{ ?a :q ?c } UNION ") + "{} "
            + "FILTER(1" + Repeat(" + 1") + " > 0) }";
        string? sse = null;
        var thread = new Thread(() =>
        {
            var result = SparqlParser.ParseQuery(text);
            if (result.Success) sse = Sse.Write(result.Value!);
            else sse = result.Error!.ToString();
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.NotNull(sse);
        Assert.StartsWith("(project (?a ?b ?c)", sse);
    }
}
