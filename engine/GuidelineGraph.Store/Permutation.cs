using System.Runtime.CompilerServices;

namespace GuidelineGraph.Store;

/// <summary>
/// Orders of the quad components. The graph-leading three answer every pattern within a graph; the
/// graph-trailing three answer "any graph" patterns in one scan when a dataset has many graphs.
/// </summary>
internal enum Permutation : byte { Gspo, Gpos, Gosp, Spog, Posg, Ospg }

/// <summary>A quad with its components in some permutation's order; compares lexicographically.</summary>
internal readonly record struct Key4(int A, int B, int C, int D) : IComparable<Key4>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int CompareTo(Key4 other)
    {
        if (A != other.A) return A < other.A ? -1 : 1;
        if (B != other.B) return B < other.B ? -1 : 1;
        if (C != other.C) return C < other.C ? -1 : 1;
        return D == other.D ? 0 : D < other.D ? -1 : 1;
    }
}

/// <summary>The last three components of a <see cref="Key4"/>; the first lives in the run directory.</summary>
internal readonly record struct Key3(int B, int C, int D)
{
    /// <summary>Compares the first <paramref name="length"/> components with a prefix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ComparePrefix(int length, int b, int c, int d)
    {
        if (length == 0) return 0;
        if (B != b) return B < b ? -1 : 1;
        if (length == 1) return 0;
        if (C != c) return C < c ? -1 : 1;
        if (length == 2) return 0;
        return D == d ? 0 : D < d ? -1 : 1;
    }
}

internal static class Permutations
{
    public static readonly Permutation[] GraphLeading = [Permutation.Gspo, Permutation.Gpos, Permutation.Gosp];
    public static readonly Permutation[] GraphTrailing = [Permutation.Spog, Permutation.Posg, Permutation.Ospg];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Key4 ToKey(this Permutation p, in IdQuad q) => p switch
    {
        Permutation.Gspo => new(q.G, q.S, q.P, q.O),
        Permutation.Gpos => new(q.G, q.P, q.O, q.S),
        Permutation.Gosp => new(q.G, q.O, q.S, q.P),
        Permutation.Spog => new(q.S, q.P, q.O, q.G),
        Permutation.Posg => new(q.P, q.O, q.S, q.G),
        _ => new(q.O, q.S, q.P, q.G),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IdQuad ToQuad(this Permutation p, int a, in Key3 t) => p switch
    {
        Permutation.Gspo => new(t.B, t.C, t.D, a),
        Permutation.Gpos => new(t.D, t.B, t.C, a),
        Permutation.Gosp => new(t.C, t.D, t.B, a),
        Permutation.Spog => new(a, t.B, t.C, t.D),
        Permutation.Posg => new(t.C, a, t.B, t.D),
        _ => new(t.B, t.C, a, t.D),
    };

    public static bool IsGraphLeading(this Permutation p) => p <= Permutation.Gosp;
}
