using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>One place a feature's label occurs in the protocol text.</summary>
public sealed record FeatureOccurrence(string Label, string Text, SourceSpan Span, ProtocolSection? Section, bool Negated);

/// <summary>A feature found in the text: detected when at least one occurrence is not negated.</summary>
public sealed record DetectedFeature(Feature Feature, IReadOnlyList<FeatureOccurrence> Occurrences)
{
    public bool Detected => Occurrences.Any(o => !o.Negated);
}

/// <summary>
/// Finds profile features (SKOS labels from the graph, en and zh) in a protocol's headings and body. Longer
/// phrases that name something else hide the feature words inside them: a risk's label (颅内出血 is a
/// bleed, not intracranial delivery), and in headings an ICH M11 section title ("Trial Intervention and
/// Concomitant Therapy" is the template's heading, not a statement that there is concomitant medication).
/// </summary>
public sealed class FeatureDetector
{
    private readonly TermMatcher<Feature?> _body;
    private readonly TermMatcher<Feature?> _headings;

    /// <summary>Features, with risk labels hiding feature words everywhere and M11 section titles hiding them in headings.</summary>
    public FeatureDetector(DetectionVocabulary vocabulary)
        : this(vocabulary.Features, vocabulary.Risks.SelectMany(r => r.Labels), vocabulary.M11Sections.SelectMany(s => s.Labels)) { }

    private FeatureDetector(IEnumerable<Feature> features, IEnumerable<Label> otherPhrases, IEnumerable<Label> headingPhrases)
    {
        List<(string, Feature?)> featureLabels = features.SelectMany(f => f.Labels.Select(l => (l.Text, (Feature?)f))).ToList();
        List<(string, Feature?)> others = otherPhrases.Select(l => (l.Text, (Feature?)null)).ToList();
        // The first of equal labels wins, so a phrase hides a feature label of the same words.
        _body = new TermMatcher<Feature?>(others.Concat(featureLabels));
        _headings = new TermMatcher<Feature?>(headingPhrases.Select(l => (l.Text, (Feature?)null)).Concat(others).Concat(featureLabels));
    }

    /// <summary>Every feature mentioned, in order of first occurrence, with all its occurrences.</summary>
    public IReadOnlyList<DetectedFeature> Detect(ProtocolDocument document)
    {
        var found = new Dictionary<string, List<FeatureOccurrence>>(StringComparer.Ordinal);
        var order = new List<Feature>();
        foreach (TextBlock block in document.Blocks)
        {
            foreach (TermMatch<Feature?> match in (block.Kind == BlockKind.Heading ? _headings : _body).Find(block.Text))
            {
                if (match.Payload is not Feature feature) continue;
                if (!found.TryGetValue(feature.Id, out List<FeatureOccurrence>? list))
                {
                    found[feature.Id] = list = [];
                    order.Add(feature);
                }
                list.Add(new FeatureOccurrence(match.Label, block.Text.Substring(match.Start, match.Length),
                    block.SourceSpanOf(match.Start, match.Length), block.Section,
                    Negation.IsNegated(block.Text, match.Start, match.Length)));
            }
        }
        return order.Select(f => new DetectedFeature(f, found[f.Id])).ToList();
    }
}
