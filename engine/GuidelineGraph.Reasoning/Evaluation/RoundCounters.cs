namespace GuidelineGraph.Reasoning.Evaluation;

/// <summary>
/// What one semi-naive round did: the recent facts it was seeded with, the candidate facts its joins examined,
/// the derivations it recorded and the facts that became new.
/// </summary>
public readonly record struct RoundCounters(int Layer, int Stratum, int Round, int RecentFacts, int NewDerivations, int NewFacts, long Matches);
