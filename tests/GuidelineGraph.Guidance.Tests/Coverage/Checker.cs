using System.Reflection;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Tests.Coverage;

/// <summary>One ProtocolChecker over the real ontology, shared by the coverage tests.</summary>
internal static class Checker
{
    private static string Metadata(string key) => typeof(Checker).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static readonly Lazy<ProtocolChecker> Lazy = new(() =>
    {
        string directory = Metadata("OntologyDirectory");
        LoadedOntology ontology = OntologyLoader.Load(directory);
        Assert.Empty(ontology.Errors);
        return new ProtocolChecker(ProfileInference.Create(ontology.Store, Path.Combine(directory, "rules")));
    });

    public static ProtocolChecker Instance => Lazy.Value;

    public static CheckReport Check(string markdown)
    {
        ProtocolReadResult read = MarkdownProtocolReader.Read(markdown, "p.md");
        Assert.Empty(read.Errors);
        return Instance.Check(read.Document!);
    }
}
