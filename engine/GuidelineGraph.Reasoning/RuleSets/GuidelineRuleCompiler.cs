using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.RuleSets;

/// <summary>The gg: terms the guideline rules read and derive (core vocabulary plus the profile terms of ontology/rules/README.md).</summary>
public static class GuidelineTerms
{
    public const string Namespace = "https://w3id.org/guidelinegraph/ns#";
    public static readonly Iri Requirement = new(Namespace + "Requirement");
    public static readonly Iri Condition = new(Namespace + "Condition");
    public static readonly Iri Always = new(Namespace + "Always");
    public static readonly Iri AppliesWhen = new(Namespace + "appliesWhen");
    public static readonly Iri AllOf = new(Namespace + "allOf");
    public static readonly Iri AnyOf = new(Namespace + "anyOf");
    public static readonly Iri NoneOf = new(Namespace + "noneOf");
    public static readonly Iri FromClause = new(Namespace + "fromClause");
    public static readonly Iri ProfileFeature = new(Namespace + "ProfileFeature");
    /// <summary>A trial profile: <c>&lt;p&gt; a gg:TrialProfile ; gg:hasFeature ggf:… .</c></summary>
    public static readonly Iri TrialProfile = new(Namespace + "TrialProfile");
    public static readonly Iri HasFeature = new(Namespace + "hasFeature");
    /// <summary>Derived: the profile has the feature or a narrower one.</summary>
    public static readonly Iri HoldsFeature = new(Namespace + "holdsFeature");
    /// <summary>Derived: the requirement applies to the profile.</summary>
    public static readonly Iri Requires = new(Namespace + "requires");
    /// <summary>Derived: the profile satisfies a nested condition.</summary>
    public static readonly Iri Satisfies = new(Namespace + "satisfies");
    public static readonly Iri NeedsControl = new(Namespace + "needsControl");
    public static readonly Iri ExposedTo = new(Namespace + "exposedTo");
    public static readonly Iri MitigationFor = new(Namespace + "mitigationFor");
}

/// <summary>
/// Compiles every gg:Requirement's gg:appliesWhen into rules deriving <c>?p gg:requires &lt;requirement&gt;</c>,
/// each with the requirement's clause (gg:fromClause) as its source. A condition holds when all gg:allOf
/// members hold, one gg:anyOf member holds (when there are any) and no gg:noneOf member holds; so one rule is
/// made per anyOf member, allOf members become atoms and noneOf members negated atoms. A feature member is
/// <c>?p gg:holdsFeature f</c>; a nested condition gets its own rules deriving <c>?p gg:satisfies c</c>. When
/// nothing positive binds the profile (gg:Always, or only noneOf), the rule asks for <c>?p a gg:TrialProfile</c>.
/// Nothing about a particular guideline is in this code: it all comes from the graph.
/// </summary>
public static class GuidelineRuleCompiler
{
    public sealed record Result(ImmutableArray<Rule> Rules, ImmutableArray<string> Problems);

