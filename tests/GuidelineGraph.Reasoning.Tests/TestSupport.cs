using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Tests;

internal static class TestSupport
{
    public const string Ex = "http://example.org/";

    public static Iri I(string local) => new(local.Contains(':') && !local.StartsWith("ex:") ? Expand(local) : Ex + local.Replace("ex:", ""));

    private static string Expand(string name)
    {
        var (prefix, local) = (name[..name.IndexOf(':')], name[(name.IndexOf(':') + 1)..]);
        return prefix switch
        {
            "rdf" => Vocab.Rdf.Namespace,
            "rdfs" => Vocab.Rdfs.Namespace,
            "owl" => Vocab.Owl.Namespace,
            "skos" => Vocab.Skos.Namespace,
            _ => throw new ArgumentException(name),
        } + local;
    }

    /// <summary>A triple from three names: "ex:a" or "a" are example IRIs, "rdf:type" etc. are expanded.</summary>
    public static Triple T(string s, string p, string o) => new(I(s), I(p), I(o));

    public static RuleProgram Program(string rules, string name = "test")
    {
        var doc = RuleParser.Parse("PREFIX ex: <" + Ex + ">\n" + rules, "test.rules");
        Assert.True(doc.Succeeded, string.Join("\n", doc.Errors));
        Assert.True(RuleProgram.TryCreate(doc.Rules, out var program, out var errors, name), string.Join("\n", errors));
        return program;
    }

    /// <summary>The checkout the tests were built from (recorded at build time, since artifacts may live elsewhere).</summary>
    public static string RepositoryRoot() =>
        typeof(TestSupport).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string RulesDirectory => Path.Combine(RepositoryRoot(), "ontology", "rules");

    public static HashSet<string> Lines(IEnumerable<Triple> triples) => [.. triples.Select(t => t.ToString())];
}
