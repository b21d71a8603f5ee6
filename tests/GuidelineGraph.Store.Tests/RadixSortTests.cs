namespace GuidelineGraph.Store.Tests;

public class RadixSortTests
{
    [Theory]
    [InlineData(1, 1000, 5)]            // few distinct values: many equal digits, skipped passes
    [InlineData(2, 5000, 1 << 20)]      // two digits per component
    [InlineData(3, 3000, int.MaxValue)] // full 31-bit ids: three digits per component
    [InlineData(4, 1, 100)]
    public void Sorts_like_a_comparison_sort(int seed, int count, int maxId)
    {
        var rnd = new Random(seed);
        var keys = Enumerable.Range(0, count)
            .Select(_ => new Key4(rnd.Next(3), rnd.Next(maxId), rnd.Next(Math.Min(maxId, 40)), rnd.Next(maxId))).ToArray();
        var expected = keys.Order().ToArray();
        var sorted = RadixSort.Sort(keys.ToArray(), new Key4[count]);
        Assert.Equal(expected, sorted.ToArray());
    }
}
