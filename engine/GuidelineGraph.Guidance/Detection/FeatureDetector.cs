using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>One place a feature's label occurs in the protocol text.</summary>
public sealed record FeatureOccurrence(string Label, string Text, SourceSpan Span, ProtocolSection? Section, bool Negated);

/// <summary>A feature found in the text: detected when at least one occurrence is not negated.</summary>
public sealed record DetectedFeature(Feature Feature, IReadOnlyList<FeatureOccurrence> Occurrences)
{
    public bool Detected => Occurrences.Any(o => !o.Negated);
}

/// <summary>Finds profile features (SKOS labels from the graph, en and zh) in a protocol's headings and body.</summary>
public sealed class FeatureDetector
{
    private readonly TermMatcher<Feature> _matcher;

    public FeatureDetector(IEnumerable<Feature> features)
    {
        _matcher = new TermMatcher<Feature>(features.SelectMany(f => f.Labels.Select(l => (l.Text, f))));
    }

    /// <summary>Every feature mentioned, in order of first occurrence, with all its occurrences.</summary>
    public IReadOnlyList<DetectedFeature> Detect(ProtocolDocument document)
    {
        var found = new Dictionary<string, List<FeatureOccurrence>>(StringComparer.Ordinal);
        var order = new List<Feature>();
        foreach (TextBlock block in document.Blocks)
        {
            foreach (TermMatch<Feature> match in _matcher.Find(block.Text))
            {
                if (!found.TryGetValue(match.Payload.Id, out List<FeatureOccurrence>? list))
                {
                    found[match.Payload.Id] = list = [];
                    order.Add(match.Payload);
                }
                list.Add(new FeatureOccurrence(match.Label, block.Text.Substring(match.Start, match.Length),
                    block.SourceSpanOf(match.Start, match.Length), block.Section,
                    Negation.IsNegated(block.Text, match.Start, match.Length)));
            }
        }
        return order.Select(f => new DetectedFeature(f, found[f.Id])).ToList();
    }
}
