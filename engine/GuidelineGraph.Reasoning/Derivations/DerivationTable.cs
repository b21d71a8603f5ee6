namespace GuidelineGraph.Reasoning.Derivations;

[Flags]
internal enum DerivationFlags : byte
{
    None = 0,
    Alive = 1,
    /// <summary>A premise was (tentatively) removed; kept only if every premise comes back.</summary>
    Suspect = 2,
    /// <summary>A negated atom now matches a fact: dead for good.</summary>
    Blocked = 4,
}

/// <summary>
/// Every derivation of one layer, packed in an int arena: [rule, conclusion, bindings…, premises…, next-use links…].
/// A derivation is keyed by (rule, bindings), which also fix its premises. Each fact heads two intrusive lists:
/// the derivations concluding it and the (derivation, premise slot) pairs using it; dead entries are skipped
/// and dropped by <see cref="Compact"/>.
/// </summary>
internal sealed class DerivationTable
{
    private const int SlotBits = 4; // RuleProgram.MaxPositiveAtoms = 16
    private int[] _arena = new int[4096];
    private int _arenaLength;
    private int[] _offset = new int[1024];
    private int[] _nextForConclusion = new int[1024];
    private DerivationFlags[] _flags = new DerivationFlags[1024];
    private int[] _table = new int[2048]; // open addressing over derivation ids; -1 empty, -2 deleted
    private int _tableUsed;
    private readonly int[] _variableCount;
    private readonly int[] _premiseCount;

    public DerivationTable(int[] variableCount, int[] premiseCount)
    {
        _variableCount = variableCount;
        _premiseCount = premiseCount;
        Array.Fill(_table, -1);
    }

    public int Count { get; private set; }
    public int AliveCount { get; private set; }

    public int Rule(int d) => _arena[_offset[d]];
    public int Conclusion(int d) => _arena[_offset[d] + 1];
    public ReadOnlySpan<int> Bindings(int d) => _arena.AsSpan(_offset[d] + 2, _variableCount[Rule(d)]);
    public ReadOnlySpan<int> Premises(int d)
    {
        int r = Rule(d);
        return _arena.AsSpan(_offset[d] + 2 + _variableCount[r], _premiseCount[r]);
    }

    public DerivationFlags Flags(int d) => _flags[d];
    public bool IsAlive(int d) => (_flags[d] & DerivationFlags.Alive) != 0;
    public void SetFlag(int d, DerivationFlags f) => _flags[d] |= f;
    public void ClearFlag(int d, DerivationFlags f) => _flags[d] &= ~f;

    public int NextForConclusion(int d) => _nextForConclusion[d];

    /// <summary>Use links encode (derivation, premise slot).</summary>
    public static int UseDerivation(int use) => use >> SlotBits;
    public int NextUse(int use)
    {
        int d = use >> SlotBits, slot = use & ((1 << SlotBits) - 1);
        int r = Rule(d);
        return _arena[_offset[d] + 2 + _variableCount[r] + _premiseCount[r] + slot];
    }

    public int Find(int rule, ReadOnlySpan<int> bindings)
    {
        int mask = _table.Length - 1;
        for (int i = Hash(rule, bindings) & mask; ; i = (i + 1) & mask)
        {
            int d = _table[i];
            if (d == -1) return -1;
            if (d >= 0 && Rule(d) == rule && Bindings(d).SequenceEqual(bindings)) return d;
        }
    }

