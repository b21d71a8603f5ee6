using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Functions;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>A position of a pattern: a slot to read or bind, or a constant id (None when the data lacks the term).</summary>
internal readonly record struct Position(int Slot, int Constant)
{
    public bool IsVariable => Slot >= 0;
    public int Value(int[] row) => Slot >= 0 ? row[Slot] : Constant;
}

internal sealed class ScanOp(ScanNode plan, Position s, Position p, Position o) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [];
    public override string Describe(SlotMap slots) => "Scan " + Sse.Write(new Bgp([plan.Pattern]));

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        if (!TryQuery(seed, out int qs, out int qp, out int qo)) yield break;
        foreach (var q in ex.Match(qs, qp, qo, graph))
        {
            ex.Tick();
            var row = Copy(seed);
            if (Bind(row, q)) yield return row;
        }
    }

    protected override IEnumerable<RowBatch> ExecuteBatches(int[] seed, GraphScope graph, Execution ex)
    {
        if (!TryQuery(seed, out int qs, out int qp, out int qo)) yield break;
        var reader = ex.Read(qs, qp, qo, graph);
        var batch = new RowBatch(seed.Length);
        // Reads grow like the batch: a lookup that finds a few quads allocates little.
        var quads = new IdQuad[16];
        for (int n; (n = reader.Read(quads)) > 0;)
        {
            for (int i = 0; i < n; i++)
            {
                ex.Tick();
                if (!Bind(batch.Append(seed), quads[i])) { batch.DropLast(); continue; }
                if (batch.IsFull) { yield return batch; batch.Clear(); }
            }
            if (n == quads.Length && quads.Length < RowBatch.Capacity) quads = new IdQuad[quads.Length * 4];
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>The quad pattern for a seed; false when a constant the data lacks makes it match nothing.</summary>
    private bool TryQuery(int[] seed, out int qs, out int qp, out int qo)
    {
        int sv = s.Value(seed), pv = p.Value(seed), ov = o.Value(seed);
        qs = sv == 0 ? DatasetIds.Any : sv;
        qp = pv == 0 ? DatasetIds.Any : pv;
        qo = ov == 0 ? DatasetIds.Any : ov;
        return (s.IsVariable || sv != 0) && (p.IsVariable || pv != 0) && (o.IsVariable || ov != 0);
    }

    private bool Bind(Span<int> row, in IdQuad q) => Bind(row, s, q.S) && Bind(row, p, q.P) && Bind(row, o, q.O);

    /// <summary>Binds a variable position; false when the same variable already got another value in this triple.</summary>
    private static bool Bind(Span<int> row, Position pos, int value)
    {
        if (!pos.IsVariable) return true;
        int current = row[pos.Slot];
        if (current == 0) { row[pos.Slot] = value; return true; }
        return current == value;
    }
}

internal sealed class NestedLoopJoinOp(JoinNode plan, Op left, Op right) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, right];
    public override string Describe(SlotMap slots) => "NestedLoopJoin";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        foreach (var l in left.Run(seed, graph, ex))
            foreach (var r in right.Run(l, graph, ex))
                yield return r;
    }
}

/// <summary>
/// Hash join: the right side runs once, unseeded, into a table keyed on the variables both sides certainly bind.
/// Also the left outer join (OPTIONAL with <see cref="Optional"/>) and the basis of MINUS.
/// </summary>
internal sealed class HashJoinOp(PlanNode plan, Op left, Op right, int[] keySlots, int[] rightSlots, SlotMap shape,
    bool optional, Func<int[], GraphScope, bool>? condition) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, right];
    public override string Describe(SlotMap slots) =>
        (optional ? "HashLeftJoin" : "HashJoin") + " on (" + string.Join(" ", keySlots.Select(s => slots.Variable(s).ToString())) + ")";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        if (ex.Options.Vectorized)
        {
            foreach (var row in RowBatch.Unpack(ExecuteBatches(seed, graph, ex))) yield return row;
            yield break;
        }
        var table = Build(graph, ex);
        foreach (var l in left.Run(seed, graph, ex))
        {
            bool matched = false;
            for (int i = table.First(l); i >= 0; i = table.Next(i))
            {
                ex.Tick();
                if (Merge(l, table.Row(i), rightSlots) is not { } merged) continue;
                if (condition is not null && !condition(merged, graph)) continue;
                matched = true;
                yield return merged;
            }
            if (optional && !matched) yield return l;
        }
    }

    protected override IEnumerable<RowBatch> ExecuteBatches(int[] seed, GraphScope graph, Execution ex)
    {
        var table = Build(graph, ex);
        var output = new RowBatch(seed.Length);
        foreach (var batch in left.RunBatches(seed, graph, ex))
        {
            for (int l = 0; l < batch.Count; l++)
            {
                bool matched = false;
                for (int i = table.First(batch.Row(l)); i >= 0; i = table.Next(i))
                {
                    ex.Tick();
                    if (!MergeInto(output.Append(batch.Row(l)), table.Row(i), rightSlots)
                        || (condition is not null && !condition(output.RowArray(output.Count - 1), graph)))
                    {
                        output.DropLast();
                        continue;
                    }
                    matched = true;
                    if (output.IsFull) { yield return output; output.Clear(); }
                }
                if (optional && !matched)
                {
                    output.Append(batch.Row(l));
                    if (output.IsFull) { yield return output; output.Clear(); }
                }
            }
        }
        if (output.Count > 0) yield return output;
    }

    private RowTable Build(GraphScope graph, Execution ex)
    {
        var table = new RowTable(keySlots, shape.Width);
        foreach (var batch in right.RunBatches(new int[shape.Width], graph, ex))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                ex.Tick();
                table.Add(batch.Row(i));
            }
        }
        return table;
    }
}

