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

    /// <summary>
    /// The same solutions as <see cref="Run"/>, a batch at a time. A batch is valid until the next MoveNext;
    /// consumers copy what they keep. Row at a time when the options turn vectorized evaluation off.
    /// </summary>
    public IEnumerable<RowBatch> RunBatches(int[] seed, GraphScope graph, Execution ex) =>
        !ex.Options.Vectorized ? RowBatch.Pack(Run(seed, graph, ex), seed.Length)
        : ex.Options.CollectStatistics ? CountedBatches(seed, graph, ex) : ExecuteBatches(seed, graph, ex);

    private IEnumerable<RowBatch> CountedBatches(int[] seed, GraphScope graph, Execution ex)
    {
        Calls++;
        foreach (var batch in ExecuteBatches(seed, graph, ex))
        {
            Rows += batch.Count;
            yield return batch;
        }
    }

    /// <summary>Operators that produce batches natively override this; the rest have their rows packed.</summary>
    protected virtual IEnumerable<RowBatch> ExecuteBatches(int[] seed, GraphScope graph, Execution ex) =>
        RowBatch.Pack(Execute(seed, graph, ex), seed.Length);

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
    public static int[]? Merge(int[] left, ReadOnlySpan<int> right, int[] slots)
    {
        int[]? merged = null;
        foreach (int i in slots)
        {
            int r = right[i];
            if (r == 0) continue;
            int l = left[i];
            if (l == r) continue;
            if (l != 0) return null;
            merged ??= Copy(left);
            merged[i] = r;
        }
        return merged ?? left;
    }

    /// <summary>Merges <paramref name="right"/> into <paramref name="into"/> (a copy of the left row); false when they conflict.</summary>
    public static bool MergeInto(Span<int> into, ReadOnlySpan<int> right, int[] slots)
    {
        foreach (int i in slots)
        {
            int r = right[i];
            if (r == 0) continue;
            int l = into[i];
            if (l == r) continue;
            if (l != 0) return false;
            into[i] = r;
        }
        return true;
    }

    /// <summary>A copy of a row; rows are a few ids, and a loop copies them faster than Array.Clone.</summary>
    public static int[] Copy(int[] row)
    {
        var copy = new int[row.Length];
        for (int i = 0; i < copy.Length; i++) copy[i] = row[i];
        return copy;
    }

    public static bool Compatible(ReadOnlySpan<int> left, ReadOnlySpan<int> right, int[] slots)
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
/// The build side of a hash join or MINUS: rows copied into chunks, then, at the first probe, chained per key in
/// arrival order, the chains found by open addressing over int keys sized for the rows there are (no per-entry
/// objects, no rehashing, one multiply per hash). The key is the id itself for one key slot (the usual case), else
/// a hash of the key ids: rows of another key that share the hash stay in the chain, and the caller's compatibility
/// check (the key slots are bound on both sides) drops them.
/// </summary>
internal sealed class RowTable(int[] keySlots, int width)
{
    private const int ChunkRows = 1024;

    private readonly List<int[]> _chunks = [];
    private int _count;
    // Built at the first probe: per row the next of its chain; per hash slot the key and its chain's first and last
    // row plus one (First 0 = free slot), side by side so that a probe touches one cache line.
    private int[]? _next;
    private HashSlot[]? _slots;
    private int _shift;

    private struct HashSlot
    {
        public int Key, First, Last;
    }

    public void Add(ReadOnlySpan<int> row)
    {
        if (_slots is not null) throw new InvalidOperationException("rows are added before the first probe");
        int offset = (_count & (ChunkRows - 1)) * width;
        // The first chunk starts small and doubles, so that a table of a few rows stays small.
        if (offset == 0) _chunks.Add(new int[(_count == 0 ? 16 : ChunkRows) * Math.Max(1, width)]);
        else if (offset + width > _chunks[^1].Length) _chunks[^1] = Resized(_chunks[^1]);
        var into = _chunks[^1].AsSpan(offset, width);
        for (int i = 0; i < into.Length; i++) into[i] = row[i];
        _count++;
    }