    /// <summary>Records a new derivation and links it into the conclusion's and premises' lists.</summary>
    public int Add(int rule, ReadOnlySpan<int> bindings, ReadOnlySpan<int> premises, int conclusion, int[] derivationHead, int[] useHead)
    {
        int d = Count++;
        if (d == _offset.Length)
        {
            Array.Resize(ref _offset, d * 2);
            Array.Resize(ref _nextForConclusion, d * 2);
            Array.Resize(ref _flags, d * 2);
        }
        int size = 2 + bindings.Length + 2 * premises.Length;
        if (_arenaLength + size > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + size));
        int o = _offset[d] = _arenaLength;
        _arenaLength += size;
        _arena[o] = rule;
        _arena[o + 1] = conclusion;
        bindings.CopyTo(_arena.AsSpan(o + 2));
        premises.CopyTo(_arena.AsSpan(o + 2 + bindings.Length));
        int links = o + 2 + bindings.Length + premises.Length;
        for (int k = 0; k < premises.Length; k++)
        {
            _arena[links + k] = useHead[premises[k]];
            useHead[premises[k]] = (d << SlotBits) | k;
        }
        _nextForConclusion[d] = derivationHead[conclusion];
        derivationHead[conclusion] = d;
        _flags[d] = DerivationFlags.Alive;
        AliveCount++;
        Insert(d);
        return d;
    }

    /// <summary>Deletes a derivation: it leaves the key table; list entries stay until compaction.</summary>
    public void Kill(int d)
    {
        if (!IsAlive(d)) return;
        _flags[d] = DerivationFlags.None;
        AliveCount--;
        int mask = _table.Length - 1;
        for (int i = Hash(Rule(d), Bindings(d)) & mask; ; i = (i + 1) & mask)
        {
            if (_table[i] == d) { _table[i] = -2; return; }
        }
    }

    public bool NeedsCompaction => Count - AliveCount > AliveCount + 4096;

    /// <summary>
    /// Drops dead derivations, renumbering the live ones and rebuilding every list; fact lists are reset
    /// through the given heads.
    /// </summary>
    public void Compact(int[] derivationHead, int[] useHead, int factCount)
    {
        var oldArena = _arena;
        var oldOffset = _offset;
        var oldFlags = _flags;
        int oldCount = Count;
        _arena = new int[Math.Max(4096, _arenaLength)];
        _arenaLength = 0;
        _offset = new int[Math.Max(1024, AliveCount * 2)];
        _nextForConclusion = new int[_offset.Length];
        _flags = new DerivationFlags[_offset.Length];
        _table = new int[_table.Length];
        Array.Fill(_table, -1);
        _tableUsed = 0;
        Count = 0;
        AliveCount = 0;
        Array.Fill(derivationHead, -1, 0, factCount);
        Array.Fill(useHead, -1, 0, factCount);
        // Re-add in old id order so list order (newest first) is preserved.
        for (int d = 0; d < oldCount; d++)
        {
            var f = oldFlags[d];
            if ((f & DerivationFlags.Alive) == 0) continue;
            int o = oldOffset[d];
            int r = oldArena[o];
            int v = _variableCount[r], p = _premiseCount[r];
            int nd = Add(r, oldArena.AsSpan(o + 2, v), oldArena.AsSpan(o + 2 + v, p), oldArena[o + 1], derivationHead, useHead);
            _flags[nd] = f;
        }
    }

    private void Insert(int d)
    {
        if ((_tableUsed + 1) * 2 > _table.Length) Rehash();
        int mask = _table.Length - 1;
        int i = Hash(Rule(d), Bindings(d)) & mask;
        while (_table[i] >= 0) i = (i + 1) & mask;
        if (_table[i] == -1) _tableUsed++;
        _table[i] = d;
    }

    private void Rehash()
    {
        var old = _table;
        int size = AliveCount * 4 > old.Length ? old.Length * 2 : old.Length;
        _table = new int[size];
        Array.Fill(_table, -1);
        _tableUsed = 0;
        foreach (int d in old)
        {
            if (d < 0) continue;
            int mask = _table.Length - 1;
            int i = Hash(Rule(d), Bindings(d)) & mask;
            while (_table[i] != -1) i = (i + 1) & mask;
            _table[i] = d;
            _tableUsed++;
        }
    }

    private static int Hash(int rule, ReadOnlySpan<int> bindings)
    {
        uint h = (uint)rule * 0x9E3779B1u;
        foreach (int b in bindings) h = (h ^ (uint)b) * 0x85EBCA77u + 0xC2B2AE3Du;
        h ^= h >> 15;
        return (int)(h & 0x7FFFFFFF);
    }
}
