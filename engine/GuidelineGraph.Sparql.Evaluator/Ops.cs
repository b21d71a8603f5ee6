using System.Runtime.InteropServices;
using GuidelineGraph.Sparql.Optimizer;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// A compiled plan node. <see cref="Run"/> yields eval(node) joined with the seed solution: every solution
/// of the node compatible with <paramref name="seed"/>, merged with it. Rows are int[] of term ids indexed
/// by variable slot, 0 for unbound; a row handed out is never changed afterwards.
/// </summary>
internal abstract class Op(PlanNode plan)
{
    public PlanNode Plan { get; } = plan;
    public long Rows;
    public long Calls;

    public abstract IReadOnlyList<Op> Children { get; }

    /// <summary>Operator name and details for EXPLAIN.</summary>
    public abstract string Describe(SlotMap slots);

    public IEnumerable<int[]> Run(int[] seed, GraphScope graph, Execution ex) =>
        ex.Options.CollectStatistics ? Counted(seed, graph, ex) : Execute(seed, graph, ex);

    private IEnumerable<int[]> Counted(int[] seed, GraphScope graph, Execution ex)
    {
        Calls++;
        foreach (var row in Execute(seed, graph, ex))
        {
            Rows++;
            yield return row;
        }
    }

    protected abstract IEnumerable<int[]> Execute(int[] seed, GraphScope graph, Execution ex);

    /// <summary>
    /// Merges two rows; null when they bind a variable differently. <paramref name="slots"/> lists the slots
    /// <paramref name="right"/> may bind.
    /// </summary>
    public static int[]? Merge(int[] left, int[] right, int[] slots)
    {
        int[]? merged = null;
        foreach (int i in slots)
        {
            int r = right[i];
            if (r == 0) continue;
            int l = left[i];
            if (l == r) continue;
            if (l != 0) return null;
            merged ??= (int[])left.Clone();
            merged[i] = r;
        }
        return merged ?? left;
    }

    public static bool Compatible(int[] left, int[] right, int[] slots)
    {
        foreach (int i in slots)
        {
            int r = right[i], l = left[i];
            if (r != 0 && l != 0 && r != l) return false;
        }
        return true;
    }
}

/// <summary>Row keys for hash tables: the ids at some slots.</summary>
internal sealed class RowKeyComparer(int[] slots) : IEqualityComparer<int[]>
{
    public bool Equals(int[]? x, int[]? y)
    {
        foreach (int i in slots) if (x![i] != y![i]) return false;
        return true;
    }

    public int GetHashCode(int[] row)
    {
        var h = new HashCode();
        foreach (int i in slots) h.Add(row[i]);
        return h.ToHashCode();
    }

    public static int[] AllSlots(int width) => Enumerable.Range(0, width).ToArray();
}

/// <summary>Variable names to slots, and back for output.</summary>
internal sealed class SlotMap
{
    private readonly Dictionary<Syntax.Algebra.Variable, int> _slots = [];
    private readonly List<Syntax.Algebra.Variable> _variables = [];

    public int Width => _variables.Count;

    public int this[Syntax.Algebra.Variable v]
    {
        get
        {
            if (!_slots.TryGetValue(v, out int slot))
            {
                slot = _variables.Count;
                _slots[v] = slot;
                _variables.Add(v);
            }
            return slot;
        }
    }

    public bool TryGetSlot(Syntax.Algebra.Variable v, out int slot) => _slots.TryGetValue(v, out slot);

    public Syntax.Algebra.Variable Variable(int slot) => _variables[slot];

    public int[] SlotsOf(IEnumerable<Syntax.Algebra.Variable> variables) => variables.Select(v => this[v]).Distinct().Order().ToArray();
}

/// <summary>
/// The build side of a hash join or MINUS: rows chained per key in arrival order. A single key slot (the usual
/// case) is keyed on the bare id, without a per-row key object or a per-key list.
/// </summary>
internal sealed class RowTable
{
    private readonly int _singleSlot = -1;
    private readonly Dictionary<int, (int First, int Last)>? _bySingle;
    private readonly Dictionary<int[], (int First, int Last)>? _byMany;
    private readonly List<int[]> _rows = [];
    private readonly List<int> _next = [];

    public RowTable(int[] keySlots)
    {
        if (keySlots.Length == 1)
        {
            _singleSlot = keySlots[0];
            _bySingle = [];
        }
        else _byMany = new Dictionary<int[], (int, int)>(new RowKeyComparer(keySlots));
    }

    public void Add(int[] row)
    {
        int index = _rows.Count;
        _rows.Add(row);
        _next.Add(-1);
        bool exists = false;
        ref var chain = ref _bySingle is not null
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(_bySingle, row[_singleSlot], out exists)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(_byMany!, row, out exists);
        if (exists) _next[chain.Last] = index;
        else chain.First = index;
        chain.Last = index;
    }

    /// <summary>The first row with the key of <paramref name="probe"/>, or -1; then <see cref="Next"/>.</summary>
    public int First(int[] probe)
    {
        bool found = _bySingle is not null ? _bySingle.TryGetValue(probe[_singleSlot], out var chain) : _byMany!.TryGetValue(probe, out chain);
        return found ? chain.First : -1;
    }

    public int Next(int index) => _next[index];

    public int[] Row(int index) => _rows[index];
}
