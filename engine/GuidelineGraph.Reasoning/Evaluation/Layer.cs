using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Derivations;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Evaluation;

/// <summary>
/// One stratified program over its own fact table: its input facts are given (by the user, or by the layer
/// below), everything else it derives. An update (facts in, facts out) is maintained per stratum, lowest first,
/// by delete/re-derive over the recorded derivations followed by semi-naive insertion:
/// <list type="number">
/// <item>overdelete: a derivation of this stratum with a premise gone, or whose negated atom now matches an added
/// fact, is suspect; its conclusion goes (unless it is input or still has a sound derivation from a lower
/// stratum), which makes the derivations using it suspect in turn;</item>
/// <item>re-derive: a gone fact comes back when one of its derivations of this stratum has every premise present
/// (and is not blocked); suspect derivations that do not come back are deleted;</item>
/// <item>insert: semi-naive rounds seeded with the facts added during this update, plus the instantiations a
/// removed fact unblocks through a negated atom.</item>
/// </list>
/// Every derivation found is recorded, so the model keeps all derivations of every fact. A fact's consumers
/// all sit in strata at or above every stratum that can derive it, so a fact taken out tentatively by a lower
/// stratum and restored by a higher one is never seen missing.
/// </summary>
internal sealed class Layer
{
    private readonly TermDictionary _terms;
    private readonly int _layerIndex;
    public readonly RuleProgram Program;
    public readonly CompiledRule[] Rules;
    public readonly FactTable Facts = new();
    public readonly DerivationTable Derivations;
    private readonly int[] _ruleStratum;

    private int _stamp;
    private bool _axiomsDone;
    private int _updateStamp;
    private int _lo;
    private readonly List<int> _updateAdded = [];
    private readonly List<int> _updateRemoved = [];
    private readonly List<int> _pending = [];
    private readonly List<int> _suspects = [];
    private readonly Stack<int> _work = new();

    // Join state of the variant being run.
    private enum Mode { Insert, FindBlocked }
    private Mode _mode;
    private CompiledRule _rule = null!;
    private JoinPlan _plan = null!;
    private int[] _bindings = [];
    private readonly int[] _premises = new int[RuleProgram.MaxPositiveAtoms];
    private long _matches;
    private int _newDerivations;

    public Layer(int layerIndex, RuleProgram program, TermDictionary terms)
    {
        _layerIndex = layerIndex;
        _terms = terms;
        Program = program;
        Rules = [.. program.Rules.Select((r, i) => new CompiledRule(i, r, program.StratumOf[i], terms))];
        _ruleStratum = [.. program.StratumOf];
        Derivations = new DerivationTable([.. Rules.Select(r => r.VariableCount)], [.. Rules.Select(r => r.Atoms.Length)]);
        foreach (var mask in Rules.SelectMany(r => r.Masks).Distinct()) Facts.EnsureIndex(mask);
        Facts.EnsureIndex(FactTable.MaskP);
    }

    public int StratumOfRule(int rule) => _ruleStratum[rule];

    /// <summary>Applies input changes (disjoint sets) and returns the net change of this layer's facts.</summary>
    public (List<TripleIds> Added, List<TripleIds> Removed) Update(IEnumerable<TripleIds> add, IEnumerable<TripleIds> remove, List<RoundCounters> counters)
    {
        _updateStamp = ++_stamp;
        foreach (var t in remove)
        {
            int f = Facts.Find(t);
            if (f < 0 || !Facts.IsInput(f)) continue;
            Facts.ClearFlag(f, FactFlags.Input);
            if (Facts.IsAlive(f)) TakeOut(f);
        }
        foreach (var t in add)
        {
            int f = Facts.Find(t);
            if (f < 0) f = Facts.Create(t);
            Facts.SetFlag(f, FactFlags.Input);
            if (!Facts.IsAlive(f))
            {
                Facts.Publish(f, _updateStamp);
                _updateAdded.Add(f);
            }
        }

        for (int s = 0; s < Program.Strata.Length; s++)
        {
            DeleteStratum(s);
            InsertStratum(s, counters);
        }
        _axiomsDone = true;

        var added = new List<TripleIds>();
        var removed = new List<TripleIds>();
        foreach (int f in _updateAdded)
        {
            if (Facts.IsAlive(f) && (Facts.Flags(f) & FactFlags.RemovedInUpdate) == 0) added.Add(Facts[f]);
        }
        foreach (int f in _updateRemoved)
        {
            if ((Facts.Flags(f) & FactFlags.RemovedInUpdate) == 0) continue; // listed twice
            Facts.ClearFlag(f, FactFlags.RemovedInUpdate);
            if (!Facts.IsAlive(f)) removed.Add(Facts[f]);
        }
        _updateAdded.Clear();
        _updateRemoved.Clear();
        if (Derivations.NeedsCompaction) Derivations.Compact(Facts.DerivationHead, Facts.UseHead, Facts.Count);
        return (added, removed);
    }

