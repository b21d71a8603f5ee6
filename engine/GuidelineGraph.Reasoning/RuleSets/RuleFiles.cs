using System.Collections.Immutable;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.RuleSets;

/// <summary>Loads rule files (ontology/rules/*.rules) into one checked, stratified program.</summary>
public static class RuleFiles
{
    /// <summary>The standard ontology closure: RDFS, the OWL 2 RL subset and SKOS hierarchy axioms.</summary>
    public static readonly ImmutableArray<string> OntologyClosure = ["rdfs.rules", "owl2rl.rules", "skos.rules"];

    public static bool TryLoad(IEnumerable<string> paths, out RuleProgram program, out ImmutableArray<RuleError> errors, string name = "rules")
    {
        var rules = new List<Rule>();
        var problems = new List<RuleError>();
        foreach (var path in paths)
        {
            var doc = RuleParser.ParseFile(path);
            rules.AddRange(doc.Rules);
            problems.AddRange(doc.Errors);
        }
        if (problems.Count > 0)
        {
            program = null!;
            errors = [.. problems];
            return false;
        }
        return RuleProgram.TryCreate(rules, out program, out errors, name);
    }

    /// <summary>The <see cref="OntologyClosure"/> files from a rules directory (ontology/rules).</summary>
    public static bool TryLoadOntologyClosure(string rulesDirectory, out RuleProgram program, out ImmutableArray<RuleError> errors) =>
        TryLoad(OntologyClosure.Select(f => Path.Combine(rulesDirectory, f)), out program, out errors, "ontology-closure");
}