    public static Result Compile(IEnumerable<Triple> graph)
    {
        var outgoing = new Dictionary<Term, List<(Iri P, Term O)>>();
        foreach (var t in graph)
        {
            if (!outgoing.TryGetValue(t.Subject, out var list)) outgoing[t.Subject] = list = [];
            list.Add((t.Predicate, t.Object));
        }
        IEnumerable<Term> Values(Term s, Iri p) =>
            outgoing.TryGetValue(s, out var list) ? list.Where(x => x.P.Equals(p)).Select(x => x.O).Distinct().OrderBy(o => o) : [];
        bool IsCondition(Term t) => t.Equals(GuidelineTerms.Always) || Values(t, Vocab.Rdf.Type).Contains(GuidelineTerms.Condition)
            || Values(t, GuidelineTerms.AllOf).Any() || Values(t, GuidelineTerms.AnyOf).Any() || Values(t, GuidelineTerms.NoneOf).Any();

        var requirements = outgoing.Where(kv => kv.Value.Any(x => x.P.Equals(Vocab.Rdf.Type) && x.O.Equals(GuidelineTerms.Requirement))).Select(kv => kv.Key).OrderBy(t => t).ToList();
        var names = UniqueNames(requirements);
        var rules = new List<Rule>();
        var problems = new List<string>();
        var compiledConditions = new Dictionary<Term, string>();
        var profile = new Variable("p");
        var p = (RuleTerm)profile;

        // Alternatives of a condition: (positive atoms, negated atoms) per anyOf member.
        List<(List<Atom> Positive, List<Atom> Negated)> Alternatives(Term condition, Iri? source, string owner, HashSet<Term> path)
        {
            Atom Member(Term m)
            {
                if (!IsCondition(m))
                {
                    if (!Values(m, Vocab.Rdf.Type).Contains(GuidelineTerms.ProfileFeature))
                        problems.Add($"{owner}: condition member {m} is neither a gg:ProfileFeature nor a gg:Condition");
                    return new Atom(p, new Constant(GuidelineTerms.HoldsFeature), new Constant(m));
                }
                CompileNested(m, source, owner, path);
                return new Atom(p, new Constant(GuidelineTerms.Satisfies), new Constant(m));
            }
            var all = Values(condition, GuidelineTerms.AllOf).Select(Member).ToList();
            var none = Values(condition, GuidelineTerms.NoneOf).Select(Member).ToList();
            var any = Values(condition, GuidelineTerms.AnyOf).Select(Member).ToList();
            if (any.Count == 0) return [(all, none)];
            return [.. any.Select(a => (all.Append(a).ToList(), none))];
        }

        void CompileNested(Term condition, Iri? source, string owner, HashSet<Term> path)
        {
            if (compiledConditions.ContainsKey(condition)) return;
            if (!path.Add(condition)) { problems.Add($"{owner}: condition {condition} contains itself"); return; }
            var name = "satisfies " + (condition is Iri iri ? LocalName(iri.Value) : condition.ToString());
            compiledConditions[condition] = name;
            var alternatives = Alternatives(condition, source, owner, path);
            rules.AddRange(MakeRules(name, new Atom(p, new Constant(GuidelineTerms.Satisfies), new Constant(condition)), alternatives, source));
            path.Remove(condition);
        }

        IEnumerable<Rule> MakeRules(string name, Atom head, List<(List<Atom> Positive, List<Atom> Negated)> alternatives, Iri? source)
        {
            for (int k = 0; k < alternatives.Count; k++)
            {
                var (positive, negated) = alternatives[k];
                if (positive.Count == 0) positive = [new Atom(p, new Constant(Vocab.Rdf.Type), new Constant(GuidelineTerms.TrialProfile))];
                var id = alternatives.Count == 1 ? name : $"{name} #{k + 1}";
                yield return new Rule(new RuleId(id), head, [.. positive], [.. negated], []) { Source = source };
            }
        }

        foreach (var requirement in requirements)
        {
            var owner = requirement.ToString();
            var source = Values(requirement, GuidelineTerms.FromClause).OfType<Iri>().FirstOrDefault();
            if (source is null) problems.Add($"{owner}: no gg:fromClause, so its rules have no source clause");
            var conditions = Values(requirement, GuidelineTerms.AppliesWhen).ToList();
            if (conditions.Count == 0) { problems.Add($"{owner}: no gg:appliesWhen; it applies to no profile"); continue; }
            // Several conditions must all hold: combine their alternatives.
            List<(List<Atom> Positive, List<Atom> Negated)> alternatives = [([], [])];
            foreach (var condition in conditions)
            {
                var next = Alternatives(condition, source, owner, []);
                alternatives = [.. alternatives.SelectMany(a => next.Select(b => (a.Positive.Concat(b.Positive).ToList(), a.Negated.Concat(b.Negated).ToList())))];
            }
            var head = new Atom(p, new Constant(GuidelineTerms.Requires), new Constant(requirement));
            rules.AddRange(MakeRules("requires " + names[requirement], head, alternatives, source));
        }
        return new Result([.. rules], [.. problems]);
    }

    /// <summary>Local names, or whole IRIs where two requirements share one.</summary>
    private static Dictionary<Term, string> UniqueNames(List<Term> requirements)
    {
        var local = requirements.ToDictionary(r => r, r => r is Iri iri ? LocalName(iri.Value) : r.ToString());
        var clashes = local.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).SelectMany(g => g.Select(kv => kv.Key)).ToHashSet();
        return requirements.ToDictionary(r => r, r => clashes.Contains(r) ? r.ToString() : local[r]);
    }

    private static string LocalName(string iri)
    {
        int i = Math.Max(iri.LastIndexOf('/'), iri.LastIndexOf('#'));
        return i >= 0 && i < iri.Length - 1 ? iri[(i + 1)..] : iri;
    }

    /// <summary>
    /// The two layers for profile inference: the ontology closure (rdfs, owl2rl, skos rules), then guidance.rules
    /// with the rules compiled from the graph.
    /// </summary>
    public static bool TryCreateLayers(string rulesDirectory, IEnumerable<Triple> graph, out ImmutableArray<RuleProgram> layers,
        out ImmutableArray<RuleError> errors, out ImmutableArray<string> problems)
    {
        layers = [];
        problems = [];
        if (!RuleFiles.TryLoadOntologyClosure(rulesDirectory, out var closure, out errors)) return false;
        var doc = RuleParser.ParseFile(Path.Combine(rulesDirectory, "guidance.rules"));
        if (!doc.Succeeded) { errors = doc.Errors; return false; }
        var compiled = Compile(graph);
        problems = compiled.Problems;
        if (!RuleProgram.TryCreate(doc.Rules.Concat(compiled.Rules), out var guidance, out errors, "guidance")) return false;
        layers = [closure, guidance];
        return true;
    }
}
