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
            if (++_run >= _runEnd) return false;
            _head = runs.Heads[_run];
            (_pos, _end) = runs.Range(_run, _length, _b, _c, _d);
        }
    }
}
