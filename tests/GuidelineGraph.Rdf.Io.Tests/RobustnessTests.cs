using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Testing;

namespace GuidelineGraph.Rdf.Io.Tests;

/// <summary>
/// Bad input gives quads or a positioned <see cref="SyntaxError"/>, never another exception, a hang or
/// runaway memory. A cancellation token guards against hangs (it would surface as a failure, not a pass).
/// </summary>
public sealed class RobustnessTests
{
    private const int Seed = 20261125;

    private static readonly Lazy<List<(string Path, RdfFormat Format, byte[] Bytes)>> W3cInputs = new(() =>
    {
        var inputs = new List<(string, RdfFormat, byte[])>();
        foreach (var suite in new[] { "rdf-n-triples", "rdf-n-quads", "rdf-turtle", "rdf-trig" })
            foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.W3c, "rdf", "rdf11", suite)).Order(StringComparer.Ordinal))
                if (RdfFormats.FromExtension(path) is { } format)
                    inputs.Add((path, format, File.ReadAllBytes(path)));
        return inputs;
    });

    private static void AssertCleanRead(byte[] bytes, RdfFormat format)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var options = new RdfReadOptions { Format = format, BaseIri = "http://example.org/base/" };
        try
        {
            long count = 0;
            foreach (var _ in RdfReader.Read(new MemoryStream(bytes), options, guard.Token)) count++;
            Assert.True(count <= 2L * bytes.Length + 16, "quads out of proportion to the input");
        }
        catch (RdfSyntaxException e)
        {
            AssertPositioned(e.Error, bytes.Length);
        }
        var doc = RdfReader.ReadDocument(Encoding.UTF8.GetString(bytes), options with { Recover = true, MaxErrors = 20 }, guard.Token);
        Assert.True(doc.Errors.Count <= 20);
        Assert.True(doc.Quads.Count <= 2L * bytes.Length + 16, "quads out of proportion to the input");
        foreach (var e in doc.Errors) AssertPositioned(e, bytes.Length);
    }

    private static void AssertPositioned(SyntaxError e, long inputLength)
    {
        Assert.True(e.Start.Line >= 1 && e.Start.Column >= 1, $"no position: {e}");
        Assert.InRange(e.Start.Offset, 0, inputLength);
        Assert.True(e.End.Offset >= e.Start.Offset, $"range ends before it starts: {e}");
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void MutatedW3cInputsReadCleanly()
    {
        var random = new Random(Seed);
        int cases = 0;
        foreach (var (_, format, original) in W3cInputs.Value)
        {
            for (int i = 0; i < 6; i++)
            {
                AssertCleanRead(Mutate(original, random), format);
                cases++;
            }
        }
        Assert.True(cases > 3000, $"only {cases} mutated inputs");
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        int edits = 1 + random.Next(3);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.RemoveRange(at, bytes.Count - at); break;
                case 2: bytes.Insert(at, (byte)"<>\"'[](){}.;,:_@^#\\\n"[random.Next(20)]); break;
                case 3 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8))); break;
                default: bytes.Insert(at, (byte)random.Next(256)); break;
            }
        }
        return bytes.ToArray();
    }

    [Fact]
    public void RandomBytesReadCleanly()
    {
        var random = new Random(Seed);
        foreach (var format in Enum.GetValues<RdfFormat>())
            for (int i = 0; i < 100; i++)
            {
                var bytes = new byte[random.Next(1, 3000)];
                random.NextBytes(bytes);
                AssertCleanRead(bytes, format);
            }
    }

    [Fact]
    public void TruncatedW3cInputsReadCleanly()
    {
        foreach (var (_, format, original) in W3cInputs.Value)
            for (int cut = 1; cut < original.Length; cut += Math.Max(1, original.Length / 7))
                AssertCleanRead(original[..cut], format);
    }

    [Fact]
    public void InvalidUtf8IsAPositionedError()
    {
        var bytes = Encoding.UTF8.GetBytes("<http://a> <http://b> <http://c> .\n<http://a> <http://b> \"caf").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\" .\n")).ToArray();
        foreach (var format in Enum.GetValues<RdfFormat>())
        {
            var quads = new List<Quad>();
            var e = Assert.Throws<RdfSyntaxException>(() =>
            {
                foreach (var q in RdfReader.Read(new MemoryStream(bytes), new RdfReadOptions { Format = format })) quads.Add(q);
            });
            Assert.Single(quads);
            Assert.Equal(new TextPosition(2, 27, 61), e.Error.Start);
            Assert.Contains("UTF-8", e.Error.Message);
        }
    }

    [Fact]
    public void ATruncatedUtf8SequenceAtTheEndIsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes("<http://a> <http://b> <http://c> . # caf").Append((byte)0xC3).ToArray();
        var e = Assert.Throws<RdfSyntaxException>(() => RdfReader.Read(new MemoryStream(bytes), new RdfReadOptions { Format = RdfFormat.Turtle }).Count());
        Assert.Contains("UTF-8", e.Error.Message);
    }

    [Fact]
    public void TenMegabyteLiteralOnOneLineIsRead()
    {
        var text = "<http://s> <http://p> \"" + new string('x', 10_000_000) + "\" .";
        var quads = RdfReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), new RdfReadOptions { Format = RdfFormat.NTriples }).ToList();
        Assert.Equal(10_000_000, ((Literal)Assert.Single(quads).Object).Lexical.Length);
    }

    [Fact]
    public void TenMegabytesOfStatementsOnOneLineAreRead()
    {
        const string statement = "<http://s> <http://p> <http://o> . ";
        int n = 10_000_000 / statement.Length;
        var text = new StringBuilder(statement.Length * n).Insert(0, statement, n).ToString();
        Assert.Equal(n, RdfReader.Read(new StringReader(text), new RdfReadOptions { Format = RdfFormat.Turtle }).Count());
    }

    [Fact]
    public void TenMegabyteUnterminatedTokensFailCleanly()
    {
        foreach (var start in new[] { "<http://s> <http://p> <http://", "<http://s> <http://p> \"", "<http://s> <http://p> \"\"\"", "# " })
        {
            var text = start + new string('x', 10_000_000);
            var doc = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.Turtle, Recover = true });
            if (start == "# ") Assert.Empty(doc.Errors);
            else Assert.Equal(1, Assert.Single(doc.Errors).Start.Line);
        }
    }

    [Theory]
    [InlineData(RdfFormat.Turtle, "<http://s> <http://p> ", "(", ")", " .")]
    [InlineData(RdfFormat.Turtle, "<http://s> <http://p> ", "[ <http://p> ", "]", " .")]
    [InlineData(RdfFormat.TriG, "<http://g> { <http://s> <http://p> ", "( [ <http://q> ", "] )", " }")]
    public void HundredThousandDeepNestingIsAnErrorNotAStackOverflow(RdfFormat format, string head, string open, string close, string tail)
    {
        var text = new StringBuilder(head);
        for (int i = 0; i < 100_000; i++) text.Append(open);
        for (int i = 0; i < 100_000; i++) text.Append(close);
        text.Append(tail);
        var doc = RdfReader.ReadDocument(text.ToString(), new RdfReadOptions { Format = format, Recover = true });
        var error = Assert.Single(doc.Errors);
        Assert.Contains("nesting too deep", error.Message);
        Assert.Empty(doc.Quads);
    }

    [Fact]
    public void NestingBelowTheLimitIsRead()
    {
        const int depth = 200;
        var text = "<http://s> <http://p> " + string.Concat(Enumerable.Repeat("[ <http://p> ", depth)) + "<http://o>" + new string(']', depth) + " .";
        var quads = RdfReader.ReadDocument(text, new RdfReadOptions { Format = RdfFormat.Turtle }).Quads;
        Assert.Equal(depth + 1, quads.Count);
    }

    /// <summary>A stream handing out one byte per read, to put every token across buffer boundaries.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }

    /// <summary>A reader handing out one char per read.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;
        public override int Read(char[] buffer, int index, int count)
        {
            if (_position == text.Length || count == 0) return 0;
            buffer[index] = text[_position++];
            return 1;
        }
        public override int Read(Span<char> buffer)
        {
            if (_position == text.Length || buffer.Length == 0) return 0;
            buffer[0] = text[_position++];
            return 1;
        }
    }

    [Fact]
    public void ReadsInTinyChunksGiveTheSameResult()
    {
        foreach (var (path, format, bytes) in W3cInputs.Value)
        {
            var options = new RdfReadOptions { Format = format, BaseIri = "http://example.org/base/" };
            var whole = Outcome(() => RdfReader.Read(new MemoryStream(bytes), options));
            Assert.Equal(whole, Outcome(() => RdfReader.Read(new TrickleStream(bytes), options)));
            Assert.Equal(whole, Outcome(() => RdfReader.Read(new TrickleReader(Encoding.UTF8.GetString(bytes)), options)));
        }
    }

    /// <summary>The quads (blank nodes by label) or the error, as text.</summary>
    private static string Outcome(Func<IEnumerable<Quad>> read)
    {
        try
        {
            return string.Join("\n", read().Select(q => q.ToString()).Where(s => !s.Contains("_:anon", StringComparison.Ordinal)));
        }
        catch (RdfSyntaxException e)
        {
            return "error " + e.Error;
        }
    }
}
