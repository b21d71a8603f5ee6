using System.Text;
using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Detection;

public enum MappingMethod { Title, Number, Inherited }

/// <summary>The ICH M11 section a protocol section maps to, how, and how sure we are (0…1).</summary>
public sealed record SectionMapping(ProtocolSection Section, M11Section M11, MappingMethod Method, double Confidence);

/// <summary>Every section's mapping (null when unmapped), by section index.</summary>
public sealed class DocumentMapping(ProtocolDocument document, IReadOnlyList<SectionMapping?> mappings, bool numberingFollowsM11,
    IReadOnlyDictionary<string, M11Section> m11ByNotation)
{
    public ProtocolDocument Document { get; } = document;
    public IReadOnlyList<SectionMapping?> Sections { get; } = mappings;

    /// <summary>True when the document's decimal numbers agree with M11 where titles tell (then numbers are trusted).</summary>
    public bool NumberingFollowsM11 { get; } = numberingFollowsM11;

    public SectionMapping? For(ProtocolSection section) => Sections[section.Index];

    /// <summary>Protocol sections mapped to an M11 section or to one under it.</summary>
    public IEnumerable<ProtocolSection> SectionsWithin(string m11Notation) =>
        Sections.Where(m => m is not null && m.M11.IsWithin(m11Notation)).Select(m => m!.Section);

    /// <summary>
    /// Where a requirement's text belongs: the outermost protocol sections mapped within its M11 sections; when the
    /// protocol has none of them, the sections mapped to each one's nearest M11 ancestor it does have (8.3 absent, so
    /// the heading of 8); empty (the document start) when neither.
    /// </summary>
    public IReadOnlyList<ProtocolSection> ExpectedSections(IReadOnlyList<string> m11Sections)
    {
        if (m11Sections.Count == 0) return [];
        var within = Sections.Where(m => m is not null && m11Sections.Any(n => m.M11.IsWithin(n))).Select(m => m!.Section).ToHashSet();
        if (within.Count == 0)
            foreach (string notation in m11Sections)
                if (NearestMappedAncestor(notation) is { } up)
                    within.UnionWith(Sections.Where(m => m is not null && m.M11.Notation == up).Select(m => m!.Section));
        return within.Where(s => s.Parent is null || !within.Contains(s.Parent)).OrderBy(s => s.Index).ToList();
    }

    /// <summary>
    /// Where a requirement's evidence is looked for, by section index: the sections mapped anywhere in the M11 chapters
    /// of its M11 sections. Writers file a topic by their own outline (shedding under safety assessments rather than
    /// pharmacokinetics, the placebo in the design description rather than the control-type rationale, endpoints in a
    /// lone "Objectives and Endpoints" chapter); the chapter still keeps the evidence in the right part of the protocol.
    /// Null (every section) when no M11 section is given.
    /// </summary>
    public bool[]? EvidenceSections(IReadOnlyCollection<string> m11Sections)
    {
        if (m11Sections.Count == 0) return null;
        var chapters = m11Sections.Select(Chapter).ToHashSet(StringComparer.Ordinal);
        var within = new bool[Sections.Count];
        for (int i = 0; i < within.Length; i++)
            within[i] = Sections[i] is { } m && chapters.Contains(Chapter(m.M11.Notation));
        return within;
    }

    private string Chapter(string notation)
    {
        while (BroaderThan(notation) is { } up) notation = up;
        return notation;
    }

    /// <summary>The closest M11 ancestor of the notation that some protocol section maps to exactly.</summary>
    private string? NearestMappedAncestor(string notation)
    {
        for (string? up = BroaderThan(notation); up is not null; up = BroaderThan(up))
            if (Sections.Any(m => m is not null && m.M11.Notation == up)) return up;
        return null;
    }

    private string? BroaderThan(string notation) => m11ByNotation.TryGetValue(notation, out M11Section? section) ? section.Broader : null;
}

/// <summary>
/// Maps protocol sections to ICH M11 by title (English or Chinese labels and altLabels from the graph,
/// matched loosely) and by number, with the title winning over a conflicting number; an unmapped child
/// inherits its parent's mapping.
/// </summary>
public sealed class M11Mapper
{
    private const double TitleThreshold = 0.8;
    private const double SupportedThreshold = 0.5;

    private readonly IReadOnlyList<M11Section> _sections;
    private readonly Dictionary<string, M11Section> _byNotation;
    private readonly List<(M11Section Section, TitleKey Key)> _keys;

    public M11Mapper(IReadOnlyList<M11Section> sections)
    {
        _sections = sections;
        _byNotation = sections.ToDictionary(s => s.Notation, StringComparer.Ordinal);
        _keys = sections.SelectMany(s => s.Labels.Select(l => (s, TitleKey.Of(l.Text)))).Where(k => !k.Item2.IsEmpty).ToList();
    }