    private void TakeOut(int f)
    {
        Facts.Kill(f);
        Facts.SetFlag(f, FactFlags.RemovedInUpdate);
        _updateRemoved.Add(f);
    }

    // ------------------------------------------------------------------ delete / re-derive

    private void DeleteStratum(int s)
    {
        _suspects.Clear();
        for (int i = 0; i < _updateRemoved.Count; i++)
        {
            int f = _updateRemoved[i];
            if (!Facts.IsAlive(f)) MarkUses(f, s);
        }
        foreach (int r in Program.Strata[s])
        {
            var rule = Rules[r];
            for (int n = 0; n < rule.Negated.Length; n++)
            {
                for (int i = 0; i < _updateAdded.Count; i++)
                {
                    int f = _updateAdded[i];
                    if (Facts.IsAlive(f)) RunNegationSeeded(rule, n, f, Mode.FindBlocked);
                }
            }
        }

        // Re-derive: restore gone facts that still have a sound derivation of this stratum.
        for (int i = 0; i < _updateRemoved.Count; i++)
        {
            int f = _updateRemoved[i];
            if (Facts.IsAlive(f)) continue;
            for (int d = Facts.DerivationHead[f]; d >= 0; d = Derivations.NextForConclusion(d))
            {
                if (Derivations.IsAlive(d) && _ruleStratum[Derivations.Rule(d)] == s) _work.Push(d);
            }
        }
        while (_work.Count > 0)
        {
            int d = _work.Pop();
            var flags = Derivations.Flags(d);
            if ((flags & DerivationFlags.Alive) == 0 || (flags & DerivationFlags.Blocked) != 0) continue;
            if ((flags & DerivationFlags.Suspect) != 0)
            {
                bool sound = true;
                foreach (int p in Derivations.Premises(d)) if (!Facts.IsAlive(p)) { sound = false; break; }
                if (!sound) continue;
                Derivations.ClearFlag(d, DerivationFlags.Suspect);
            }
            int c = Derivations.Conclusion(d);
            if (Facts.IsAlive(c)) continue;
            Facts.Restore(c);
            for (int u = Facts.UseHead[c]; u >= 0; u = Derivations.NextUse(u))
            {
                int user = DerivationTable.UseDerivation(u);
                if ((Derivations.Flags(user) & DerivationFlags.Suspect) != 0 && _ruleStratum[Derivations.Rule(user)] == s) _work.Push(user);
            }
        }
        foreach (int d in _suspects)
        {
            if ((Derivations.Flags(d) & (DerivationFlags.Suspect | DerivationFlags.Blocked)) != 0) Derivations.Kill(d);
        }
        _suspects.Clear();
    }

    /// <summary>Marks this stratum's derivations using a gone fact as suspect and overdeletes what they concluded.</summary>
    private void MarkUses(int gone, int s)
    {
        _work.Push(gone);
        while (_work.Count > 0)
        {
            int f = _work.Pop();
            for (int u = Facts.UseHead[f]; u >= 0; u = Derivations.NextUse(u))
            {
                int d = DerivationTable.UseDerivation(u);
                var flags = Derivations.Flags(d);
                if ((flags & DerivationFlags.Alive) == 0 || (flags & DerivationFlags.Suspect) != 0 || _ruleStratum[Derivations.Rule(d)] != s) continue;
                Derivations.SetFlag(d, DerivationFlags.Suspect);
                _suspects.Add(d);
                int c = Derivations.Conclusion(d);
                if (Overdelete(c, s)) _work.Push(c);
            }
        }
    }

