using BenchmarkDotNet.Attributes;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;

namespace GuidelineGraph.Reasoning.Bench;

/// <summary>
/// The profile API on the seed ontology, warm: one profile's whole inference (features, requirements, every
/// derivation), and the re-inference after a one-feature change in a session (DRed), as the language server uses it.
/// </summary>
[MemoryDiagnoser]
[InProcess] // in the runner's own process, so it runs wherever the build put it (no boilerplate project to build)
[WarmupCount(5)]
[IterationCount(15)]
public class ProfileBenchmarks
{
    private static readonly string[] Profile = ["aav9", "intravenous", "infants", "rare-disease", "first-in-human"];
    private ProfileInference _inference = null!;
    private ProfileSession _session = null!;

    /// <summary>The ontology/ directory, from the environment (bench scripts) or the current checkout.</summary>
    public static string OntologyDirectory =>
        Environment.GetEnvironmentVariable("GG_ONTOLOGY") ?? OntologyLoader.Find(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("run from inside the checkout or set GG_ONTOLOGY");

    [GlobalSetup]
    public void Setup()
    {
        _inference = ProfileInference.Create(OntologyLoader.Load(OntologyDirectory));
        _session = _inference.StartSession(Profile);
        _inference.Infer(Profile);
    }

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark(Description = "infer one profile (5 features), warm")]
    public int Infer() => _inference.Infer(Profile).Requirements.Count;

    /// <summary>Adds one feature and reads the new result, then takes it away and reads again: two one-feature changes.</summary>
    [Benchmark(Description = "one-feature change + result, x2 (add intrathecal, remove it)", OperationsPerInvoke = 2)]
    public int OneFeatureChange()
    {
        _session.Add("intrathecal");
        int n = _session.Result.Requirements.Count;
        _session.Remove("intrathecal");
        return n + _session.Result.Requirements.Count;
    }

    /// <summary>The reasoner's part of a one-feature change alone (no result read).</summary>
    [Benchmark(Description = "one-feature change, reasoner only, x2", OperationsPerInvoke = 2)]
    public int OneFeatureChangeReasonerOnly() =>
        _session.Add("intrathecal").AddedRequirements.Count + _session.Remove("intrathecal").RemovedRequirements.Count;
}
