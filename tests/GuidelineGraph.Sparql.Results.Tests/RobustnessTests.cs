namespace GuidelineGraph.Sparql.Results.Tests;

/// <summary>No input, however broken, makes a reader throw: every failure is a positioned error value.</summary>
public class RobustnessTests
{
    [Theory]
    [InlineData("sparql11/json-res/jsonres02.srj")]
    [InlineData("sparql11/functions/concat02.srx")]
    [InlineData("sparql11/csv-tsv-res/csvtsv03.tsv")]
    [InlineData("sparql11/csv-tsv-res/csvtsv03.csv")]
    public void MutatedInputsGiveValuesNotExceptions(string relative)
    {
        var path = ConformanceFiles.PathOf(relative);
        var format = QueryResultsFormats.FromExtension(path)!.Value;
        var original = File.ReadAllBytes(path);
        var random = new Random(20261125);
        int failures = 0;
        for (int round = 0; round < 300; round++)
        {
            var bytes = Mutate(original, random, round);
            var parse = QueryResultsReader.Read(new MemoryStream(bytes), format);
            if (!parse.Success)
            {
                failures++;
                Assert.True(parse.Error!.Start.Line >= 1 && parse.Error.Start.Column >= 1, parse.Error.ToString());
            }
        }
        // Most mutations must be caught; CSV accepts almost anything, so only structure-bearing formats are held to it.
        if (format != QueryResultsFormat.Csv) Assert.True(failures > 100, $"only {failures} of 300 mutations were rejected");
    }

    private static byte[] Mutate(byte[] original, Random random, int round)
    {
        switch (round % 3)
        {
            case 0:
                return original[..random.Next(original.Length)];
            case 1:
                var copy = (byte[])original.Clone();
                for (int k = 0; k < 3; k++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            default:
                int at = random.Next(original.Length);
                byte[] junk = [(byte)'"', (byte)'<', (byte)'{', (byte)'\t', (byte)'\n', 0xC3, 0xFF, (byte)'\\'];
                return [.. original[..at], junk[random.Next(junk.Length)], .. original[at..]];
        }
    }

    [Fact]
    public void XmlKeepsWhitespaceOnlyLiterals()
    {
        var r = QueryResultsReader.Read("<sparql xmlns='http://www.w3.org/2005/sparql-results#'><head><variable name='x'/></head><results><result><binding name='x'><literal> </literal></binding></result><result><binding name='x'><literal/></binding></result></results></sparql>", QueryResultsFormat.Xml);
        Assert.True(r.Success, r.Error?.ToString());
        Assert.Equal(new GuidelineGraph.Rdf.Literal(" "), r.Results!.Rows[0][0]);
        Assert.Equal(new GuidelineGraph.Rdf.Literal(""), r.Results.Rows[1][0]);
    }

    [Fact]
    public void EmptyInputIsAnError()
    {
        foreach (var format in Enum.GetValues<QueryResultsFormat>())
        {
            var parse = QueryResultsReader.Read("", format);
            Assert.False(parse.Success, format.ToString());
        }
    }
}
