using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Evaluation;

/// <summary>Which facts an atom of a rule variant reads.</summary>
internal enum FactRange : byte
{
    /// <summary>Facts visible before the current round (stamp below the round's low mark).</summary>
    Stable,
    /// <summary>Every visible fact.</summary>
    All,
}

/// <summary>How one position of an atom is matched: against a constant, a variable bound earlier, or binding it.</summary>
internal readonly record struct PositionOp(byte Kind, int Value)
{
    public const byte CheckConstant = 0, CheckVariable = 1, BindVariable = 2;
}

/// <summary>A positive atom in a join order, with the index it probes and the tests that become possible after it.</summary>
internal sealed record JoinStep(int Atom, int Mask, FactRange Range, PositionOp[] Ops, int[] Negations, int[] Builtins);

/// <summary>
/// A join order. The seed is either a positive atom matched against a list of facts (the recent ones) or a
/// negated atom matched against one fact; <see cref="SeedNegated"/> says which. Then the steps.
/// </summary>
internal sealed record JoinPlan(int SeedAtom, bool SeedNegated, PositionOp[] SeedOps, int[] SeedNegations, int[] SeedBuiltins, JoinStep[] Steps);

/// <summary>A rule encoded over term ids: atoms as int triples (constant id ≥ 0, variable slot v as ~v).</summary>
internal sealed class CompiledRule
{
    public CompiledRule(int index, Rule rule, int stratum, TermDictionary terms)
    {
        Index = index;
        Rule = rule;
        Stratum = stratum;
        var variables = rule.Variables;
        VariableCount = variables.Length;
        int Encode(RuleTerm t) => t switch
        {
            Variable v => ~variables.IndexOf(v),
            Constant c => terms.GetOrAdd(c.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(t)),
        };
        int[] EncodeAtom(Atom a) => [Encode(a.Subject), Encode(a.Predicate), Encode(a.Object)];
        Head = EncodeAtom(rule.Head);
        Atoms = [.. rule.Body.Select(EncodeAtom)];
        Negated = [.. rule.Negated.Select(EncodeAtom)];
        Builtins = [.. rule.Builtins.Select(b => (b.Kind, b.Arguments.Select(Encode).ToArray()))];
        Variants = [.. Enumerable.Range(0, Atoms.Length).Select(i => Plan(i, seedNegated: false))];
        NegationSeeded = [.. Enumerable.Range(0, Negated.Length).Select(i => Plan(i, seedNegated: true))];
    }

    public int Index { get; }
    public Rule Rule { get; }
    public int Stratum { get; }
    public int VariableCount { get; }
    public int[] Head { get; }
    public int[][] Atoms { get; }
    public int[][] Negated { get; }
    public (BuiltinKind Kind, int[] Arguments)[] Builtins { get; }
    /// <summary>Semi-naive variants: variant i reads recent facts at atom i, stable ones before it and all after.</summary>
    public JoinPlan[] Variants { get; }
    /// <summary>Per negated atom: bind it from one fact, then join every positive atom over all facts.</summary>
    public JoinPlan[] NegationSeeded { get; }

    public IEnumerable<int> Masks => Variants.Concat(NegationSeeded).SelectMany(p => p.Steps).Select(s => s.Mask);

    private JoinPlan Plan(int seed, bool seedNegated)
    {
        var bound = new bool[VariableCount];
        var seedAtom = seedNegated ? Negated[seed] : Atoms[seed];
        var seedOps = Ops(seedAtom, bound);
        var usedNegations = new bool[Negated.Length];
        var usedBuiltins = new bool[Builtins.Length];
        if (seedNegated) usedNegations[seed] = true;
        var (seedNeg, seedBuiltins) = ReadyTests(bound, usedNegations, usedBuiltins);

        var remaining = Enumerable.Range(0, Atoms.Length).Where(i => seedNegated || i != seed).ToList();
        var steps = new List<JoinStep>();
        while (remaining.Count > 0)
        {
            // Greedy: the atom with the most bound positions first, then one with a constant predicate.
            int best = remaining.MaxBy(i => BoundPositions(Atoms[i], bound) * 2 + (Atoms[i][1] >= 0 ? 1 : 0) - i * 0.001);
            remaining.Remove(best);
            int mask = 0;
            for (int p = 0; p < 3; p++)
            {
                int code = Atoms[best][p];
                if (code >= 0 || bound[~code]) mask |= 1 << p;
            }
            // The full-triple pattern probes by the (S,O) index and checks the predicate.
            if (mask == 7) mask = FactTable.MaskS | FactTable.MaskO;
            var ops = Ops(Atoms[best], bound);
            var range = seedNegated || best > seed ? FactRange.All : FactRange.Stable;
            var (neg, builtins) = ReadyTests(bound, usedNegations, usedBuiltins);
            steps.Add(new JoinStep(best, mask, range, ops, neg, builtins));
        }
        return new JoinPlan(seed, seedNegated, seedOps, seedNeg, seedBuiltins, [.. steps]);
    }

    private static int BoundPositions(int[] atom, bool[] bound) => atom.Count(code => code >= 0 || bound[~code]);

    /// <summary>Match operations for an atom; marks the variables it binds.</summary>
    private static PositionOp[] Ops(int[] atom, bool[] bound)
    {
        var ops = new PositionOp[3];
        for (int p = 0; p < 3; p++)
        {
            int code = atom[p];
            if (code >= 0) ops[p] = new PositionOp(PositionOp.CheckConstant, code);
            else if (bound[~code]) ops[p] = new PositionOp(PositionOp.CheckVariable, ~code);
            else
            {
                ops[p] = new PositionOp(PositionOp.BindVariable, ~code);
                bound[~code] = true;
            }
        }
        return ops;
    }

    private (int[] Negations, int[] Builtins) ReadyTests(bool[] bound, bool[] usedNegations, bool[] usedBuiltins)
    {
        bool Ready(int[] codes) => codes.All(c => c >= 0 || bound[~c]);
        var neg = new List<int>();
        for (int i = 0; i < Negated.Length; i++)
            if (!usedNegations[i] && Ready(Negated[i])) { usedNegations[i] = true; neg.Add(i); }
        var builtins = new List<int>();
        for (int i = 0; i < Builtins.Length; i++)
            if (!usedBuiltins[i] && Ready(Builtins[i].Arguments)) { usedBuiltins[i] = true; builtins.Add(i); }
        return ([.. neg], [.. builtins]);
    }
}
