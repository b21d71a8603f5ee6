using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>One place a feature's label occurs in the protocol text.</summary>
public sealed record FeatureOccurrence(string Label, string Text, SourceSpan Span, ProtocolSection? Section, bool Negated);

/// <summary>A feature's label at [Start, Start+Length) of a block's text.</summary>
public readonly record struct FeatureMatch(Feature Feature, int Start, int Length, string Label, bool Negated);

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
    public IReadOnlyList<DetectedFeature> Detect(ProtocolDocument document) =>
        Collect(document.Blocks.Select(b => (b, Scan(b.Kind, b.Text, TextFold.Fold(b.Text)))));

    /// <summary>The feature labels in one block (the phrases that hide them left out), each with its negation.</summary>
    public IReadOnlyList<FeatureMatch> Scan(BlockKind kind, string text, string folded)
    {
        List<FeatureMatch>? found = null;
        foreach (TermMatch<Feature?> match in (kind == BlockKind.Heading ? _headings : _body).Find(text, folded))
            if (match.Payload is Feature feature)
                (found ??= []).Add(new FeatureMatch(feature, match.Start, match.Length, match.Label,
                    Negation.IsNegated(text, folded, match.Start, match.Length)));
        return found ?? (IReadOnlyList<FeatureMatch>)[];
    }

    /// <summary>The blocks' feature matches gathered per feature, in order of first occurrence.</summary>
    internal static IReadOnlyList<DetectedFeature> Collect(IEnumerable<(TextBlock Block, IReadOnlyList<FeatureMatch> Matches)> blocks)
    {
        var found = new Dictionary<string, List<FeatureOccurrence>>(StringComparer.Ordinal);
        var order = new List<Feature>();
        foreach ((TextBlock block, IReadOnlyList<FeatureMatch> matches) in blocks)
        {
            foreach (FeatureMatch match in matches)
            {
                if (!found.TryGetValue(match.Feature.Id, out List<FeatureOccurrence>? list))
                {
                    found[match.Feature.Id] = list = [];
                    order.Add(match.Feature);
                }
                list.Add(new FeatureOccurrence(match.Label, block.Text.Substring(match.Start, match.Length),
                    block.SourceSpanOf(match.Start, match.Length), block.Section, match.Negated));
            }
        }
        return order.Select(f => new DetectedFeature(f, found[f.Id])).ToList();
    }
}
