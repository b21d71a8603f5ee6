using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

/// <summary>Incremental maintenance must give exactly the closure and the derivations of a fresh materialisation.</summary>
public class IncrementalTests
{
    private const int Nodes = 6;

    private static Iri Node(int i) => I("n" + i);
    private static Iri Pred(int i) => I("p" + i);

    /// <summary>
    /// A random stratified program: predicate k may be derived from predicates up to k and negate predicates
    /// below k, so it always stratifies. With <paramref name="variablePredicates"/>, and no negation, some atoms
    /// have a variable predicate (as RDFS rules do).
    /// </summary>
    private static List<Rule> RandomRules(Random rng, int count, int predicates, bool variablePredicates, string idPrefix)
    {
        var rules = new List<Rule>();
        string[] vars = ["x", "y", "z", "w"];
        RuleTerm V(string n) => new Variable(n);
        RuleTerm NodeOrVar(int pool) => rng.Next(8) == 0 ? new Constant(Node(rng.Next(Nodes))) : V(vars[rng.Next(pool)]);
        for (int r = 0; r < count; r++)
        {
            int headPred = 1 + rng.Next(predicates - 1);
            int atoms = 1 + rng.Next(3);
            var body = new List<Atom>();
            for (int a = 0; a < atoms; a++)
            {
                // Chain-shaped joins: each atom shares a variable with the previous one.
                RuleTerm s = a == 0 ? NodeOrVar(2) : V(vars[Math.Min(a, 3)]);
                RuleTerm o = V(vars[Math.Min(a + 1, 3)]);
                if (rng.Next(5) == 0) o = NodeOrVar(a + 2 > 4 ? 4 : a + 2);
                RuleTerm p = variablePredicates && rng.Next(4) == 0 ? V("q") : new Constant(Pred(rng.Next(headPred + 1)));
                body.Add(new Atom(s, p, o));
                if (p is Variable && rng.Next(2) == 0) body.Add(new Atom(V("q"), new Constant(I("kind")), new Constant(Node(rng.Next(Nodes)))));
            }
            var bound = body.SelectMany(a => a.Variables).Distinct().ToList();
            RuleTerm Pick() => bound.Count > 0 && rng.Next(6) > 0 ? bound[rng.Next(bound.Count)] : new Constant(Node(rng.Next(Nodes)));
            var negated = new List<Atom>();
            if (!variablePredicates && headPred > 1 && rng.Next(2) == 0)
                negated.Add(new Atom(Pick(), new Constant(Pred(rng.Next(headPred))), Pick()));
            var builtins = new List<Builtin>();
            if (bound.Count >= 2 && rng.Next(4) == 0) builtins.Add(new Builtin(BuiltinKind.NotEqual, [bound[0], bound[1]]));
            RuleTerm headP = variablePredicates && bound.Contains(new Variable("q")) && rng.Next(2) == 0 ? V("q") : new Constant(Pred(headPred));
            var head = new Atom(Pick() is var hs && hs is Constant ? V(bound.Count > 0 ? ((Variable)bound[0]).Name : "x") : hs, headP, Pick());
            if (bound.Count == 0) head = new Atom(new Constant(Node(0)), new Constant(Pred(headPred)), new Constant(Node(1)));
            rules.Add(new Rule(new RuleId(idPrefix + r), head, [.. body], [.. negated], [.. builtins]));
        }
        return rules;
    }

    private static Triple RandomFact(Random rng, int predicates, bool variablePredicates)
    {
        if (variablePredicates && rng.Next(6) == 0) return new Triple(Pred(rng.Next(predicates)), I("kind"), Node(rng.Next(Nodes)));
        return new Triple(Node(rng.Next(Nodes)), Pred(rng.Next(predicates)), Node(rng.Next(Nodes)));
    }

    private static void AssertSame(Materialization incremental, IReadOnlyList<RuleProgram> programs, HashSet<Triple> asserted, string context)
    {
        var scratch = new Materialization(programs, asserted);
        Assert.True(Lines(scratch.Facts).SetEquals(Lines(incremental.Facts)),
            $"{context}: closures differ\nonly incremental: {string.Join(" ", Lines(incremental.Facts).Except(Lines(scratch.Facts)))}\nonly scratch: {string.Join(" ", Lines(scratch.Facts).Except(Lines(incremental.Facts)))}");
        var a = scratch.AllDerivations().Select(d => d.ToString()).ToHashSet();
        var b = incremental.AllDerivations().Select(d => d.ToString()).ToHashSet();
        Assert.True(a.SetEquals(b), $"{context}: derivations differ\nonly incremental: {string.Join("\n", b.Except(a))}\nonly scratch: {string.Join("\n", a.Except(b))}");
        Assert.Equal(a.Count, incremental.DerivationCount);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public void Random_add_and_remove_sequences_match_materialising_from_scratch(bool variablePredicates, int layers)
    {
        for (int seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed * 7919 + (variablePredicates ? 1 : 0) + layers * 31);
            int predicates = 3 + rng.Next(3);
            var programs = new List<RuleProgram>();
            for (int l = 0; l < layers; l++)
            {
                var rules = RandomRules(rng, 2 + rng.Next(5), predicates, variablePredicates, $"l{l}r");
                Assert.True(RuleProgram.TryCreate(rules, out var program, out var errors), $"seed {seed}: {string.Join("; ", errors)}");
                programs.Add(program);
            }
            var asserted = new HashSet<Triple>();
            for (int i = 0; i < 8; i++) asserted.Add(RandomFact(rng, predicates, variablePredicates));
            var model = new Materialization(programs, asserted);
            AssertSame(model, programs, asserted, $"seed {seed} initial");
            for (int step = 0; step < 12; step++)
            {
                if (rng.Next(2) == 0 || asserted.Count == 0)
                {
                    var batch = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => RandomFact(rng, predicates, variablePredicates)).ToList();
                    model.Add(batch);
                    asserted.UnionWith(batch);
                }
                else
                {
                    var batch = asserted.OrderBy(_ => rng.Next()).Take(1 + rng.Next(3)).ToList();
                    model.Remove(batch);
                    asserted.ExceptWith(batch);
                }
                AssertSame(model, programs, asserted, $"seed {seed} step {step}");
            }
        }
    }

    [Fact]
    public void Update_reports_the_net_change_of_the_closure()
    {
        var program = Program("""
            [sub: (?x ex:has ?g) <- (?x ex:has ?f), (?f ex:broader ?g)]
            [req: (?x ex:requires ex:screening) <- (?x ex:has ex:aav), not (?x ex:has ex:exempt)]
            """);
        Assert.Equal(2, program.Strata.Length);
        var model = new Materialization(program, [T("aav9", "broader", "aav"), T("p", "has", "x")]);
        var added = model.Add([T("p", "has", "aav9")]);
        Assert.Equal(Lines([T("p", "has", "aav9"), T("p", "has", "aav"), T("p", "requires", "screening")]), Lines(added.Added));
        Assert.Empty(added.Removed);
        Assert.Contains(added.Rounds, r => r.NewDerivations > 0);
        var blocked = model.Add([T("p", "has", "exempt")]);
        Assert.Equal(Lines([T("p", "requires", "screening")]), Lines(blocked.Removed));
        var removed = model.Remove([T("p", "has", "exempt"), T("p", "has", "aav9")]);
        Assert.Equal(Lines([T("p", "has", "exempt"), T("p", "has", "aav9"), T("p", "has", "aav")]), Lines(removed.Removed));
        Assert.Empty(removed.Added);
        Assert.Equal(2, model.Count);
    }
}