internal sealed class NestedLoopLeftJoinOp(LeftJoinNode plan, Op left, Op right, Func<int[], GraphScope, bool>? condition) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, right];
    public override string Describe(SlotMap slots) => "NestedLoopLeftJoin" + (plan.Condition is null ? "" : " " + Sse.Write(plan.Condition));

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        foreach (var l in left.Run(seed, graph, ex))
        {
            bool matched = false;
            foreach (var r in right.Run(l, graph, ex))
            {
                if (condition is not null && !condition(r, graph)) continue;
                matched = true;
                yield return r;
            }
            if (!matched) yield return l;
        }
    }
}

internal sealed class FilterOp(FilterNode plan, Op inner, Func<int[], GraphScope, bool> condition) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => "Filter " + Sse.Write(plan.Condition);

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        foreach (var r in inner.Run(seed, graph, ex))
        {
            ex.Tick();
            if (condition(r, graph)) yield return r;
        }
    }
}

internal sealed class UnionOp(UnionNode plan, Op left, Op right) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, right];
    public override string Describe(SlotMap slots) => "Union";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex) =>
        left.Run(seed, graph, ex).Concat(right.Run(seed, graph, ex));
}

/// <summary>MINUS: drops left solutions compatible with a right solution they share a variable with.</summary>
internal sealed class MinusOp(MinusNode plan, Op left, Op right, int[] keySlots, int[] rightSlots, SlotMap shape) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [left, right];
    public override string Describe(SlotMap slots) => "Minus";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        var table = new RowTable(keySlots, shape.Width);
        foreach (var r in right.Run(new int[shape.Width], graph, ex)) table.Add(r);
        foreach (var l in left.Run(seed, graph, ex))
        {
            bool removed = false;
            for (int i = table.First(l); i >= 0 && !removed; i = table.Next(i))
            {
                ex.Tick();
                var r = table.Row(i);
                removed = SharesVariable(l, r) && Compatible(l, r, rightSlots);
            }
            if (!removed) yield return l;
        }
    }

    private bool SharesVariable(int[] l, ReadOnlySpan<int> r)
    {
        foreach (int i in rightSlots) if (l[i] != 0 && r[i] != 0) return true;
        return false;
    }
}

internal sealed class GraphOp(GraphNode plan, Position name, Op inner) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => "Graph " + plan.Name;

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        int g = name.Value(seed);
        if (g != 0 || !name.IsVariable)
        {
            if (!ex.IsNamedGraph(g)) return [];
            return inner.Run(seed, GraphScope.Single(g), ex);
        }
        return EachGraph(seed, ex);
    }

    private IEnumerable<int[]> EachGraph(int[] seed, Execution ex)
    {
        foreach (int g in ex.NamedGraphIds())
        {
            var row = Copy(seed);
            row[name.Slot] = g;
            foreach (var r in inner.Run(row, GraphScope.Single(g), ex)) yield return r;
        }
    }
}

/// <summary>BIND and SELECT expressions; the first of a chain opens a new BNODE(label) scope per solution.</summary>
internal sealed class ExtendOp(ExtendNode plan, Op inner, int slot, Evaluate expression, bool startsSolution) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => $"Extend {plan.Variable} := {Sse.Write(plan.Expression)}";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        foreach (var r in inner.Run(seed, graph, ex))
        {
            if (startsSolution) ex.BlankNodes.Clear();
            var value = expression(r, graph);
            if (value is null) { yield return r; continue; }
            int id = ex.Encode(value);
            if (r[slot] == 0)
            {
                var row = Copy(r);
                row[slot] = id;
                yield return row;
            }
            // Bound already (by the seed): a different value is incompatible.
            else if (r[slot] == id) yield return r;
        }
    }
}

internal sealed class ValuesOp(ValuesNode plan, int[] slots, SlotMap shape) : Op(plan)
{
    private int[][]? _rows;

    public override IReadOnlyList<Op> Children => [];
    public override string Describe(SlotMap slots) => $"Values {plan.Table.Rows.Length} rows";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        _rows ??= plan.Table.Rows.Select(r =>
        {
            var row = new int[shape.Width];
            for (int i = 0; i < slots.Length; i++) if (r[i] is { } t) row[slots[i]] = ex.Encode(t);
            return row;
        }).ToArray();
        foreach (var r in _rows)
            if (Merge(seed, r, slots) is { } merged) yield return merged;
    }
}

