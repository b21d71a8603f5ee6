using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Guidance.Coverage;

/// <summary>
/// Checks a protocol against the guideline: the profile is the front matter's declared features plus those detected
/// in the text; every obligation (shall, should, may) the profile makes applicable is waived (front matter), marked
/// (&lt;!-- gg:addresses … --&gt;), addressed (each demanded control's evidence terms found, not negated, in the
/// protocol sections mapped to the requirement's M11 sections) or missing. Thread-safe; one per loaded ontology.
/// A document is scanned once into a <see cref="ProtocolIndex"/> (kept while the document lives), and the profile
/// inference runs again only for a new set of features, so a re-check costs the coverage look-ups.
/// </summary>
public sealed class ProtocolChecker
{
    private const int EvidencePerControl = 3;
    private const int RememberedProfiles = 64;

    private readonly ProfileInference _inference;
    private readonly ProtocolScanner _scanner;
    private readonly ConditionalWeakTable<ProtocolDocument, ProtocolIndex> _indexes = new();
    private readonly ConcurrentDictionary<string, InferenceResult> _profiles = new(StringComparer.Ordinal);

    public ProtocolChecker(ProfileInference inference)
    {
        _inference = inference;
        _scanner = new ProtocolScanner(inference.Vocabulary);
    }

    public ProfileInference Inference => _inference;
    public ProtocolScanner Scanner => _scanner;

    /// <summary>The document's index, built on first use; <paramref name="previous"/> (an earlier version's) lends its unchanged parts.</summary>
    public ProtocolIndex Index(ProtocolDocument document, ProtocolIndex? previous = null, CancellationToken cancellationToken = default) =>
        _indexes.TryGetValue(document, out ProtocolIndex? index) ? index : _indexes.GetValue(document, d => _scanner.Index(d, previous, cancellationToken));

    public CheckReport Check(ProtocolDocument document, CancellationToken cancellationToken = default) =>
        Check(Index(document, null, cancellationToken), cancellationToken);

    public CheckReport Check(ProtocolIndex index, CancellationToken cancellationToken = default)
    {
        ProtocolDocument document = index.Document;
        var errors = new List<DocumentError>();
        var (declared, declaredErrors) = _inference.Resolver.ResolveDeclared(document);
        errors.AddRange(declaredErrors);
        Guideline? guideline = ChosenGuideline(document, errors);
        cancellationToken.ThrowIfCancellationRequested();

        IReadOnlyList<DetectedFeature> detected = index.Features.Where(f => f.Detected).ToList();
        var asserted = new List<string>();
        foreach (string id in declared.Select(d => d.Feature.Id).Concat(detected.Select(d => d.Feature.Id)))
            if (!asserted.Contains(id)) asserted.Add(id);
        InferenceResult inferred = Infer(asserted, guideline);
        cancellationToken.ThrowIfCancellationRequested();

        var profile = new List<ResolvedProfileFeature>();
        foreach (ProfileFeature feature in inferred.Features.Where(f => f.Asserted))
        {
            var words = declared.Where(d => d.Feature.Id == feature.Id).Select(d => d.Word.Span).ToList();
            profile.Add(words.Count > 0
                ? new ResolvedProfileFeature(feature, ResolvedProfileFeature.Declared, words)
                : new ResolvedProfileFeature(feature, ResolvedProfileFeature.Detected,
                    detected.Single(d => d.Feature.Id == feature.Id).Occurrences.Where(o => !o.Negated).Select(o => o.Span).ToList()));
        }

        var evidenceCache = new Dictionary<string, ControlEvidence>(StringComparer.Ordinal);
        var coverage = new List<RequirementCoverage>();
        foreach (ApplicableRequirement applicable in inferred.Requirements)
        {
            if (applicable.Requirement.Modality == Modality.Informative) continue;
            cancellationToken.ThrowIfCancellationRequested();
            coverage.Add(Assess(applicable, index, evidenceCache));
        }
        return new CheckReport(document, profile, coverage, errors);
    }

    /// <summary>What the profile implies; inferred again only for a set of features (and guideline) not seen lately.</summary>
    private InferenceResult Infer(IReadOnlyList<string> asserted, Guideline? guideline)
    {
        string key = (guideline?.Iri ?? "") + " " + string.Join(' ', asserted);
        if (_profiles.TryGetValue(key, out InferenceResult? known)) return known;
        if (_profiles.Count >= RememberedProfiles) _profiles.Clear();
        return _profiles[key] = _inference.Infer(asserted, guideline);
    }

    private RequirementCoverage Assess(ApplicableRequirement applicable, ProtocolIndex index, Dictionary<string, ControlEvidence> cache)
    {
        Requirement r = applicable.Requirement;
        IReadOnlyList<ProtocolSection> expected = index.ExpectedSections(r.M11Sections);
        ProtocolDocument document = index.Document;

        RequirementWaiver? waiver = document.FrontMatter?.Waivers.FirstOrDefault(w => w.Names(r.Iri, r.Id));
        if (waiver is not null)
            return new RequirementCoverage(applicable, CoverageStatus.Waived,
                [new Evidence(null, waiver.Span.Start.Line, "waived: " + waiver.Justification, waiver.Span)], expected, waiver.Justification);

        List<Evidence> marked = document.Markers.Where(m => m.Names(r.Iri, r.Id))
            .Select(m => new Evidence(m.Section, m.Span.Start.Line, $"<!-- gg:addresses {m.Token} -->", m.Span)).ToList();
        if (marked.Count > 0) return new RequirementCoverage(applicable, CoverageStatus.Addressed, marked, expected, null);

        var evidence = new List<Evidence>();
        bool every = r.Controls.Count > 0;
        foreach (ControlReference control in r.Controls)
        {
            ControlEvidence? found = Find(index, control.Id, r.M11Sections, cache);
            if (found is null || !found.IsEvidenced)
            {
                every = false;
                continue;
            }
            evidence.AddRange(found.Found.Take(EvidencePerControl).Select(h => new Evidence(h.Section, h.Line, h.Snippet, h.Span)));
        }
        return new RequirementCoverage(applicable, every ? CoverageStatus.Addressed : CoverageStatus.Missing, evidence, expected, null);
    }

    private ControlEvidence? Find(ProtocolIndex index, string controlId, IReadOnlyList<string> m11Sections, Dictionary<string, ControlEvidence> cache)
    {
        if (!_inference.Vocabulary.Controls.TryGetValue(controlId, out ControlTerms? terms)) return null;
        string key = controlId + "|" + string.Join(",", m11Sections);
        if (!cache.TryGetValue(key, out ControlEvidence? found)) cache[key] = found = _scanner.Evidence.Find(index, terms, m11Sections, EvidencePerControl);
        return found;
    }

    /// <summary>The front matter's <c>guidelinegraph: guideline:</c>; every loaded guideline when absent.</summary>
    private Guideline? ChosenGuideline(ProtocolDocument document, List<DocumentError> errors)
    {
        if ((document.FrontMatter?.Values?["guidelinegraph"] as FrontMatterMap)?["guideline"] is not FrontMatterScalar named) return null;
        Guideline? guideline = _inference.Catalog.Find(named.Value.Trim());
        if (guideline is null)
            errors.Add(new DocumentError(document.Path, named.Span,
                $"unknown guideline '{named.Value}' (loaded: {string.Join(", ", _inference.Catalog.Guidelines.Select(g => g.Identifier))})"));
        return guideline;
    }
}
