using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store;
using GuidelineGraph.Vocabulary;

namespace GuidelineGraph.Guidance.Detection;

/// <summary>A SKOS label with its language ("en", "zh").</summary>
public sealed record Label(string Text, string Language, bool Preferred);

/// <summary>An ICH M11 section from m11.ttl.</summary>
public sealed record M11Section(string Iri, string Notation, int Level, string? Broader, BilingualText Title, IReadOnlyList<Label> Labels)
{
    /// <summary>True when this section is <paramref name="notation"/> or lies under it.</summary>
    public bool IsWithin(string notation) => Notation == notation || Notation.StartsWith(notation + ".", StringComparison.Ordinal);
}

/// <summary>A profile feature (ggf:) with its labels in both languages.</summary>
public sealed record Feature(string Iri, string Id, string? Scheme, BilingualText Title, IReadOnlyList<Label> Labels);

/// <summary>A control with the terms that show a protocol implements it (gg:evidenceTerm and its labels).</summary>
public sealed record ControlTerms(string Iri, string Id, BilingualText Title, IReadOnlyList<Label> Terms);

/// <summary>A risk (gg:Risk) with its labels: phrases such as 颅内出血 name a risk, not the feature inside them (颅内).</summary>
public sealed record RiskTerms(string Iri, string Id, BilingualText Title, IReadOnlyList<Label> Labels);

/// <summary>The words detection matches, read once from the graph: M11 sections, features, controls, risks.</summary>
public sealed class DetectionVocabulary
{
    private const string Skos = "http://www.w3.org/2004/02/skos/core#";
    private const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    private readonly QuadStore _store;

    private DetectionVocabulary(QuadStore store)
    {
        _store = store;
        M11Sections = Subjects(Gg.Classes.ProtocolSection).Select(ReadSection)
            .OrderBy(s => s.Notation, NaturalComparer.Instance).ToList();
        Features = Subjects(Gg.Classes.ProfileFeature).Select(f => new Feature(Iri(f), GuidelineCatalog.LocalName(f),
                Objects(f, Skos + "inScheme").Select(s => GuidelineCatalog.LocalName(s)).FirstOrDefault(),
                Title(f), Labels(f, Skos + "prefLabel", Skos + "altLabel")))
            .OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
        Controls = Subjects(Gg.Classes.Control).Select(c => new ControlTerms(Iri(c), GuidelineCatalog.LocalName(c), Title(c),
                Labels(c, Gg.Properties.EvidenceTerm, Skos + "prefLabel", Skos + "altLabel")))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
        Risks = Subjects(Gg.Classes.Risk).Select(r => new RiskTerms(Iri(r), GuidelineCatalog.LocalName(r), Title(r),
                Labels(r, Skos + "prefLabel", Skos + "altLabel")))
            .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public static DetectionVocabulary Read(QuadStore store) => new(store);

    public IReadOnlyList<M11Section> M11Sections { get; }
    public IReadOnlyList<Feature> Features { get; }
    public IReadOnlyDictionary<string, ControlTerms> Controls { get; }
    public IReadOnlyList<RiskTerms> Risks { get; }

    private M11Section ReadSection(Term s)
    {
        string notation = Objects(s, Skos + "notation").OfType<Literal>().FirstOrDefault()?.Lexical ?? GuidelineCatalog.LocalName(s);
        string? broader = Objects(s, Skos + "broader").Select(b => Objects(b, Skos + "notation").OfType<Literal>().FirstOrDefault()?.Lexical ?? GuidelineCatalog.LocalName(b)).FirstOrDefault();
        return new M11Section(Iri(s), notation, notation.Count(c => c == '.') + 1, broader, Title(s), Labels(s, Skos + "prefLabel", Skos + "altLabel"));
    }

    private List<Label> Labels(Term subject, params string[] predicates)
    {
        var labels = new List<Label>();
        foreach (string predicate in predicates)
        foreach (Literal literal in Objects(subject, predicate).OfType<Literal>())
        {
            string language = (literal.Language ?? "").Split('-')[0].ToLowerInvariant();
            labels.Add(new Label(literal.Lexical, language, predicate == Skos + "prefLabel"));
        }
        return labels;
    }

    private BilingualText Title(Term subject)
    {
        var labels = Objects(subject, Skos + "prefLabel").OfType<Literal>().ToList();
        string? In(string language) => labels.FirstOrDefault(l => (l.Language ?? "").StartsWith(language, StringComparison.OrdinalIgnoreCase))?.Lexical;
        return new BilingualText(In("en"), In("zh"));
    }

    private IEnumerable<Term> Subjects(string type) =>
        _store.Match(null, new Iri(RdfType), new Iri(type), GraphSelector.Default).Select(q => q.Subject).Distinct();

    private IEnumerable<Term> Objects(Term subject, string predicate) =>
        _store.Match(subject, new Iri(predicate), null, GraphSelector.Default).Select(q => q.Object);

    private static string Iri(Term term) => term is Iri iri ? iri.Value : term.ToString();
}
