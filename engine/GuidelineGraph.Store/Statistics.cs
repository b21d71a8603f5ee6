namespace GuidelineGraph.Store;

/// <summary>
/// What the planner knows about a predicate: its triples, and how many distinct subjects and objects
/// it links (each summed over graphs). Triples / subjects is the fan-out from a bound subject.
/// </summary>
public readonly record struct PredicateStatistics(int Predicate, long Triples, long DistinctSubjects, long DistinctObjects);
