using System.Globalization;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store;
using GuidelineGraph.Vocabulary;

namespace GuidelineGraph.Guidance.Requirements;

/// <summary>The guidelines of a loaded ontology and their requirements, read from the graph.</summary>
public sealed class GuidelineCatalog
{
    private const string SkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
    private const string SkosNotation = "http://www.w3.org/2004/02/skos/core#notation";
    private const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private const string DctermsIdentifier = "http://purl.org/dc/terms/identifier";
    private const string DctermsTitle = "http://purl.org/dc/terms/title";
    private const string DctermsPublisher = "http://purl.org/dc/terms/publisher";
    private const string DctermsIssued = "http://purl.org/dc/terms/issued";
    private const string RdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";

    private static readonly Dictionary<string, Modality> Modalities = new()
    {
        [Gg.Shall] = Modality.Shall, [Gg.Should] = Modality.Should, [Gg.May] = Modality.May, [Gg.Informative] = Modality.Informative,
    };

    private readonly QuadStore _store;

    private GuidelineCatalog(QuadStore store)
    {
        _store = store;
        Guidelines = Subjects(RdfType, new Iri(Gg.Classes.Guideline)).Select(ReadGuideline)
            .OrderBy(g => g.Identifier, StringComparer.Ordinal).ToList();
    }

    public static GuidelineCatalog Read(QuadStore store) => new(store);

    public IReadOnlyList<Guideline> Guidelines { get; }

    /// <summary>The guideline with this dcterms:identifier, or null.</summary>
    public Guideline? Find(string identifier) => Guidelines.FirstOrDefault(g => g.Identifier == identifier);

    /// <summary>The guideline's requirements in reading order (clause order, then sentence).</summary>
    public IReadOnlyList<Requirement> Requirements(Guideline guideline) =>
        Subjects(Gg.Properties.InGuideline, new Iri(guideline.Iri))
            .Where(s => HasType(s, Gg.Classes.Requirement))
            .Select(ReadRequirement)
            .OrderBy(r => r.Order)
            .ThenBy(r => r.Requirement.Id, NaturalComparer.Instance)
            .Select(r => r.Requirement)
            .ToList();

    private Guideline ReadGuideline(Term guideline)
    {
        Term? publisher = Objects(guideline, DctermsPublisher).FirstOrDefault();
        return new Guideline(
            ((Iri)guideline).Value,
            Lexical(guideline, DctermsIdentifier) ?? LocalName(guideline),
            Text(guideline, DctermsTitle),
            publisher is null ? null : Text(publisher, RdfsLabel).En ?? (publisher as Iri)?.Value,
            Lexical(guideline, DctermsIssued),
            Text(guideline, Gg.Properties.Status));
    }

    private (Requirement Requirement, long Order) ReadRequirement(Term requirement)
    {
        Term? clause = Objects(requirement, Gg.Properties.FromClause).FirstOrDefault();
        Term? modality = Objects(requirement, Gg.Properties.Modality).FirstOrDefault();
        var controls = Objects(requirement, Gg.Properties.DemandsControl)
            .Select(c => new ControlReference(IriOf(c), LocalName(c), Text(c, SkosPrefLabel)))
            .OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var sections = Objects(requirement, Gg.Properties.AddressedIn)
            .Select(s => Lexical(s, SkosNotation) ?? LocalName(s))
            .Distinct().OrderBy(n => n, NaturalComparer.Instance).ToList();
        Term? appliesWhen = Objects(requirement, Gg.Properties.AppliesWhen).FirstOrDefault();
        long order = clause is null ? long.MaxValue : ParseLong(Lexical(clause, Gg.Properties.Order));
        var result = new Requirement(
            IriOf(requirement),
            LocalName(requirement),
            Lexical(requirement, Gg.Properties.Number),
            modality is Iri m && Modalities.TryGetValue(m.Value, out Modality value) ? value : Modality.Informative,
            Text(requirement, Gg.Properties.Quote),
            clause is null ? null : new ClauseReference(IriOf(clause), LocalName(clause), Lexical(clause, Gg.Properties.Number)),
            controls,
            sections,
            appliesWhen is null ? Condition.AlwaysApplies : ReadCondition(appliesWhen, []));
        return (result, order);
    }

    /// <summary>Reads a condition; <paramref name="open"/> holds the conditions being read, so a cycle in bad data ends.</summary>
    private Condition ReadCondition(Term condition, HashSet<Term> open)
    {
        if (condition is Iri iri && iri.Value == Gg.Always || !open.Add(condition)) return Condition.AlwaysApplies;
        List<ConditionMember> Members(string property) => Objects(condition, property)
            .Select(m => HasType(m, Gg.Classes.Condition) ? new ConditionMember(null, ReadCondition(m, open)) : new ConditionMember(LocalName(m), null))
            .OrderBy(m => m.Feature ?? "", StringComparer.Ordinal).ToList();
        var result = new Condition(false, Members(Gg.Properties.AllOf), Members(Gg.Properties.AnyOf), Members(Gg.Properties.NoneOf));
        open.Remove(condition);
        return result;
    }

    private IEnumerable<Term> Objects(Term subject, string predicate) =>
        _store.Match(subject, new Iri(predicate), null, GraphSelector.Default).Select(q => q.Object);

    private IEnumerable<Term> Subjects(string predicate, Term @object) =>
        _store.Match(null, new Iri(predicate), @object, GraphSelector.Default).Select(q => q.Subject).Distinct();

    private bool HasType(Term subject, string type) =>
        _store.Match(subject, new Iri(RdfType), new Iri(type), GraphSelector.Default).Any();

    private string? Lexical(Term subject, string predicate) => Objects(subject, predicate).OfType<Literal>().FirstOrDefault()?.Lexical;

    private BilingualText Text(Term subject, string predicate)
    {
        List<Literal> literals = Objects(subject, predicate).OfType<Literal>().ToList();
        string? In(string language) => literals.FirstOrDefault(l => string.Equals(l.Language, language, StringComparison.OrdinalIgnoreCase))?.Lexical;
        return new BilingualText(In("en"), In("zh"));
    }

    private static string IriOf(Term term) => term is Iri iri ? iri.Value : term.ToString();

    /// <summary>The id after the last '/' or '#': requirement, clause, control and feature ids are unique there.</summary>
    public static string LocalName(Term term)
    {
        string value = IriOf(term);
        return value[(value.LastIndexOfAny(['/', '#']) + 1)..];
    }

    private static long ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) ? value : long.MaxValue;
}

/// <summary>Compares digit runs by value: "s2" &lt; "s10", "8.4" &lt; "10.1".</summary>
public sealed class NaturalComparer : IComparer<string>
{
    public static readonly NaturalComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return string.CompareOrdinal(x, y);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                ReadOnlySpan<char> a = x.AsSpan(si, i - si).TrimStart('0'), b = y.AsSpan(sj, j - sj).TrimStart('0');
                int byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byValue != 0) return byValue;
                continue;
            }
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }
}
