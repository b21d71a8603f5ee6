using System.Runtime.InteropServices;

namespace GuidelineGraph.Reasoning.Evaluation;

internal readonly record struct TripleIds(int S, int P, int O)
{
    public int this[int position] => position switch { 0 => S, 1 => P, _ => O };
}

[Flags]
internal enum FactFlags : byte
{
    None = 0,
    Alive = 1,
    Input = 2,
    /// <summary>Derived in the current round, visible from the next one.</summary>
    Pending = 4,
    /// <summary>Taken out (possibly only tentatively) during the current update.</summary>
    RemovedInUpdate = 8,
    /// <summary>Linked into the access-pattern indexes (stays so while dead, so a revival is cheap).</summary>
    Indexed = 16,
}

/// <summary>
/// The facts of one layer, dictionary-encoded. A fact id is stable for the life of the table: a removed fact
/// becomes a tombstone and a later re-derivation revives the same id. Each fact carries the stamp of the
/// round that made it visible, which is how evaluation tells stable, recent and all facts apart.
/// Indexes are hash chains per access pattern (bound positions S=1, P=2, O=4), built on first use.
/// </summary>
internal sealed class FactTable
{
    public const int MaskS = 1, MaskP = 2, MaskO = 4;

    private readonly Dictionary<TripleIds, int> _lookup = [];
    private TripleIds[] _facts = new TripleIds[1024];
    private int[] _stamp = new int[1024];
    private FactFlags[] _flags = new FactFlags[1024];
    /// <summary>Head of the list of derivations concluding the fact, and of the list of premise uses.</summary>
    public int[] DerivationHead = new int[1024];
    public int[] UseHead = new int[1024];
    private readonly Index?[] _indexes = new Index?[7];

    public int Count { get; private set; }
    public int AliveCount { get; private set; }

    private sealed class Index(int mask)
    {
        public readonly int Mask = mask;
        public readonly Dictionary<long, int> Heads = [];
        public int[] Next = [];
    }

    public TripleIds this[int fact] => _facts[fact];
    public FactFlags Flags(int fact) => _flags[fact];
    public int Stamp(int fact) => _stamp[fact];
    public bool IsAlive(int fact) => (_flags[fact] & FactFlags.Alive) != 0;
    public bool IsInput(int fact) => (_flags[fact] & FactFlags.Input) != 0;

    public void SetFlag(int fact, FactFlags flag) => _flags[fact] |= flag;
    public void ClearFlag(int fact, FactFlags flag) => _flags[fact] &= ~flag;

    public int Find(in TripleIds t) => _lookup.TryGetValue(t, out int f) ? f : -1;

    /// <summary>The id of an alive fact equal to the triple, or -1.</summary>
    public int FindAlive(in TripleIds t) => _lookup.TryGetValue(t, out int f) && IsAlive(f) ? f : -1;

    /// <summary>Adds a fact that is not yet visible (not alive, not indexed).</summary>
    public int Create(in TripleIds t)
    {
        if (Count == _facts.Length) Grow();
        int f = Count++;
        _facts[f] = t;
        _flags[f] = FactFlags.None;
        DerivationHead[f] = -1;
        UseHead[f] = -1;
        _lookup.Add(t, f);
        return f;
    }

    /// <summary>Makes a fact visible with the given stamp, linking it into the indexes the first time.</summary>
    public void Publish(int fact, int stamp)
    {
        _stamp[fact] = stamp;
        if (!IsAlive(fact)) AliveCount++;
        _flags[fact] = (_flags[fact] | FactFlags.Alive) & ~FactFlags.Pending;
        if ((_flags[fact] & FactFlags.Indexed) != 0) return;
        _flags[fact] |= FactFlags.Indexed;
        foreach (var index in _indexes) if (index is not null) Link(index, fact);
    }

    /// <summary>Restores a tombstone without changing its stamp (it was visible before this update).</summary>
    public void Restore(int fact)
    {
        if (!IsAlive(fact)) AliveCount++;
        _flags[fact] |= FactFlags.Alive;
    }

    public void Kill(int fact)
    {
        if (IsAlive(fact)) AliveCount--;
        _flags[fact] &= ~FactFlags.Alive;
    }

    private void Grow()
    {
        int n = _facts.Length * 2;
        Array.Resize(ref _facts, n);
        Array.Resize(ref _stamp, n);
        Array.Resize(ref _flags, n);
        Array.Resize(ref DerivationHead, n);
        Array.Resize(ref UseHead, n);
        foreach (var index in _indexes) if (index is not null) Array.Resize(ref index.Next, n);
    }

    public static long Key(int mask, in TripleIds t) => mask switch
    {
        MaskS => t.S,
        MaskP => t.P,
        MaskO => t.O,
        MaskS | MaskP => ((long)t.P << 32) | (uint)t.S,
        MaskP | MaskO => ((long)t.P << 32) | (uint)t.O,
        _ => ((long)t.S << 32) | (uint)t.O,
    };

    private void Link(Index index, int fact)
    {
        ref int head = ref CollectionsMarshal.GetValueRefOrAddDefault(index.Heads, Key(index.Mask, _facts[fact]), out bool exists);
        index.Next[fact] = exists ? head : -1;
        head = fact;
    }

    /// <summary>Builds the index for an access pattern if it is not there yet.</summary>
    public void EnsureIndex(int mask)
    {
        if (mask is <= 0 or >= 7 || _indexes[mask] is not null) return;
        var index = new Index(mask) { Next = new int[_facts.Length] };
        _indexes[mask] = index;
        for (int f = 0; f < Count; f++) if ((_flags[f] & FactFlags.Indexed) != 0) Link(index, f);
    }

    /// <summary>First fact of the chain for a key (alive or not), or -1; continue with <see cref="NextInChain"/>.</summary>
    public int ChainHead(int mask, long key) => _indexes[mask]!.Heads.TryGetValue(key, out int f) ? f : -1;

    public int NextInChain(int mask, int fact) => _indexes[mask]!.Next[fact];
}
