namespace GuidelineGraph.Store;

/// <summary>
/// Walks a range of runs of one permutation and, in each, the slice of tails starting with a prefix.
/// A struct so that nested-loop joins over many small scans allocate nothing.
/// </summary>
internal struct IndexScan
{
    private readonly SortedRuns? _runs;
    private readonly int _runEnd, _length, _b, _c, _d;
    private readonly bool _namedOnly;
    private int _run, _head, _pos, _end;

    public IndexScan(SortedRuns runs, int firstRun, int runEnd, int length, int b, int c, int d, bool namedOnly)
    {
        _runs = runs;
        _run = firstRun - 1;
        _runEnd = runEnd;
        _length = length;
        _b = b; _c = c; _d = d;
        _namedOnly = namedOnly;
        Current = default;
    }

    public IdQuad Current { get; private set; }

    public bool MoveNext()
    {
        var runs = _runs;
        if (runs is null) return false;
        var tails = runs.Tails;
        while (true)
        {
            while (_pos < _end)
            {
                var t = tails[_pos++];
                // Graph-trailing permutations keep the graph last; "named graphs only" skips the default one.
                if (_namedOnly && t.D == TermIds.DefaultGraph) continue;
                Current = runs.Permutation.ToQuad(_head, t);
                return true;
            }
            if (!NextRun()) return false;
        }
    }

    /// <summary>Fills <paramref name="into"/> from its start with the next quads, a slice of tails at a time; 0 at the end.</summary>
    public int Read(Span<IdQuad> into)
    {
        var runs = _runs;
        if (runs is null) return 0;
        if (_namedOnly)
        {
            int m = 0;
            while (m < into.Length && MoveNext()) into[m++] = Current;
            return m;
        }
        var permutation = runs.Permutation;
        int n = 0;
        while (n < into.Length)
        {
            if (_pos == _end && !NextRun()) break;
            int take = Math.Min(_end - _pos, into.Length - n);
            var tails = runs.Tails.AsSpan(_pos, take);
            var target = into.Slice(n, take);
            for (int i = 0; i < tails.Length; i++) target[i] = permutation.ToQuad(_head, tails[i]);
            _pos += take;
            n += take;
        }
        return n;
    }

    /// <summary>Moves to the next run's slice; false after the last run.</summary>
    private bool NextRun()
    {
        if (++_run >= _runEnd) return false;
        _head = _runs!.Heads[_run];
        (_pos, _end) = _runs.Range(_run, _length, _b, _c, _d);
        return true;
    }
}
