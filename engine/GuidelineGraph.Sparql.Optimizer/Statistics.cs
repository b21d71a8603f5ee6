using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Optimizer;

/// <summary>What the planner asks the data about; a store answers from its indexes without scanning.</summary>
public interface IStatistics
{
    /// <summary>Quads (all graphs) matching constants; null is "any". A term the data lacks matches nothing.</summary>
    long Matches(Term? subject, Iri? predicate, Term? @object);

    /// <summary>Triples, distinct subjects and distinct objects of a predicate; null when unknown.</summary>
    (long Triples, long Subjects, long Objects)? Predicate(Iri predicate);

    long TotalQuads { get; }
}

/// <summary>Statistics of nothing: every pattern looks alike, so the written order mostly stands.</summary>
public sealed class NoStatistics : IStatistics
{
    public static readonly NoStatistics Instance = new();
    public long Matches(Term? subject, Iri? predicate, Term? @object) => 1000;
    public (long Triples, long Subjects, long Objects)? Predicate(Iri predicate) => null;
    public long TotalQuads => 1000;
}
