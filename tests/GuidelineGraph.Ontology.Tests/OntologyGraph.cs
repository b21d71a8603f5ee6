using System.Reflection;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>Every *.ttl under ontology/, read with our own Turtle reader, with the lookups the checks need.</summary>
public sealed class OntologyGraph
{
    public const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    public const string SkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
    public const string SkosBroader = "http://www.w3.org/2004/02/skos/core#broader";
    public const string SkosInScheme = "http://www.w3.org/2004/02/skos/core#inScheme";
    public const string SkosNotation = "http://www.w3.org/2004/02/skos/core#notation";

    /// <summary>The project's own namespaces: an IRI in them must be declared somewhere.</summary>
    public static readonly string[] OwnNamespaces =
    [
        Vocabulary.Gg.Namespace, Vocabulary.Features.Namespace, Vocabulary.Risks.Namespace,
        Vocabulary.Controls.Namespace, Vocabulary.M11.Namespace, Vocabulary.CdeRareDiseaseGt.Namespace,
    ];

    private readonly Dictionary<Term, List<Triple>> _bySubject = new();
    private readonly Dictionary<string, List<Triple>> _byPredicate = new();

    private OntologyGraph(string directory, List<Triple> triples, List<string> errors)
    {
        Directory = directory;
        Triples = triples;
        Errors = errors;
        foreach (Triple triple in triples)
        {
            Add(_bySubject, triple.Subject, triple);
            Add(_byPredicate, triple.Predicate.Value, triple);
        }
    }

    public static OntologyGraph Instance { get; } = Load(LocateOntology());

    public string Directory { get; }
    public IReadOnlyList<Triple> Triples { get; }
    /// <summary>Syntax errors as "file:line:col: message".</summary>
    public IReadOnlyList<string> Errors { get; }

    public static string LocateOntology() =>
        typeof(OntologyGraph).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "OntologyDirectory").Value!;

    public static OntologyGraph Load(string directory)
    {
        var triples = new List<Triple>();
        var errors = new List<string>();
        foreach (string path in System.IO.Directory.EnumerateFiles(directory, "*.ttl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            RdfDocument document = RdfReader.ReadDocument(File.ReadAllText(path),
                new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = new Uri(path).AbsoluteUri, Recover = true });
            string relative = Path.GetRelativePath(directory, path);
            errors.AddRange(document.Errors.Select(error => $"{relative}:{error.Start.Line}:{error.Start.Column}: {error.Message}"));
            triples.AddRange(document.Quads.Select(quad => quad.Triple));
        }
        return new OntologyGraph(directory, triples, errors);
    }

    public IEnumerable<Triple> About(Term subject) =>
        _bySubject.TryGetValue(subject, out List<Triple>? triples) ? triples : [];

    public IEnumerable<Triple> WithPredicate(string predicate) =>
        _byPredicate.TryGetValue(predicate, out List<Triple>? triples) ? triples : [];

    public IEnumerable<Term> Objects(Term subject, string predicate) =>
        About(subject).Where(triple => triple.Predicate.Value == predicate).Select(triple => triple.Object);

    public IEnumerable<Term> InstancesOf(string type) =>
        WithPredicate(RdfType).Where(triple => triple.Object is Iri iri && iri.Value == type).Select(triple => triple.Subject).Distinct();

    public bool HasType(Term subject, string type) =>
        Objects(subject, RdfType).Any(o => o is Iri iri && iri.Value == type);

    public bool IsDeclared(Term subject) => Objects(subject, RdfType).Any();

    public string? Text(Term subject, string predicate, string language) =>
        Objects(subject, predicate).OfType<Literal>()
            .FirstOrDefault(literal => string.Equals(literal.Language, language, StringComparison.OrdinalIgnoreCase))?.Lexical;

    /// <summary>Everything reachable over skos:broader, the subject excluded (unless on a cycle).</summary>
    public HashSet<Term> BroaderClosure(Term concept)
    {
        var seen = new HashSet<Term>();
        var pending = new Stack<Term>(Objects(concept, SkosBroader));
        while (pending.TryPop(out Term? next))
        {
            if (seen.Add(next))
            {
                foreach (Term parent in Objects(next, SkosBroader)) pending.Push(parent);
            }
        }
        return seen;
    }

    /// <summary>A readable name for messages: a prefixed name when the IRI is ours.</summary>
    public static string Show(Term term)
    {
        if (term is Iri iri)
        {
            (string Prefix, string Namespace)[] prefixes =
            [
                ("gg:", Vocabulary.Gg.Namespace), ("ggf:", Vocabulary.Features.Namespace), ("ggr:", Vocabulary.Risks.Namespace),
                ("ggc:", Vocabulary.Controls.Namespace), ("m11:", Vocabulary.M11.Namespace), ("cde:", Vocabulary.CdeRareDiseaseGt.Namespace),
            ];
            foreach ((string prefix, string ns) in prefixes)
            {
                if (iri.Value.StartsWith(ns, StringComparison.Ordinal)) return prefix + iri.Value[ns.Length..];
            }
        }
        return term.ToString();
    }

    private static void Add<TKey>(Dictionary<TKey, List<Triple>> index, TKey key, Triple triple) where TKey : notnull
    {
        if (!index.TryGetValue(key, out List<Triple>? list)) index[key] = list = [];
        list.Add(triple);
    }
}
