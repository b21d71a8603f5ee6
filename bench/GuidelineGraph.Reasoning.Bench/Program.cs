using System.Diagnostics;
using System.Globalization;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.Bench;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.RuleSets;

// Side-by-side runner used by bench/reasoner-vs-jena.sh:
//   lubm RULES_DIR OUT_DIR TRIPLES REPS   writes OUT_DIR/lubm.nt, rules.jena, ours.nt; prints one line per run
//   profile ONTOLOGY_DIR REPS             profile inference and one-feature re-inference on the seed guideline
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return args.FirstOrDefault() switch
{
    "lubm" when args.Length == 5 => Lubm(args[1], args[2], int.Parse(args[3]), int.Parse(args[4])),
    "profile" when args.Length == 3 => Profile(args[1], int.Parse(args[2])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: lubm RULES_DIR OUT_DIR TRIPLES REPS | profile ONTOLOGY_DIR REPS");
    return 2;
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
    var graph = new List<Triple>();
    foreach (var path in Directory.GetFiles(Path.GetFullPath(ontologyDir), "*.ttl", SearchOption.AllDirectories).Order())
    {
        var doc = RdfReader.ReadDocument(File.ReadAllText(path), new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri });
        foreach (var e in doc.Errors) Console.Error.WriteLine($"{path}:{e}");
        graph.AddRange(doc.Quads.Select(q => q.Triple));
    }
    if (!GuidelineRuleCompiler.TryCreateLayers(Path.Combine(ontologyDir, "rules"), graph, out var layers, out var errors, out var problems))
    {
        foreach (var e in errors) Console.Error.WriteLine(e);
        return 2;
    }
    foreach (var p in problems) Console.Error.WriteLine("warning: " + p);
    var clock = Stopwatch.StartNew();
    var model = new Materialization(layers, graph);
    Console.WriteLine($"ontology input={graph.Count} closure={model.Count} derivations={model.DerivationCount} guideline_rules={layers[1].Rules.Length} materialise_ms={clock.Elapsed.TotalMilliseconds:F1}");

    const string Ggf = "https://w3id.org/guidelinegraph/feature/";
    var profile = new Iri("urn:gg:bench:profile");
    Triple Has(string f) => new(profile, GuidelineTerms.HasFeature, new Iri(Ggf + f));
    Triple[] facts = [new(profile, Vocab.Rdf.Type, GuidelineTerms.TrialProfile), Has("aav9"), Has("intravenous"), Has("infants"), Has("rare-disease"), Has("first-in-human")];
    var infer = new List<double>();
    var change = new List<double>();
    int required = 0;
    for (int r = 0; r < reps; r++)
    {
        var added = model.Add(facts);
        infer.Add(added.Elapsed.TotalMilliseconds);
        required = model.Match(profile, GuidelineTerms.Requires, null).Count();
        // One-feature change: intravenous -> intrathecal, and back.
        var swap1 = model.Remove([Has("intravenous")]).Elapsed + model.Add([Has("intrathecal")]).Elapsed;
        var swap2 = model.Remove([Has("intrathecal")]).Elapsed + model.Add([Has("intravenous")]).Elapsed;
        change.Add(swap1.TotalMilliseconds);
        change.Add(swap2.TotalMilliseconds);
        model.Remove(facts);
    }
    static double Median(List<double> xs) { var s = xs.Order().ToList(); return s[s.Count / 2]; }
    Console.WriteLine($"profile features=5 requires={required} infer_cold_ms={infer[0]:F2} infer_warm_median_ms={Median(infer.Skip(1).ToList()):F3}");
    Console.WriteLine($"profile one_feature_change_warm_median_ms={Median(change.Skip(2).ToList()):F3} (remove one feature + add another)");
    return 0;
}
