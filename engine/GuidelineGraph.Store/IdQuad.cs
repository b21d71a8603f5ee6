namespace GuidelineGraph.Store;

/// <summary>Reserved ids and wildcards of the id-level API.</summary>
public static class TermIds
{
    /// <summary>The default graph's id; no term ever gets it.</summary>
    public const int DefaultGraph = 0;
    /// <summary>Unbound subject, predicate or object; as a graph: any graph, default included.</summary>
    public const int Any = -1;
    /// <summary>As a graph only: any named graph (the default graph excluded).</summary>
    public const int AnyNamed = -2;
}

/// <summary>A quad of term ids; <see cref="G"/> is <see cref="TermIds.DefaultGraph"/> for the default graph.</summary>
public readonly record struct IdQuad(int S, int P, int O, int G)
{
    public override string ToString() => $"({S} {P} {O} {G})";
}

/// <summary>
/// A quad pattern over ids: S, P, O are an id or <see cref="TermIds.Any"/>; G is an id,
/// <see cref="TermIds.DefaultGraph"/>, <see cref="TermIds.Any"/> or <see cref="TermIds.AnyNamed"/>.
/// </summary>
public readonly record struct IdPattern(int S, int P, int O, int G)
{
    public static readonly IdPattern All = new(TermIds.Any, TermIds.Any, TermIds.Any, TermIds.Any);

    public bool Matches(in IdQuad q) =>
        (S < 0 || S == q.S) && (P < 0 || P == q.P) && (O < 0 || O == q.O) &&
        (G == TermIds.Any || (G == TermIds.AnyNamed ? q.G != TermIds.DefaultGraph : G == q.G));
}

/// <summary>Which graphs a term-level pattern looks in.</summary>
public readonly record struct GraphSelector
{
    private GraphSelector(int kind, Rdf.Term? name) { Kind = kind; Name = name; }

    private int Kind { get; }
    /// <summary>The graph name when the selector is one named graph.</summary>
    public Rdf.Term? Name { get; }

    public static GraphSelector Default => new(0, null);
    public static GraphSelector AnyNamed => new(1, null);
    public static GraphSelector Any => new(2, null);
    public static GraphSelector Named(Rdf.Term name) => new(3, name ?? throw new ArgumentNullException(nameof(name)));

    public bool IsDefault => Kind == 0;
    public bool IsAnyNamed => Kind == 1;
    public bool IsAny => Kind == 2;

    public override string ToString() => Kind switch { 0 => "DEFAULT", 1 => "NAMED", 2 => "ALL", _ => Name!.ToString() };
}