/// <summary>
/// Evaluates a node that is not seed-transparent (FILTER, BIND, OPTIONAL … read unbound variables) with only
/// the seed variables it certainly binds itself, then merges the rest of the seed.
/// </summary>
internal sealed class RestrictOp(Op inner, int[] safeSlots, int[] innerSlots, SlotMap shape) : Op(inner.Plan)
{
    private bool[]? _safe;

    public override IReadOnlyList<Op> Children => inner.Children;
    public override string Describe(SlotMap slots) => inner.Describe(slots);

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex) =>
        Reduced(seed) is { } reduced ? MergeSeed(seed, reduced, graph, ex) : inner.Run(seed, graph, ex);

    protected override IEnumerable<RowBatch> ExecuteBatches(int[] seed, GraphScope graph, Execution ex) =>
        Reduced(seed) is { } reduced ? RowBatch.Pack(MergeSeed(seed, reduced, graph, ex), seed.Length) : inner.RunBatches(seed, graph, ex);

    /// <summary>The seed without the variables the node cannot take; null when it has none of them.</summary>
    private int[]? Reduced(int[] seed)
    {
        if (_safe is null)
        {
            var safe = new bool[shape.Width];
            foreach (int i in safeSlots) safe[i] = true;
            _safe = safe;
        }
        bool restricted = false;
        for (int i = 0; i < seed.Length && !restricted; i++) restricted = seed[i] != 0 && !_safe[i];
        if (!restricted) return null;
        var reduced = new int[seed.Length];
        for (int i = 0; i < seed.Length; i++) if (_safe[i]) reduced[i] = seed[i];
        return reduced;
    }

    private IEnumerable<int[]> MergeSeed(int[] seed, int[] reduced, GraphScope graph, Execution ex)
    {
        foreach (var r in inner.Run(reduced, graph, ex))
            if (Merge(seed, r, innerSlots) is { } merged) yield return merged;
    }
}

internal sealed class ProjectOp(ProjectNode plan, Op inner, int[] hidden) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => "Project " + string.Join(" ", plan.Variables);

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        foreach (var r in inner.Run(seed, graph, ex))
        {
            bool any = false;
            foreach (int i in hidden) any |= r[i] != 0;
            if (!any) { yield return r; continue; }
            var row = Copy(r);
            foreach (int i in hidden) row[i] = 0;
            yield return row;
        }
    }
}

internal sealed class DistinctOp(PlanNode plan, Op inner, SlotMap shape) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => plan is ReducedNode ? "Reduced" : "Distinct";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        var seen = new HashSet<int[]>(new RowKeyComparer(RowKeyComparer.AllSlots(shape.Width)));
        foreach (var r in inner.Run(seed, graph, ex))
            if (seen.Add(r)) yield return r;
    }
}

internal sealed class SliceOp(SliceNode plan, Op inner) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) => $"Slice offset {plan.Offset} limit {plan.Limit?.ToString() ?? "-"}";

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        long skip = plan.Offset, take = plan.Limit ?? long.MaxValue;
        if (take <= 0) yield break;
        foreach (var r in inner.Run(seed, graph, ex))
        {
            if (skip > 0) { skip--; continue; }
            yield return r;
            if (--take == 0) yield break;
        }
    }
}

/// <summary>
/// ORDER BY, stable. Under a LIMIT it keeps only the first <paramref name="keep"/> (offset plus limit) rows: it
/// sorts and cuts whenever it holds twice that many, so memory and comparisons stay proportional to the limit.
/// </summary>
internal sealed class OrderByOp(OrderByNode plan, Op inner, (Evaluate Key, bool Descending)[] keys, long? keep) : Op(plan)
{
    public override IReadOnlyList<Op> Children => [inner];
    public override string Describe(SlotMap slots) =>
        "OrderBy " + string.Join(" ", plan.Conditions.Select(c => (c.Descending ? "DESC " : "") + Sse.Write(c.Expression)))
        + (keep is long k ? $" (top {k})" : "");

    protected override IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex)
    {
        var rows = new List<(int[] Row, Term?[] Keys, long Arrival)>();
        long arrival = 0;
        int cut = keep is long limit ? (int)Math.Min(limit, int.MaxValue / 4) : -1;
        var order = Comparer<(int[] Row, Term?[] Keys, long Arrival)>.Create((a, b) =>
        {
            for (int i = 0; i < keys.Length; i++)
            {
                int c = TermOrder.Instance.Compare(a.Keys[i], b.Keys[i]);
                if (c != 0) return keys[i].Descending ? -c : c;
            }
            return a.Arrival.CompareTo(b.Arrival);
        });
        foreach (var r in inner.Run(seed, graph, ex))
        {
            var k = new Term?[keys.Length];
            for (int i = 0; i < keys.Length; i++) k[i] = keys[i].Key(r, graph);
            rows.Add((r, k, arrival++));
            if (cut >= 0 && rows.Count >= 2 * cut + 16)
            {
                rows.Sort(order);
                rows.RemoveRange(cut, rows.Count - cut);
            }
        }
        rows.Sort(order);
        int n = cut >= 0 ? Math.Min(cut, rows.Count) : rows.Count;
        for (int i = 0; i < n; i++) yield return rows[i].Row;
    }
}
