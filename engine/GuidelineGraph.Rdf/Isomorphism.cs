namespace GuidelineGraph.Rdf;

/// <summary>
/// Whether two sets of quads are equal up to a renaming of blank nodes. Blank nodes are coloured by
/// hashing their neighbourhoods until the partition is stable; ties are broken by trying each candidate
/// (individualise one node, refine again) and a full mapping is always checked quad by quad.
/// </summary>
public static class Isomorphism
{
    public static bool AreIsomorphic(IEnumerable<Quad> a, IEnumerable<Quad> b)
    {
        var setA = new HashSet<Quad>(a);
        var setB = new HashSet<Quad>(b);
        if (setA.Count != setB.Count) return false;
        var sideA = new Side(setA);
        var sideB = new Side(setB);
        if (sideA.Ground.Count != sideB.Ground.Count || !sideA.Ground.SetEquals(sideB.Ground)) return false;
        if (sideA.Nodes.Count != sideB.Nodes.Count || sideA.QuadCount != sideB.QuadCount) return false;
        return Search(sideA, sideB, new ulong[sideA.Nodes.Count], new ulong[sideB.Nodes.Count], setB);
    }

    private static bool Search(Side a, Side b, ulong[] colorsA, ulong[] colorsB, HashSet<Quad> setB)
    {
        if (!RefineBoth(a, b, ref colorsA, ref colorsB)) return false;
        // The smallest class with more than one node decides the next branching.
        var classes = new Dictionary<ulong, int>();
        foreach (var c in colorsA) classes[c] = classes.GetValueOrDefault(c) + 1;
        ulong branchColor = 0;
        int best = int.MaxValue;
        foreach (var (color, size) in classes)
            if (size > 1 && size < best)
            {
                best = size;
                branchColor = color;
            }
        if (best == int.MaxValue) return Verify(a, b, colorsA, colorsB, setB);

        int x = Array.IndexOf(colorsA, branchColor);
        ulong distinct = Mix(branchColor ^ 0x5851F42D4C957F2DUL);
        for (int y = 0; y < colorsB.Length; y++)
        {
            if (colorsB[y] != branchColor) continue;
            var nextA = (ulong[])colorsA.Clone();
            var nextB = (ulong[])colorsB.Clone();
            nextA[x] = distinct;
            nextB[y] = distinct;
            if (Search(a, b, nextA, nextB, setB)) return true;
        }
        return false;
    }

    /// <summary>Refines both colourings in lockstep until stable; false as soon as their colour multisets differ.</summary>
    private static bool RefineBoth(Side a, Side b, ref ulong[] colorsA, ref ulong[] colorsB)
    {
        // Refinement only splits classes, so colourings that differ once differ at the fixpoint: compare there.
        int classes = -1;
        while (true)
        {
            int now = CountDistinct(colorsA);
            if (now == classes || now == colorsA.Length) return SameMultiset(colorsA, colorsB);
            classes = now;
            colorsA = a.Refine(colorsA);
            colorsB = b.Refine(colorsB);
        }
    }

    private static bool Verify(Side a, Side b, ulong[] colorsA, ulong[] colorsB, HashSet<Quad> setB)
    {
        var byColor = new Dictionary<ulong, BlankNode>();
        for (int i = 0; i < colorsB.Length; i++) byColor[colorsB[i]] = b.Nodes[i];
        var map = new Dictionary<BlankNode, BlankNode>();
        for (int i = 0; i < colorsA.Length; i++) map[a.Nodes[i]] = byColor[colorsA[i]];
        Term M(Term t) => t is BlankNode n ? map[n] : t;
        foreach (var q in a.WithBlankNodes)
        {
            var mapped = new Quad(M(q.Subject), q.Predicate, M(q.Object), q.Graph is null ? null : M(q.Graph));
            if (!setB.Contains(mapped)) return false;
        }
        return true;
    }

    private static bool SameMultiset(ulong[] x, ulong[] y)
    {
        var sx = (ulong[])x.Clone();
        var sy = (ulong[])y.Clone();
        Array.Sort(sx);
        Array.Sort(sy);
        return sx.AsSpan().SequenceEqual(sy);
    }

    private static int CountDistinct(ulong[] colors) => new HashSet<ulong>(colors).Count;

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }

    private sealed class Side
    {
        public readonly HashSet<Quad> Ground = [];
        public readonly List<Quad> WithBlankNodes = [];
        public readonly List<BlankNode> Nodes = [];
        private readonly Dictionary<BlankNode, int> _index = [];
        // Per quad with blank nodes, four positions: a node index, or -1 and a constant hash.
        private readonly List<int> _node = [];
        private readonly List<ulong> _constant = [];

        public Side(HashSet<Quad> quads)
        {
            foreach (var q in quads)
            {
                if (q.Subject is not BlankNode && q.Object is not BlankNode && q.Graph is not BlankNode)
                {
                    Ground.Add(q);
                    continue;
                }
                WithBlankNodes.Add(q);
                Add(q.Subject);
                Add(q.Predicate);
                Add(q.Object);
                Add(q.Graph);
            }
        }

        public int QuadCount => WithBlankNodes.Count;

        private void Add(Term? t)
        {
            if (t is BlankNode n)
            {
                if (!_index.TryGetValue(n, out int i))
                {
                    i = Nodes.Count;
                    _index[n] = i;
                    Nodes.Add(n);
                }
                _node.Add(i);
                _constant.Add(0);
            }
            else
            {
                _node.Add(-1);
                _constant.Add(t is null ? 0x9E3779B97F4A7C15UL : Mix((ulong)(uint)t.GetHashCode() | ((ulong)t.Kind << 40)));
            }
        }

        public ulong[] Refine(ulong[] colors)
        {
            var sums = new ulong[colors.Length];
            for (int q = 0; q < WithBlankNodes.Count; q++)
            {
                ulong signature = 0;
                for (int i = 0; i < 4; i++)
                {
                    int n = _node[q * 4 + i];
                    signature = Mix(signature * 31 + (n >= 0 ? colors[n] + 1 : _constant[q * 4 + i]));
                }
                for (int i = 0; i < 4; i++)
                {
                    int n = _node[q * 4 + i];
                    if (n >= 0) sums[n] += Mix(signature + (ulong)(i + 1) * 0x9E3779B97F4A7C15UL);
                }
            }
            var next = new ulong[colors.Length];
            for (int n = 0; n < colors.Length; n++) next[n] = Mix(colors[n] * 0x100000001B3UL + sums[n]);
            return next;
        }
    }
}
