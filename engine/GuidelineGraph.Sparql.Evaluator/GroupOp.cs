using System.Runtime.InteropServices;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Functions;
using GuidelineGraph.Sparql.Optimizer;
using AggregateFunction = GuidelineGraph.Sparql.Syntax.Algebra.AggregateFunction;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// One aggregate of a GROUP: where it goes, what it reads (null for COUNT(*)), how it accumulates.
/// <see cref="ArgumentSlot"/> is the slot when the argument is a plain variable, so COUNT can work on ids.
/// </summary>
internal sealed record AggregateSlot(int Slot, AggregateFunction Function, Evaluate? Argument, bool Distinct, string Separator, int ArgumentSlot = -1)
{
    public bool CountsIds => Function == AggregateFunction.Count && ArgumentSlot >= 0;
}

/// <summary>COUNT and COUNT(DISTINCT) of a variable over term ids: equal ids are equal terms, so nothing is decoded.</summary>
internal sealed class IdCount(bool distinct) : Accumulator
{
    private readonly HashSet<int>? _seen = distinct ? [] : null;
    private long _count;

    public void AddId(int id)
    {
        if (id != 0 && (_seen is null || _seen.Add(id))) _count++;
    }

    public override void Add(Term? value) => throw new InvalidOperationException("IdCount counts ids; call AddId");

    public override Term? Result() => new Literal(_count.ToString(System.Globalization.CultureInfo.InvariantCulture), Vocab.Xsd.Integer);
}

/// <summary>
/// One GROUP BY key: its expression, the slot it binds in the output (-1: none), and the slot it reads when it is
/// a plain variable (-1: an expression), in which case the group is keyed on the term id, not the decoded term.
/// </summary>
internal readonly record struct GroupKeySlot(Evaluate Key, int Slot, int VariableSlot);

