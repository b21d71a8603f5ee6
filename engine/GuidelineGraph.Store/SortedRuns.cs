namespace GuidelineGraph.Store;

/// <summary>
/// One permutation's quads, sorted and distinct, stored as runs: each distinct first component once
/// (<see cref="Heads"/>, ascending) with the start of its run in <see cref="Tails"/>, which holds the
/// other three components. 12 bytes a quad plus 8 per run instead of 16 a quad.
/// </summary>
internal sealed class SortedRuns
{
    public static readonly SortedRuns Empty = new(Permutation.Gspo, [], [0], []);

    /// <summary>Runs at least this long get a directory on their second component.</summary>
    private const int DirectoryMinRun = 4096;

    // Per run, null or: entry b is the first position of the run whose tail has B >= b, for b up to the
    // largest B + 1. A lookup with B bound (a subject in SPO, an object in OSP) is then two array reads
    // instead of a binary search over a million tails, which is what index nested-loop joins and path
    // walks do per row. Ids are dense, so a directory costs 4 bytes per id, and is built only when that
    // stays within a few bytes per quad of the run.
    private readonly int[]?[] _directories;

    private SortedRuns(Permutation permutation, int[] heads, int[] starts, Key3[] tails)
    {
        Permutation = permutation;
        Heads = heads;
        Starts = starts;
        Tails = tails;
        _directories = new int[]?[heads.Length];
        for (int run = 0; run < heads.Length; run++) _directories[run] = BuildDirectory(starts[run], starts[run + 1]);
    }

    /// <summary>Whether run <paramref name="run"/> answers bound-second-component lookups from a directory.</summary>
    internal bool HasDirectory(int run) => _directories[run] is not null;

    private int[]? BuildDirectory(int start, int end)
    {
        int length = end - start;
        if (length < DirectoryMinRun) return null;
        int maxB = Tails[end - 1].B;
        if (maxB < 0 || maxB > 4L * length) return null;
        var directory = new int[maxB + 2];
        int b = 0;
        for (int i = start; i < end; i++)
            while (b <= Tails[i].B) directory[b++] = i;
        while (b < directory.Length) directory[b++] = end;
        return directory;
    }

    public Permutation Permutation { get; }
    public int[] Heads { get; }
    /// <summary>Run i is Tails[Starts[i]..Starts[i+1]]; one more entry than <see cref="Heads"/>.</summary>
    public int[] Starts { get; }
    public Key3[] Tails { get; }
    public int Count => Tails.Length;

    public long ApproximateBytes => Heads.Length * 8L + Tails.Length * 12L + _directories.Sum(d => d?.Length ?? 0) * 4L;

    /// <summary>Builds from keys that are sorted and distinct.</summary>
    public static SortedRuns FromSorted(Permutation permutation, ReadOnlySpan<Key4> keys)
    {
        int runs = 0;
        for (int i = 0; i < keys.Length; i++)
            if (i == 0 || keys[i].A != keys[i - 1].A) runs++;
        var heads = new int[runs];
        var starts = new int[runs + 1];
        var tails = new Key3[keys.Length];
        int r = -1;
        for (int i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            if (i == 0 || k.A != keys[i - 1].A) { heads[++r] = k.A; starts[r] = i; }
            tails[i] = new Key3(k.B, k.C, k.D);
        }
        starts[runs] = keys.Length;
        return new SortedRuns(permutation, heads, starts, tails);
    }

    /// <summary>Index of the run whose head is <paramref name="head"/>, or -1.</summary>
    public int FindRun(int head)
    {
        int i = Array.BinarySearch(Heads, head);
        return i < 0 ? -1 : i;
    }

    /// <summary>The slice of run <paramref name="run"/> whose tails start with the given prefix.</summary>
    public (int Start, int End) Range(int run, int length, int b, int c, int d)
    {
        int lo = Starts[run], hi = Starts[run + 1];
        if (length == 0) return (lo, hi);
        if (_directories[run] is { } directory)
        {
            if ((uint)b >= (uint)(directory.Length - 1)) return (hi, hi);
            lo = directory[b];
            hi = directory[b + 1];
            if (length == 1) return (lo, hi);
        }
        var tails = Tails;
        // lower bound: first tail >= prefix
        int l = lo, h = hi;
        while (l < h)
        {
            int m = (l + h) >>> 1;
            if (tails[m].ComparePrefix(length, b, c, d) < 0) l = m + 1; else h = m;
        }
        int start = l;
        // upper bound: first tail > prefix. Ranges are mostly short, so gallop from the start (a few
        // comparisons near data already in cache) and only then bisect the last step.
        for (int step = 1; ; step <<= 1)
        {
            int probe = start + step - 1;
            if (probe >= hi) { h = hi; break; }
            if (tails[probe].ComparePrefix(length, b, c, d) > 0) { h = probe; break; }
            l = probe + 1;
        }
        while (l < h)
        {
            int m = (l + h) >>> 1;
            if (tails[m].ComparePrefix(length, b, c, d) <= 0) l = m + 1; else h = m;
        }
        return (start, l);
    }

    public bool Contains(in Key4 key)
    {
        int run = FindRun(key.A);
        if (run < 0) return false;
        var (s, e) = Range(run, 3, key.B, key.C, key.D);
        return e > s;
    }

    /// <summary>Every quad of the permutation as keys, in order.</summary>
    public IEnumerable<Key4> Keys()
    {
        for (int r = 0; r < Heads.Length; r++)
        {
            int head = Heads[r];
            for (int i = Starts[r]; i < Starts[r + 1]; i++)
            {
                var t = Tails[i];
                yield return new Key4(head, t.B, t.C, t.D);
            }
        }
    }

    /// <summary>Copies every quad as keys, in order, into <paramref name="destination"/>.</summary>
    public void CopyKeysTo(Span<Key4> destination)
    {
        for (int r = 0; r < Heads.Length; r++)
        {
            int head = Heads[r];
            for (int i = Starts[r]; i < Starts[r + 1]; i++)
            {
                var t = Tails[i];
                destination[i] = new Key4(head, t.B, t.C, t.D);
            }
        }
    }
}
