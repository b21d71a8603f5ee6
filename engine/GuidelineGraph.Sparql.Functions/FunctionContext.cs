using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// What functions need from the query run: NOW (fixed per query), the base IRI for IRI(), the random source
/// for RAND(), and the regex cache. One per query execution; not shared between threads.
/// </summary>
public sealed class FunctionContext
{
    public FunctionContext(DateTimeOffset now, string? baseIri = null, Random? random = null, RegexCache? regexes = null)
    {
        Now = XsdTemporal.FromDateTimeOffset(now).ToLiteral();
        BaseIri = baseIri is not null && IriResolver.TryCreate(baseIri, out var resolver) ? resolver : null;
        Random = random ?? new Random();
        Regexes = regexes ?? new RegexCache();
    }

    public Literal Now { get; }
    public IriResolver? BaseIri { get; }
    public Random Random { get; }
    public RegexCache Regexes { get; }
}

/// <summary>
/// BNODE(label) gives the same blank node for the same label within one solution and a different one in the
/// next; the evaluator makes one scope per solution (or calls <see cref="Clear"/> between solutions).
/// </summary>
public sealed class BlankNodeScope
{
    private readonly Dictionary<string, BlankNode> _byLabel = [];

    public BlankNode Get(string label)
    {
        if (!_byLabel.TryGetValue(label, out var node)) _byLabel[label] = node = BlankNode.Fresh();
        return node;
    }

    public void Clear() => _byLabel.Clear();
}
