namespace GuidelineGraph.Ontology.Tests;

internal static class Offenders
{
    /// <summary>Fails with every offender listed, one per line, so a single run shows all the work to do.</summary>
    public static void AssertNone(IEnumerable<string> offenders, string what)
    {
        List<string> list = offenders.Distinct().ToList();
        Assert.True(list.Count == 0, $"{list.Count} {what}:\n  " + string.Join("\n  ", list));
    }
}
