using System.Collections;

namespace GuidelineGraph.Store;

/// <summary>
/// The quads of a snapshot matching an <see cref="IdPattern"/>: the base range scan minus removed
/// quads, then the added ones. Order: by graph, then by the permutation chosen for the pattern,
/// within the base and within the additions separately; callers must not rely on more.
/// </summary>
public struct QuadScan : IEnumerator<IdQuad>, IEnumerable<IdQuad>
{
    private IndexScan _base, _added;
    private readonly QuadIndex? _removed;
    private bool _inAdded;

    internal QuadScan(IndexScan baseScan, QuadIndex removed, IndexScan added)
    {
        _base = baseScan;
        _removed = removed.Count == 0 ? null : removed;
        _added = added;
        _inAdded = false;
        Current = default;
    }

    public IdQuad Current { get; private set; }
    readonly object IEnumerator.Current => Current;

    public bool MoveNext()
    {
        while (!_inAdded)
        {
            if (!_base.MoveNext()) { _inAdded = true; break; }
            if (_removed is not null && _removed.Contains(_base.Current)) continue;
            Current = _base.Current;
            return true;
        }
        if (!_added.MoveNext()) return false;
        Current = _added.Current;
        return true;
    }

    /// <summary>Fills <paramref name="into"/> from its start with the next quads; returns how many, 0 at the end.</summary>
    public int Read(Span<IdQuad> into)
    {
        int n = 0;
        if (!_inAdded && _removed is null)
        {
            n = _base.Read(into);
            if (n == into.Length) return n;
            _inAdded = true;
        }
        while (n < into.Length && MoveNext()) into[n++] = Current;
        return n;
    }

    public readonly QuadScan GetEnumerator() => this;
    readonly IEnumerator<IdQuad> IEnumerable<IdQuad>.GetEnumerator() => this;
    readonly IEnumerator IEnumerable.GetEnumerator() => this;

    public readonly void Reset() => throw new NotSupportedException("a scan runs once; ask the snapshot for a new one");
    public readonly void Dispose() { }
}