    public DocumentMapping Map(ProtocolDocument document)
    {
        var result = new SectionMapping?[document.Sections.Count];
        var best = new (M11Section? Section, double Score)[document.Sections.Count];
        int agree = 0, disagree = 0;
        foreach (ProtocolSection section in document.Sections)
        {
            best[section.Index] = BestByTitle(TitleKey.Of(section.Title), _ => true);
            (M11Section? m11, double score) = best[section.Index];
            if (m11 is null) continue;
            // A subsection titled like its parent ("3.1 Primary Objective and Endpoint" under "3 Objectives and
            // Endpoints") names a part of the parent's topic: the second pass places it under the parent.
            if (section.Parent is not null && result[section.Parent.Index]?.M11 == m11) continue;
            bool numberAgrees = section.Number == m11.Notation;
            if (score >= TitleThreshold || (numberAgrees && score >= SupportedThreshold))
            {
                result[section.Index] = new SectionMapping(section, m11, MappingMethod.Title, Math.Round(score, 2));
                if (HeadingNumber.IsDecimal(section.Number)) { if (numberAgrees) agree++; else disagree++; }
            }
        }
        bool numbersTrusted = agree > 0 && agree >= disagree;

        foreach (ProtocolSection section in document.Sections)
        {
            if (result[section.Index] is not null) continue;
            SectionMapping? parent = section.Parent is null ? null : result[section.Parent.Index];
            // A loose title match counts when the section's mapped children all sit under that M11 section.
            List<string?> childParents = section.Children.Select(c => result[c.Index]?.M11.Broader).Where(b => b is not null).Distinct().ToList();
            if (childParents.Count == 1 && _byNotation.TryGetValue(childParents[0]!, out M11Section? common))
            {
                TitleKey own = TitleKey.Of(section.Title);
                double score = _keys.Where(k => k.Section == common).Select(k => own.Similarity(k.Key)).DefaultIfEmpty(0).Max();
                if (score >= SupportedThreshold)
                {
                    result[section.Index] = new SectionMapping(section, common, MappingMethod.Title, Math.Round(score * 0.9, 2));
                    continue;
                }
            }
            if (parent is not null)
            {
                // A loose title match counts when it names a section under the parent's M11 section.
                (M11Section? child, double score) = BestByTitle(TitleKey.Of(section.Title), s => s.IsWithin(parent.M11.Notation) && s != parent.M11);
                if (child is not null && score >= SupportedThreshold)
                {
                    result[section.Index] = new SectionMapping(section, child, MappingMethod.Title, Math.Round(score * 0.9, 2));
                    continue;
                }
            }
            if (numbersTrusted && HeadingNumber.IsDecimal(section.Number) && _byNotation.TryGetValue(section.Number!, out M11Section? byNumber))
                result[section.Index] = new SectionMapping(section, byNumber, MappingMethod.Number, 0.7);
            else if (parent is not null)
                result[section.Index] = new SectionMapping(section, parent.M11, MappingMethod.Inherited, Math.Round(parent.Confidence * 0.8, 2));
        }
        return new DocumentMapping(document, result, numbersTrusted, _byNotation);
    }

    /// <summary>The M11 section whose label is most like the title; ties go to the shallower section.</summary>
    public (M11Section? Section, double Score) BestByTitle(string title, Func<M11Section, bool> allowed) => BestByTitle(TitleKey.Of(title), allowed);

    private (M11Section? Section, double Score) BestByTitle(TitleKey title, Func<M11Section, bool> allowed)
    {
        if (title.IsEmpty) return (null, 0);
        M11Section? best = null;
        double bestScore = 0;
        foreach ((M11Section section, TitleKey key) in _keys)
        {
            if (!allowed(section)) continue;
            double score = title.Similarity(key);
            if (score > bestScore + 1e-9 || (Math.Abs(score - bestScore) < 1e-9 && best is not null && section.Level < best.Level))
            {
                best = section;
                bestScore = score;
            }
        }
        return (best, bestScore);
    }
}

/// <summary>
/// A title reduced for loose comparison: Latin words folded for case and width, punctuation and
/// function words dropped, plurals singular, order ignored; Chinese characters without punctuation and
/// connectives, compared by character bigrams.
/// </summary>
internal sealed class TitleKey
{
    private static readonly HashSet<string> FunctionWords = ["and", "or", "the", "of", "for", "to", "in", "on", "a", "an", "with", "at", "by", "s"];
    private const string Connectives = "和与及的并、";

    private readonly HashSet<string> _words;
    private readonly string _cjk;
    private readonly HashSet<string> _bigrams;

    private TitleKey(HashSet<string> words, string cjk)
    {
        _words = words;
        _cjk = cjk;
        _bigrams = [];
        for (int i = 0; i + 1 < cjk.Length; i++) _bigrams.Add(cjk.Substring(i, 2));
        if (cjk.Length == 1) _bigrams.Add(cjk);
    }

    public bool IsEmpty => _words.Count == 0 && _cjk.Length == 0;

    public static TitleKey Of(string title)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var cjk = new StringBuilder();
        var word = new StringBuilder();
        // "<#>" and "{…}" braces are template placeholders, not title words.
        string folded = TextFold.Fold(title).Replace("<#>", " ", StringComparison.Ordinal);
        foreach (char c in folded + " ")
        {
            if (TextFold.IsLatinWordChar(c))
            {
                word.Append(c);
                continue;
            }
            if (word.Length > 0)
            {
                string w = Singular(word.ToString());
                if (!FunctionWords.Contains(w)) words.Add(w);
                word.Clear();
            }
            if (TextFold.IsCjk(c) && !Connectives.Contains(c)) cjk.Append(c);
        }
        return new TitleKey(words, cjk.ToString());
    }

    /// <summary>Dice similarity of the parts both titles have (Latin words, CJK bigrams); the better of the two.</summary>
    public double Similarity(TitleKey other)
    {
        double latin = _words.Count > 0 && other._words.Count > 0 ? Dice(_words, other._words) : 0;
        double cjk = _cjk.Length > 0 && other._cjk.Length > 0 ? (_cjk == other._cjk ? 1 : Dice(_bigrams, other._bigrams)) : 0;
        return Math.Max(latin, cjk);
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        int common = a.Count(b.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }

    private static string Singular(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 5 && (w.EndsWith("yses", StringComparison.Ordinal) || w.EndsWith("oses", StringComparison.Ordinal) || w.EndsWith("eses", StringComparison.Ordinal)))
            return w[..^2] + "is";
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            return w[..^1];
        return w;
    }
}