    private int[] Resized(int[] chunk)
    {
        Array.Resize(ref chunk, Math.Min(chunk.Length * 2, ChunkRows * Math.Max(1, width)));
        return chunk;
    }

    private int Key(ReadOnlySpan<int> row)
    {
        if (keySlots.Length == 1) return row[keySlots[0]];
        var h = new HashCode();
        foreach (int i in keySlots) h.Add(row[i]);
        return h.ToHashCode();
    }

    /// <summary>The hash slot of <paramref name="key"/>: its own, or the free one where it would go.</summary>
    private ref HashSlot Slot(int key)
    {
        var slots = _slots!;
        int mask = slots.Length - 1;
        int h = (int)(((uint)key * 0x9E3779B9u) >> _shift);
        while (slots[h].First != 0 && slots[h].Key != key) h = (h + 1) & mask;
        return ref slots[h];
    }

    /// <summary>Chains the rows; at most half the hash slots are taken, so that probe runs stay short.</summary>
    private void Index()
    {
        int bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)_count * 2));
        _shift = 32 - bits;
        _slots = new HashSlot[1 << bits];
        _next = new int[_count];
        for (int index = 0; index < _count; index++)
        {
            _next[index] = -1;
            int key = Key(Row(index));
            ref var slot = ref Slot(key);
            if (slot.First != 0) _next[slot.Last - 1] = index;
            else
            {
                slot.Key = key;
                slot.First = index + 1;
            }
            slot.Last = index + 1;
        }
    }

    /// <summary>The first row that may have the key of <paramref name="probe"/>, or -1; then <see cref="Next"/>.</summary>
    public int First(ReadOnlySpan<int> probe)
    {
        if (_slots is null) Index();
        return Slot(Key(probe)).First - 1;
    }

    public int Next(int index) => _next![index];

    public ReadOnlySpan<int> Row(int index) => _chunks[index / ChunkRows].AsSpan(index % ChunkRows * width, width);
}

/// <summary>
/// Up to <see cref="Capacity"/> solutions of <see cref="Width"/> ids each, row after row in one array: what
/// vectorized operators pass along instead of one array per solution.
/// </summary>
internal sealed class RowBatch(int width)
{
    /// <summary>Rows a batch holds at most. It starts at a few and doubles, so that small results stay small.</summary>
    public const int Capacity = 1024;

    private int[] _ids = new int[Math.Max(1, width) * 16];

    public int Width { get; } = width;
    public int Count { get; private set; }
    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<int> Row(int index) => _ids.AsSpan(index * Width, Width);

    public int[] RowArray(int index) => Row(index).ToArray();

    /// <summary>Appends a copy of <paramref name="row"/> and returns it for the caller to fill in.</summary>
    public Span<int> Append(ReadOnlySpan<int> row)
    {
        int start = Count * Width;
        if (start + Width > _ids.Length) Array.Resize(ref _ids, Math.Min(_ids.Length * 2, Math.Max(1, Width) * Capacity));
        Count++;
        var slot = _ids.AsSpan(start, Width);
        // Rows are a few ids: a loop beats a call to memmove.
        for (int i = 0; i < slot.Length; i++) slot[i] = row[i];
        return slot;
    }

    /// <summary>Takes back the row just appended (it did not match after all).</summary>
    public void DropLast() => Count--;

    public void Clear() => Count = 0;

    public static IEnumerable<RowBatch> Pack(IEnumerable<int[]> rows, int width)
    {
        var batch = new RowBatch(width);
        foreach (var row in rows)
        {
            batch.Append(row);
            if (batch.IsFull) { yield return batch; batch.Clear(); }
        }
        if (batch.Count > 0) yield return batch;
    }

    public static IEnumerable<int[]> Unpack(IEnumerable<RowBatch> batches)
    {
        foreach (var batch in batches)
            for (int i = 0; i < batch.Count; i++) yield return batch.RowArray(i);
    }
}
