using System.Numerics;

namespace GuidelineGraph.Store;

/// <summary>
/// LSD radix sort of <see cref="Key4"/> by 11-bit digits, least significant component first, only over
/// the bits the largest id needs: a million keys of 20-bit ids take about five linear passes instead
/// of twenty comparisons each. Components must be non-negative (ids are).
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11, Buckets = 1 << DigitBits;

    private interface IComponent { static abstract int Of(in Key4 k); }
    private struct ComponentA : IComponent { public static int Of(in Key4 k) => k.A; }
    private struct ComponentB : IComponent { public static int Of(in Key4 k) => k.B; }
    private struct ComponentC : IComponent { public static int Of(in Key4 k) => k.C; }
    private struct ComponentD : IComponent { public static int Of(in Key4 k) => k.D; }

    /// <summary>Sorts <paramref name="keys"/> using <paramref name="scratch"/> (same length); returns whichever holds the result.</summary>
    public static Span<Key4> Sort(Span<Key4> keys, Span<Key4> scratch)
    {
        if (scratch.Length < keys.Length) throw new ArgumentException("scratch smaller than keys", nameof(scratch));
        scratch = scratch[..keys.Length];
        int maxA = 0, maxB = 0, maxC = 0, maxD = 0;
        foreach (ref readonly var k in keys)
        {
            maxA |= k.A; maxB |= k.B; maxC |= k.C; maxD |= k.D;
        }
        var counts = new int[Buckets];
        var source = keys;
        var target = scratch;
        SortBy<ComponentD>(maxD, ref source, ref target, counts);
        SortBy<ComponentC>(maxC, ref source, ref target, counts);
        SortBy<ComponentB>(maxB, ref source, ref target, counts);
        SortBy<ComponentA>(maxA, ref source, ref target, counts);
        return source;
    }

    private static void SortBy<T>(int max, ref Span<Key4> source, ref Span<Key4> target, int[] counts) where T : IComponent
    {
        int bits = 32 - BitOperations.LeadingZeroCount((uint)max);
        for (int shift = 0; shift < bits; shift += DigitBits)
        {
            Array.Clear(counts);
            foreach (ref readonly var k in source) counts[(T.Of(k) >>> shift) & (Buckets - 1)]++;
            if (counts[(T.Of(source[0]) >>> shift) & (Buckets - 1)] == source.Length) continue; // one digit value: already in order
            int sum = 0;
            for (int i = 0; i < Buckets; i++) { int c = counts[i]; counts[i] = sum; sum += c; }
            foreach (ref readonly var k in source) target[counts[(T.Of(k) >>> shift) & (Buckets - 1)]++] = k;
            var swap = source;
            source = target;
            target = swap;
        }
    }
}
