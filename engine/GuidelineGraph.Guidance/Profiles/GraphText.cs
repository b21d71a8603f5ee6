using System.Collections.Concurrent;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store;
using GuidelineGraph.Vocabulary;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>Labels and clause numbers read from the store once per resource; safe to share between threads.</summary>
internal sealed class GraphText(QuadStore store)
{
    private static readonly Iri PrefLabel = new(Vocab.Skos.Namespace + "prefLabel");
    private static readonly Iri Number = new(Gg.Properties.Number);
    private readonly ConcurrentDictionary<Term, BilingualText> _labels = new();
    private readonly ConcurrentDictionary<Term, ClauseReference> _clauses = new();

    public BilingualText Label(Term resource) => _labels.GetOrAdd(resource, r =>
    {
        var literals = store.Match(r, PrefLabel, null, GraphSelector.Default).Select(q => q.Object).OfType<Literal>().ToList();
        string? In(string language) => literals.FirstOrDefault(l => (l.Language ?? "").StartsWith(language, StringComparison.OrdinalIgnoreCase))?.Lexical;
        return new BilingualText(In("en"), In("zh"));
    });

    public ClauseReference Clause(Term clause) => _clauses.GetOrAdd(clause, c => new ClauseReference(
        c is Iri iri ? iri.Value : c.ToString(),
        GuidelineCatalog.LocalName(c),
        store.Match(c, Number, null, GraphSelector.Default).Select(q => q.Object).OfType<Literal>().FirstOrDefault()?.Lexical));
}