    private bool Overdelete(int c, int s)
    {
        if (!Facts.IsAlive(c) || Facts.IsInput(c)) return false;
        for (int d = Facts.DerivationHead[c]; d >= 0; d = Derivations.NextForConclusion(d))
        {
            if (Derivations.Flags(d) == DerivationFlags.Alive && _ruleStratum[Derivations.Rule(d)] < s) return false;
        }
        TakeOut(c);
        return true;
    }

    // ------------------------------------------------------------------ insertion

    private void InsertStratum(int s, List<RoundCounters> counters)
    {
        var rules = Program.Strata[s];
        _lo = _updateStamp;
        int round = 0;
        _matches = 0;
        _newDerivations = 0;
        _mode = Mode.Insert;
        if (!_axiomsDone)
        {
            foreach (int r in rules) if (Rules[r].Atoms.Length == 0) { Prepare(Rules[r]); Emit(); }
        }
        foreach (int r in rules)
        {
            var rule = Rules[r];
            for (int n = 0; n < rule.Negated.Length; n++)
            {
                for (int i = 0; i < _updateRemoved.Count; i++)
                {
                    int f = _updateRemoved[i];
                    if (!Facts.IsAlive(f)) RunNegationSeeded(rule, n, f, Mode.Insert);
                }
            }
        }

        var recent = new List<int>();
        foreach (int f in _updateAdded) if (Facts.IsAlive(f)) recent.Add(f);
        var byPredicate = new Dictionary<int, List<int>>();
        while (true)
        {
            byPredicate.Clear();
            foreach (int f in recent)
            {
                int p = Facts[f].P;
                if (!byPredicate.TryGetValue(p, out var list)) byPredicate[p] = list = [];
                list.Add(f);
            }
            foreach (int r in rules)
            {
                var rule = Rules[r];
                for (int i = 0; i < rule.Variants.Length; i++)
                {
                    int p = rule.Atoms[i][1];
                    List<int>? seeds = p >= 0 ? byPredicate.GetValueOrDefault(p) : recent;
                    if (seeds is null) continue;
                    Prepare(rule);
                    _plan = rule.Variants[i];
                    foreach (int f in seeds) Seed(f);
                }
            }
            counters.Add(new RoundCounters(_layerIndex, s, round, recent.Count, _newDerivations, _pending.Count, _matches));
            round++;
            _matches = 0;
            _newDerivations = 0;
            if (_pending.Count == 0) break;
            int stamp = ++_stamp;
            foreach (int f in _pending) Facts.Publish(f, stamp);
            _updateAdded.AddRange(_pending);
            recent = [.. _pending];
            _pending.Clear();
            _lo = stamp;
        }
    }

    // ------------------------------------------------------------------ joins

    private void Prepare(CompiledRule rule)
    {
        _rule = rule;
        if (_bindings.Length < rule.VariableCount) _bindings = new int[Math.Max(8, rule.VariableCount)];
    }

    private void RunNegationSeeded(CompiledRule rule, int negated, int fact, Mode mode)
    {
        Prepare(rule);
        _plan = rule.NegationSeeded[negated];
        var saved = _mode;
        _mode = mode;
        Seed(fact);
        _mode = saved;
    }

    private void Seed(int f)
    {
        _matches++;
        if (!Match(_plan.SeedOps, Facts[f])) return;
        if (!_plan.SeedNegated) _premises[_plan.SeedAtom] = f;
        if (!Tests(_plan.SeedNegations, _plan.SeedBuiltins)) return;
        Join(0);
    }

