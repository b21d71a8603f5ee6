using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Rules;

/// <summary>
/// A checked, stratified set of rules. Rule r depends on rule q when q's head unifies with one of r's body
/// atoms (negatively when that atom is negated). Strata order the rules so that every negated atom only
/// matches facts of lower strata; a cycle through negation is an error naming the rules on it.
/// Because a head with a variable predicate (as in rdfs7) unifies with every atom, a program that mixes such
/// rules with negation usually cycles; stack those as separate programs (layers) of a <see cref="Evaluation.Materialization"/>.
/// </summary>
public sealed class RuleProgram
{
    /// <summary>Most positive atoms a rule may have (premise slots are packed into derivation links).</summary>
    public const int MaxPositiveAtoms = 16;

    private RuleProgram(string name, ImmutableArray<Rule> rules, ImmutableArray<ImmutableArray<int>> strata, ImmutableArray<int> stratumOf)
    {
        Name = name;
        Rules = rules;
        Strata = strata;
        StratumOf = stratumOf;
    }

    public string Name { get; }
    public ImmutableArray<Rule> Rules { get; }
    /// <summary>Rule indexes per stratum, lowest first.</summary>
    public ImmutableArray<ImmutableArray<int>> Strata { get; }
    public ImmutableArray<int> StratumOf { get; }

    public static bool TryCreate(IEnumerable<Rule> rules, out RuleProgram program, out ImmutableArray<RuleError> errors, string name = "rules")
    {
        var list = rules.ToImmutableArray();
        var problems = new List<RuleError>();
        var ids = new HashSet<string>();
        foreach (var rule in list)
        {
            if (!ids.Add(rule.Id.Value)) problems.Add(new RuleError(rule.Span, $"duplicate rule id '{rule.Id}'"));
            Validate(rule, problems);
        }
        program = null!;
        if (problems.Count == 0)
        {
            var (strata, stratumOf) = Stratify(list, problems);
            if (problems.Count == 0) program = new RuleProgram(name, list, strata, stratumOf);
        }
        errors = [.. problems];
        return problems.Count == 0;
    }

    private static void Validate(Rule rule, List<RuleError> problems)
    {
        var bound = new HashSet<Variable>(rule.Body.SelectMany(a => a.Variables));
        void Require(RuleTerm t, SourceSpan at, string where)
        {
            if (t is Variable v && !bound.Contains(v))
                problems.Add(new RuleError(at, $"rule {rule.Id}: variable {v} in {where} does not occur in a positive body atom"));
        }
        if (rule.Body.Length > MaxPositiveAtoms)
            problems.Add(new RuleError(rule.Span, $"rule {rule.Id} has {rule.Body.Length} positive atoms; at most {MaxPositiveAtoms} are supported"));
        if (rule.IsAxiom && (!rule.Negated.IsEmpty || !rule.Builtins.IsEmpty))
            problems.Add(new RuleError(rule.Span, $"rule {rule.Id} has no positive atom; only a ground head (an axiom) may stand alone"));
        foreach (var t in rule.Head.Terms) Require(t, rule.Head.Span, "the head");
        foreach (var a in rule.Negated) foreach (var t in a.Terms) Require(t, a.Span, "a negated atom");
        foreach (var b in rule.Builtins)
        {
            if (b.Arguments.Length != Builtin.Arity(b.Kind))
                problems.Add(new RuleError(b.Span, $"rule {rule.Id}: {Builtin.Symbol(b.Kind)} takes {Builtin.Arity(b.Kind)} argument(s)"));
            foreach (var t in b.Arguments) Require(t, b.Span, "a builtin");
        }
        foreach (var a in rule.Body.Append(rule.Head).Concat(rule.Negated))
        {
            if (a.Predicate is Constant { Value: not Iri }) problems.Add(new RuleError(a.Span, $"rule {rule.Id}: a predicate must be an IRI or a variable"));
            if (a.Subject is Constant { Value: Literal }) problems.Add(new RuleError(a.Span, $"rule {rule.Id}: a subject must not be a literal"));
        }
    }

    private static bool Unifies(Atom a, Atom b)
    {
        static bool Same(RuleTerm x, RuleTerm y) => x is not Constant cx || y is not Constant cy || cx.Value.Equals(cy.Value);
        return Same(a.Subject, b.Subject) && Same(a.Predicate, b.Predicate) && Same(a.Object, b.Object);
    }

    private static (ImmutableArray<ImmutableArray<int>>, ImmutableArray<int>) Stratify(ImmutableArray<Rule> rules, List<RuleError> problems)
    {
        int n = rules.Length;
        // deps[r] = (q, negated, atom) for every body atom of r that q's head unifies with.
        var deps = new List<(int Rule, bool Negated, Atom Atom)>[n];
        for (int r = 0; r < n; r++)
        {
            deps[r] = [];
            for (int q = 0; q < n; q++)
            {
                foreach (var a in rules[r].Body) if (Unifies(rules[q].Head, a)) { deps[r].Add((q, false, a)); break; }
                foreach (var a in rules[r].Negated) if (Unifies(rules[q].Head, a)) deps[r].Add((q, true, a));
            }
        }

        var components = StronglyConnectedComponents(n, deps);
        var componentOf = new int[n];
        for (int c = 0; c < components.Count; c++) foreach (var r in components[c]) componentOf[r] = c;

        var level = new int[n];
        // Tarjan emits a component after everything it depends on, so one pass in emission order suffices.
        for (int c = 0; c < components.Count; c++)
        {
            int l = 0;
            foreach (var r in components[c])
            {
                foreach (var (q, negated, atom) in deps[r])
                {
                    if (componentOf[q] == c)
                    {
                        if (negated)
                        {
                            var names = string.Join(", ", components[c].Order().Select(i => $"{rules[i].Id} ({rules[i].Span})"));
                            problems.Add(new RuleError(atom.Span, $"negation cycle: rule {rules[r].Id} negates {atom}, which rule {rules[q].Id} derives, and they depend on each other through rules {names}"));
                        }
                        continue;
                    }
                    l = Math.Max(l, level[q] + (negated ? 1 : 0));
                }
            }
            foreach (var r in components[c]) level[r] = l;
        }

        int count = n == 0 ? 0 : level.Max() + 1;
        var strata = Enumerable.Range(0, count).Select(s => Enumerable.Range(0, n).Where(r => level[r] == s).ToImmutableArray()).ToImmutableArray();
        return (strata, [.. level]);
    }

    private static List<List<int>> StronglyConnectedComponents(int n, List<(int Rule, bool Negated, Atom Atom)>[] deps)
    {
        // Iterative Tarjan, so deep dependency chains cannot overflow the stack.
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        int counter = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (int start = 0; start < n; start++)
        {
            if (index[start] >= 0) continue;
            work.Push((start, 0));
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e == 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }
                else
                {
                    int child = deps[v][e - 1].Rule;
                    low[v] = Math.Min(low[v], low[child]);
                }
                bool descended = false;
                for (int i = e; i < deps[v].Count; i++)
                {
                    int w = deps[v][i].Rule;
                    if (index[w] < 0)
                    {
                        work.Push((v, i + 1));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }
                if (descended) continue;
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do { w = stack.Pop(); onStack[w] = false; component.Add(w); } while (w != v);
                    result.Add(component);
                }
            }
        }
        return result;
    }
}