/// <summary>Group and aggregation (§18.5): materializes the inner solutions into groups by key values.</summary>
internal sealed class GroupOp(GroupNode plan, Op inner, GroupKeySlot[] keys, AggregateSlot[] aggregates, SlotMap shape) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) =>
        $"Group by ({string.Join(" ", plan.Keys.Select(k => k.Alias?.ToString() ?? Syntax.Algebra.Sse.Write(k.Expression)))}) " +
        string.Join(" ", plan.Aggregates.Select(a => $"{a.Variable} := {Syntax.Algebra.Sse.Write(a.Aggregate)}"));

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        var groups = new List<(GroupKey Key, Accumulator?[] Accumulators)>();
        // GROUP BY one variable (the usual case) looks its id up directly; other keys go through GroupKey,
        // probed with one reusable key that is copied only when it starts a new group.
        Dictionary<int, int>? byId = keys is [{ VariableSlot: >= 0 }] ? [] : null;
        var byKey = new Dictionary<GroupKey, int>();
        var probe = new GroupKey(new int[keys.Length], new Term?[keys.Length]);
        foreach (var batch in inner.RunBatches(seed, graph, ex))
        {
            if (keys.Length == 0)
            {
                // One group: the batch accumulates as a whole, COUNTs over id columns in one loop each.
                ex.Tick();
                if (groups.Count == 0) groups.Add((probe, NewAccumulators()));
                AccumulateBatch(groups[0].Accumulators, batch, graph);
                continue;
            }
            for (int r = 0; r < batch.Count; r++)
            {
                ex.Tick();
                var row = batch.Row(r);
                int group;
                if (byId is not null)
                {
                    int id = row[keys[0].VariableSlot];
                    ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byId, id, out bool exists);
                    if (!exists)
                    {
                        slot = groups.Count;
                        groups.Add((new GroupKey([id], [null]), NewAccumulators()));
                    }
                    group = slot;
                }
                else
                {
                    // Expressions read solutions as arrays: this row gets one only when something needs it.
                    int[]? array = null;
                    for (int i = 0; i < keys.Length; i++)
                    {
                        if (keys[i].VariableSlot >= 0) probe.Ids[i] = row[keys[i].VariableSlot];
                        else probe.Terms[i] = keys[i].Key(array ??= batch.RowArray(r), graph);
                    }
                    if (!byKey.TryGetValue(probe, out group))
                    {
                        var key = probe.Copy();
                        group = groups.Count;
                        byKey[key] = group;
                        groups.Add((key, NewAccumulators()));
                    }
                }
                Accumulate(groups[group].Accumulators, batch, r, graph);
            }
        }
        // Without GROUP BY there is one group, even over no solutions.
        if (keys.Length == 0 && groups.Count == 0) groups.Add((probe, NewAccumulators()));
        foreach (var (key, accumulators) in groups)
        {
            var result = new int[shape.Width];
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].Slot < 0) continue;
                if (keys[i].VariableSlot >= 0) result[keys[i].Slot] = key.Ids[i];
                else if (key.Terms[i] is { } t) result[keys[i].Slot] = ex.Encode(t);
            }
            for (int i = 0; i < aggregates.Length; i++)
                if (accumulators[i]?.Result() is { } value) result[aggregates[i].Slot] = ex.Encode(Finish(aggregates[i], value));
            yield return result;
        }
    }

    private void AccumulateBatch(Accumulator?[] accumulators, RowBatch batch, GraphScope graph)
    {
        bool perRow = false;
        for (int i = 0; i < aggregates.Length; i++)
        {
            if (accumulators[i] is IdCount ids)
                for (int r = 0; r < batch.Count; r++) ids.AddId(batch.Row(r)[aggregates[i].ArgumentSlot]);
            else perRow |= accumulators[i] is not null;
        }
        if (perRow)
            for (int r = 0; r < batch.Count; r++) Accumulate(accumulators, batch, r, graph, idCounts: false);
    }

    private void Accumulate(Accumulator?[] accumulators, RowBatch batch, int r, GraphScope graph, bool idCounts = true)
    {
        int[]? array = null;
        for (int i = 0; i < aggregates.Length; i++)
        {
            var a = aggregates[i];
            if (accumulators[i] is not { } acc) continue;
            if (acc is IdCount ids)
            {
                if (idCounts) ids.AddId(batch.Row(r)[a.ArgumentSlot]);
            }
            else if (a.Argument is null)
                acc.Add(a.Distinct ? new Literal(string.Join(',', array ??= batch.RowArray(r))) : Operators.True);
            else
                acc.Add(a.Argument(array ??= batch.RowArray(r), graph));
        }
    }

    /// <summary>GROUP_CONCAT gives a simple literal (§18.5.1.7), whatever the tags of its inputs.</summary>
    private static Term Finish(AggregateSlot a, Term value) =>
        a.Function == AggregateFunction.GroupConcat && value is Literal { Language: not null } l ? new Literal(l.Lexical) : value;

    private Accumulator?[] NewAccumulators() => aggregates.Select(a => a.Function switch
    {
        AggregateFunction.Count when a.CountsIds => new IdCount(a.Distinct),
        AggregateFunction.Count when a.Argument is null => a.Distinct ? Accumulator.Create(Functions.AggregateFunction.Count, true) : Accumulator.CountAll(),
        AggregateFunction.Count => Accumulator.Create(Functions.AggregateFunction.Count, a.Distinct),
        AggregateFunction.Sum => Accumulator.Create(Functions.AggregateFunction.Sum, a.Distinct),
        AggregateFunction.Avg => Accumulator.Create(Functions.AggregateFunction.Avg, a.Distinct),
        AggregateFunction.Min => Accumulator.Create(Functions.AggregateFunction.Min, a.Distinct),
        AggregateFunction.Max => Accumulator.Create(Functions.AggregateFunction.Max, a.Distinct),
        AggregateFunction.Sample => Accumulator.Create(Functions.AggregateFunction.Sample, a.Distinct),
        AggregateFunction.GroupConcat => Accumulator.Create(Functions.AggregateFunction.GroupConcat, a.Distinct, a.Separator),
        // A custom aggregate this engine does not know leaves its variable unbound.
        _ => null,
    }).ToArray();

    /// <summary>
    /// Group key: per key, the term id of a plain variable (0 = unbound; equal ids are equal terms) or the value
    /// of an expression (null = unbound or error, compared as RDF terms).
    /// </summary>
    private sealed class GroupKey(int[] ids, Term?[] terms) : IEquatable<GroupKey>
    {
        public int[] Ids { get; } = ids;
        public Term?[] Terms { get; } = terms;

        public GroupKey Copy() => new((int[])Ids.Clone(), (Term?[])Terms.Clone());

        public bool Equals(GroupKey? other)
        {
            if (other is null || !Ids.AsSpan().SequenceEqual(other.Ids)) return false;
            for (int i = 0; i < Terms.Length; i++) if (!Equals(Terms[i], other.Terms[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (int id in Ids) h.Add(id);
            foreach (var t in Terms) h.Add(t);
            return h.ToHashCode();
        }
    }
}
