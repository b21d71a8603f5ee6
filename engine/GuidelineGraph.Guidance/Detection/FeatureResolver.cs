using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

public enum ResolutionKind { Resolved, Ambiguous, Unknown }

/// <summary>
/// What a word names: one feature, several candidates (ambiguous), or nothing, with "did you mean"
/// suggestions.
/// </summary>
public sealed record FeatureResolution(string Word, ResolutionKind Kind, Feature? Feature, IReadOnlyList<Feature> Candidates)
{
    public string Describe() => Kind switch
    {
        ResolutionKind.Resolved => $"'{Word}' is {Feature!.Id}",
        ResolutionKind.Ambiguous => $"'{Word}' is ambiguous: it may be {string.Join(", ", Candidates.Select(Name))}",
        _ => Candidates.Count > 0
            ? $"unknown feature '{Word}'; did you mean {string.Join(", ", Candidates.Select(Name))}?"
            : $"unknown feature '{Word}'",
    };

    private static string Name(Feature f) => f.Title.En is null ? f.Id : $"{f.Id} ({f.Title.En}{(f.Title.Zh is null ? "" : " / " + f.Title.Zh)})";
}

/// <summary>
/// Resolves the words a writer uses for features (id, IRI, any label or synonym in English or Chinese),
/// insensitive to case and full/half width; the same rules serve `gg infer --feature` and front matter.
/// </summary>
public sealed class FeatureResolver
{
    private const int MaxSuggestions = 5;

    private readonly IReadOnlyList<Feature> _features;
    private readonly Dictionary<string, List<Feature>> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Key, Feature Feature)> _keys = [];

    public FeatureResolver(IReadOnlyList<Feature> features)
    {
        _features = features;
        foreach (Feature feature in features)
        {
            foreach (string name in new[] { feature.Id, feature.Iri }.Concat(feature.Labels.Select(l => l.Text)))
            {
                string key = Key(name);
                if (key.Length == 0) continue;
                if (!_exact.TryGetValue(key, out List<Feature>? list)) _exact[key] = list = [];
                if (!list.Contains(feature)) list.Add(feature);
                _keys.Add((key, feature));
            }
        }
    }

    public FeatureResolution Resolve(string word)
    {
        string key = Key(word);
        if (key.Length == 0) return new FeatureResolution(word, ResolutionKind.Unknown, null, []);
        if (_exact.TryGetValue(key, out List<Feature>? exact))
            return exact.Count == 1
                ? new FeatureResolution(word, ResolutionKind.Resolved, exact[0], [])
                : new FeatureResolution(word, ResolutionKind.Ambiguous, null, exact);

        // A word inside labels of several features ("retinal", "视网膜") is ambiguous; inside one feature's labels only, it names it.
        List<Feature> containing = _keys.Where(k => ContainsWord(k.Key, key)).Select(k => k.Feature).Distinct().ToList();
        if (containing.Count == 1) return new FeatureResolution(word, ResolutionKind.Resolved, containing[0], []);
        if (containing.Count > 1) return new FeatureResolution(word, ResolutionKind.Ambiguous, null, containing);

        int limit = Math.Max(1, key.Length / 3);
        List<Feature> suggestions = _keys
            .Select(k => (k.Feature, Distance: Distance(key, k.Key, limit)))
            .Where(x => x.Distance <= limit)
            .GroupBy(x => x.Feature)
            .Select(g => (Feature: g.Key, Distance: g.Min(x => x.Distance)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Feature.Id, StringComparer.Ordinal)
            .Take(MaxSuggestions).Select(x => x.Feature).ToList();
        return new FeatureResolution(word, ResolutionKind.Unknown, null, suggestions);
    }

    /// <summary>Resolves the front matter's declared words; errors are positioned at the word.</summary>
    public (IReadOnlyList<(Feature Feature, DeclaredFeatureWord Word)> Features, IReadOnlyList<DocumentError> Errors) ResolveDeclared(ProtocolDocument document)
    {
        var features = new List<(Feature, DeclaredFeatureWord)>();
        var errors = new List<DocumentError>();
        foreach (DeclaredFeatureWord word in document.FrontMatter?.DeclaredFeatures ?? [])
        {
            FeatureResolution resolution = Resolve(word.Word);
            if (resolution.Kind == ResolutionKind.Resolved)
            {
                if (!features.Any(f => f.Item1 == resolution.Feature)) features.Add((resolution.Feature!, word));
            }
            else errors.Add(new DocumentError(document.Path, word.Span, resolution.Describe()));
        }
        return (features, errors);
    }

    public IReadOnlyList<Feature> Features => _features;

    /// <summary>Case- and width-folded, spaces, hyphens and underscores removed: "Intra-thecal" = "intrathecal".</summary>
    private static string Key(string text)
    {
        var chars = new List<char>(text.Length);
        foreach (char c in TextFold.Fold(text.Trim()))
            if (!char.IsWhiteSpace(c) && c is not '-' and not '_') chars.Add(c);
        return new string(chars.ToArray());
    }

    private static bool ContainsWord(string label, string word) =>
        word.Length >= 3 || word.Any(TextFold.IsCjk) ? label.Contains(word, StringComparison.Ordinal) : false;

    /// <summary>Optimal string alignment distance, stopping early past <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int rowMin = int.MaxValue;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}
