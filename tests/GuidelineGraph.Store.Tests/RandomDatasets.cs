using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Tests;

/// <summary>Seeded random datasets over a small vocabulary, so that patterns hit often.</summary>
internal static class RandomDatasets
{
    public static Term[] Nodes(int n) =>
        Enumerable.Range(0, n).Select(i => i % 5 == 4 ? (Term)new BlankNode("b" + i) : new Iri($"http://ex.org/n{i}")).ToArray();

    public static Iri[] Predicates(int n) => Enumerable.Range(0, n).Select(i => new Iri($"http://ex.org/p{i}")).ToArray();

    public static Term[] Objects(Term[] nodes) =>
    [
        .. nodes,
        new Literal("plain"), new Literal("1", Vocab.Xsd.Integer), new Literal("chat", "fr"), new Literal("chat", "en"),
        new Literal("日本語 é"), new Literal(""), new Literal("1", Vocab.Xsd.Decimal),
    ];

    public static List<Quad> Generate(int seed, int count, int graphs)
    {
        var rnd = new Random(seed);
        var nodes = Nodes(20);
        var preds = Predicates(4);
        var objects = Objects(nodes);
        var graphNames = Enumerable.Range(0, graphs).Select(i => (Term?)new Iri($"http://ex.org/g{i}")).Prepend(null).ToArray();
        var quads = new List<Quad>();
        for (int i = 0; i < count; i++)
            quads.Add(new Quad(nodes[rnd.Next(nodes.Length)], preds[rnd.Next(preds.Length)], objects[rnd.Next(objects.Length)],
                graphNames[rnd.Next(graphNames.Length)]));
        return quads;
    }
}
