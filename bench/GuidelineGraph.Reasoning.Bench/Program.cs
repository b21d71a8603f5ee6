using System.Diagnostics;
using System.Globalization;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Bench;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.RuleSets;

// Side-by-side runner used by bench/reasoner-vs-jena.sh:
//   lubm RULES_DIR OUT_DIR TRIPLES REPS   writes OUT_DIR/lubm.nt, rules.jena, ours.nt; prints one line per run
//   profile ONTOLOGY_DIR REPS             profile inference and one-feature re-inference on the seed guideline
// Anything else goes to BenchmarkDotNet (ProfileBenchmarks), e.g. -- --filter '*Profile*'
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return args.FirstOrDefault() switch
{
    "lubm" when args.Length == 5 => Lubm(args[1], args[2], int.Parse(args[3]), int.Parse(args[4])),
    "profile" when args.Length == 3 => Profile(args[1], int.Parse(args[2])),
    _ => BenchmarkSwitcher(args),
};

static int BenchmarkSwitcher(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(ProfileBenchmarks).Assembly).Run(args);
    return 0;
}

static int Lubm(string rulesDir, string outDir, int target, int reps)
{
    if (!RuleFiles.TryLoadOntologyClosure(rulesDir, out var program, out var errors))
    {
        foreach (var e in errors) Console.Error.WriteLine(e);
        return 2;
    }
    Directory.CreateDirectory(outDir);
    var data = LubmGenerator.Generate(target);
    File.WriteAllLines(Path.Combine(outDir, "lubm.nt"), data.Select(t => t.ToString()));
    File.WriteAllText(Path.Combine(outDir, "rules.jena"), JenaRuleWriter.Write(program.Rules));
    Materialization? model = null;
    for (int r = 0; r < reps; r++)
    {
        model = null;
        GC.Collect();
        var clock = Stopwatch.StartNew();
        model = new Materialization(program, data);
        clock.Stop();
        Console.WriteLine($"ours input={data.Count} triples={model.Count} derivations={model.DerivationCount} rounds={model.Initial.Rounds.Length} inferred_ms={clock.Elapsed.TotalMilliseconds:F1}");
    }
    foreach (var round in model!.Initial.Rounds)
        Console.WriteLine($"  round {round.Round}: recent={round.RecentFacts} matches={round.Matches} new_derivations={round.NewDerivations} new_facts={round.NewFacts}");
    File.WriteAllLines(Path.Combine(outDir, "ours.nt"), model.Facts.Select(t => t.ToString()));
    return 0;
}

static int Profile(string ontologyDir, int reps)
{
    var clock = Stopwatch.StartNew();
    var ontology = GuidelineGraph.Guidance.Ontology.OntologyLoader.Load(Path.GetFullPath(ontologyDir));
    foreach (var e in ontology.Errors) Console.Error.WriteLine(e);
    var inference = GuidelineGraph.Guidance.Profiles.ProfileInference.Create(ontology);
    Console.WriteLine($"ontology load_and_compile_ms={clock.Elapsed.TotalMilliseconds:F1} (parse, store, rules, first warm model)");

    string[] profile = ["aav9", "intravenous", "infants", "rare-disease", "first-in-human"];
    var infer = new List<double>();
    var change = new List<double>();
    int required = 0;
    using var session = inference.StartSession(profile);
    for (int r = 0; r < reps; r++)
    {
        clock.Restart();
        required = inference.Infer(profile).Requirements.Count;
        infer.Add(clock.Elapsed.TotalMilliseconds);
        // One-feature change and the new result: intrathecal in, then out again.
        clock.Restart();
        session.Add("intrathecal");
        _ = session.Result;
        change.Add(clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        session.Remove("intrathecal");
        _ = session.Result;
        change.Add(clock.Elapsed.TotalMilliseconds);
    }
    static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
    Console.WriteLine($"profile features=5 requirements={required} infer_first_ms={infer[0]:F2} infer_warm_median_ms={Median(infer.Skip(1).ToList()):F3}");
    Console.WriteLine($"profile one_feature_change_with_result_warm_median_ms={Median(change.Skip(2).ToList()):F3}");
    return 0;
}