    private void Join(int k)
    {
        var steps = _plan.Steps;
        if (k == steps.Length) { Emit(); return; }
        var step = steps[k];
        if (step.Mask == 0)
        {
            for (int f = 0; f < Facts.Count; f++) Candidate(step, k, f);
            return;
        }
        var ops = step.Ops;
        var probe = new TripleIds(Value(ops[0]), Value(ops[1]), Value(ops[2]));
        long key = FactTable.Key(step.Mask, probe);
        for (int f = Facts.ChainHead(step.Mask, key); f >= 0; f = Facts.NextInChain(step.Mask, f)) Candidate(step, k, f);
    }

    private int Value(PositionOp op) => op.Kind switch
    {
        PositionOp.CheckConstant => op.Value,
        PositionOp.CheckVariable => _bindings[op.Value],
        _ => -1,
    };

    private void Candidate(JoinStep step, int k, int f)
    {
        _matches++;
        // Looking for derivations that existed before this update, so facts taken out during it still count.
        bool visible = _mode == Mode.FindBlocked
            ? (Facts.Flags(f) & (FactFlags.Alive | FactFlags.RemovedInUpdate)) != 0
            : Facts.IsAlive(f) && (step.Range == FactRange.All || Facts.Stamp(f) < _lo);
        if (!visible) return;
        if (!Match(step.Ops, Facts[f])) return;
        _premises[step.Atom] = f;
        if (!Tests(step.Negations, step.Builtins)) return;
        Join(k + 1);
    }

    private bool Match(PositionOp[] ops, TripleIds t)
    {
        for (int p = 0; p < 3; p++)
        {
            var op = ops[p];
            int v = t[p];
            switch (op.Kind)
            {
                case PositionOp.CheckConstant: if (v != op.Value) return false; break;
                case PositionOp.CheckVariable: if (v != _bindings[op.Value]) return false; break;
                default: _bindings[op.Value] = v; break;
            }
        }
        return true;
    }

    private int Resolve(int code) => code >= 0 ? code : _bindings[~code];

    private bool Tests(int[] negations, int[] builtins)
    {
        foreach (int b in builtins)
        {
            var (kind, args) = _rule.Builtins[b];
            if (!Builtins.Holds(kind, Resolve(args[0]), args.Length > 1 ? Resolve(args[1]) : -1, _terms)) return false;
        }
        if (_mode == Mode.FindBlocked) return true;
        foreach (int n in negations)
        {
            var atom = _rule.Negated[n];
            if (Facts.FindAlive(new TripleIds(Resolve(atom[0]), Resolve(atom[1]), Resolve(atom[2]))) >= 0) return false;
        }
        return true;
    }

    private void Emit()
    {
        var rule = _rule;
        var bindings = _bindings.AsSpan(0, rule.VariableCount);
        if (_mode == Mode.FindBlocked)
        {
            int found = Derivations.Find(rule.Index, bindings);
            if (found < 0 || (Derivations.Flags(found) & DerivationFlags.Blocked) != 0 || !Derivations.IsAlive(found)) return;
            Derivations.SetFlag(found, DerivationFlags.Blocked | DerivationFlags.Suspect);
            _suspects.Add(found);
            int c = Derivations.Conclusion(found);
            if (Overdelete(c, rule.Stratum)) MarkUses(c, rule.Stratum);
            return;
        }
        var head = new TripleIds(Resolve(rule.Head[0]), Resolve(rule.Head[1]), Resolve(rule.Head[2]));
        // The closure stays RDF: no literal subjects, only IRI predicates.
        if (_terms.KindOf(head.S) == TermKind.Literal || _terms.KindOf(head.P) != TermKind.Iri) return;
        if (Derivations.Find(rule.Index, bindings) >= 0) return;
        int fact = Facts.Find(head);
        if (fact < 0) fact = Facts.Create(head);
        if ((Facts.Flags(fact) & (FactFlags.Alive | FactFlags.Pending)) == 0)
        {
            Facts.SetFlag(fact, FactFlags.Pending);
            _pending.Add(fact);
        }
        Derivations.Add(rule.Index, bindings, _premises.AsSpan(0, rule.Atoms.Length), fact, Facts.DerivationHead, Facts.UseHead);
        _newDerivations++;
    }
}
