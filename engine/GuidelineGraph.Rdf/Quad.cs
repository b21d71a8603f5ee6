namespace GuidelineGraph.Rdf;

/// <summary>
/// A statement in a dataset. <see cref="Graph"/> is null for the default graph.
/// Subject is an IRI or blank node; graph name likewise.
/// </summary>
public readonly record struct Quad(Term Subject, Iri Predicate, Term Object, Term? Graph = null)
{
    public bool InDefaultGraph => Graph is null;

    public Triple Triple => new(Subject, Predicate, Object);

    public override string ToString() =>
        Graph is null ? $"{Subject} {Predicate} {Object} ." : $"{Subject} {Predicate} {Object} {Graph} .";
}

public readonly record struct Triple(Term Subject, Iri Predicate, Term Object)
{
    public Quad InGraph(Term? graph) => new(Subject, Predicate, Object, graph);
    public override string ToString() => $"{Subject} {Predicate} {Object} .";
}
