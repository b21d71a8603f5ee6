using System.Reflection;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Guidance.Tests.Profiles;

/// <summary>One profile inference over the real ontology, compiled once for the profile tests.</summary>
internal static class Inference
{
    public static string OntologyDirectory => typeof(Inference).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OntologyDirectory").Value!;

    public static string ProfilesDirectory => Path.GetFullPath(Path.Combine(OntologyDirectory, "..", "examples", "profiles"));

    private static readonly Lazy<ProfileInference> Lazy = new(() =>
    {
        LoadedOntology ontology = OntologyLoader.Load(OntologyDirectory);
        Assert.Empty(ontology.Errors);
        return ProfileInference.Create(ontology);
    });

    public static ProfileInference Instance => Lazy.Value;
}
