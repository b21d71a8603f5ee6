using System.Text;
using System.Text.Json;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.RuleSets;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>
/// A trial profile written in a file, format by extension:
/// <list type="bullet">
/// <item>JSON or YAML: <c>features: [AAV9, intrathecal, 婴儿]</c> at the top level, or under <c>profile:</c> or
/// <c>guidelinegraph:</c> exactly as in a protocol's front matter; optional <c>id:</c> (the profile's IRI);</item>
/// <item>RDF (.ttl .nt .nq .trig): one <c>gg:TrialProfile</c> with <c>gg:hasFeature</c> values.</item>
/// </list>
/// Words are resolved later, with the same rules as <c>--feature</c>; every position is the word's own.
/// </summary>
public sealed record ProfileFile(string Path, string? Id, IReadOnlyList<DeclaredFeatureWord> Words, IReadOnlyList<DocumentError> Errors)
{
    public static ProfileFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ProfileFile(path, null, [], [new DocumentError(path, null, e.Message)]);
        }
        return Parse(path, text);
    }

    /// <summary>Reads profile text; <paramref name="path"/> names the format (by extension) and the errors.</summary>
    public static ProfileFile Parse(string path, string text)
    {
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (RdfFormats.FromExtension(path) is { } rdf) return ParseRdf(path, text, rdf);
        return extension switch
        {
            ".json" => ParseJson(path, text),
            ".yaml" or ".yml" => ParseYaml(path, text),
            _ => new ProfileFile(path, null, [], [new DocumentError(path, null, $"cannot tell the profile format from '{extension}'; use .json, .yaml, .yml, .ttl, .nt, .nq or .trig")]),
        };
    }

    private static ProfileFile ParseJson(string path, string text)
    {
        // JSON is YAML too, but JSON's own reader is strict about JSON and says where it broke.
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var lines = new LineMap(text);
            int line = (int)(e.LineNumber ?? 0) + 1;
            int offset = OffsetOfByte(text, lines.LineStart(line), (int)(e.BytePositionInLine ?? 0));
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return new ProfileFile(path, null, [], [new DocumentError(path, lines.Span(offset, offset), "invalid JSON: " + (cut > 0 ? message[..cut] : message))]);
        }
        return ParseYaml(path, text);
    }

    /// <summary>The character offset of a UTF-8 byte position within the line starting at <paramref name="lineStart"/>.</summary>
    private static int OffsetOfByte(string text, int lineStart, int bytes)
    {
        int i = lineStart;
        for (int used = 0; i < text.Length && used < bytes && text[i] != '\n'; i++)
            used += char.IsHighSurrogate(text[i]) ? 2 : Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
        return i;
    }

    private static ProfileFile ParseYaml(string path, string text)
    {
        var lines = new LineMap(text);
        var errors = new List<DocumentError>();
        FrontMatter document = FrontMatterParser.Parse(text, 0, lines.Span(0, text.Length), lines, path, errors);
        var words = new List<DeclaredFeatureWord>(document.DeclaredFeatures);
        if (document.Values is { } values)
        {
            FrontMatterParser.ReadFeatures(values["features"], words, path, errors);
            if (values["features"] is null && words.Count == 0 && errors.Count == 0)
                errors.Add(new DocumentError(path, values.Span, "no 'features:' list (top level, or under 'profile:')"));
        }
        else if (errors.Count == 0) errors.Add(new DocumentError(path, lines.Span(0, text.Length), "a profile must be a mapping with 'features:'"));
        string? id = (document.Values?["id"] as FrontMatterScalar)?.Value;
        return new ProfileFile(path, id, words, errors);
    }

    private static ProfileFile ParseRdf(string path, string text, RdfFormat format)
    {
        var lines = new LineMap(text);
        RdfDocument document = RdfReader.ReadDocument(text, new RdfReadOptions
        {
            Format = format,
            BaseIri = new Uri(System.IO.Path.GetFullPath(path)).AbsoluteUri,
            Recover = true,
        });
        var errors = document.Errors.Select(e => new DocumentError(path, new SourceSpan(e.Start, e.End), e.Message)).ToList();
        var profiles = document.Quads.Where(q => q.Predicate.Equals(Vocab.Rdf.Type) && q.Object.Equals(GuidelineTerms.TrialProfile))
            .Select(q => q.Subject)
            .Concat(document.Quads.Where(q => q.Predicate.Equals(GuidelineTerms.HasFeature)).Select(q => q.Subject))
            .Distinct().ToList();
        if (errors.Count > 0) return new ProfileFile(path, null, [], errors);
        if (profiles.Count != 1)
        {
            string message = profiles.Count == 0
                ? "no profile: expected one resource with 'a gg:TrialProfile' and gg:hasFeature values"
                : $"{profiles.Count} profiles ({string.Join(", ", profiles)}); a profile file holds one";
            return new ProfileFile(path, null, [], [new DocumentError(path, lines.Span(0, 0), message)]);
        }
        Term profile = profiles[0];
        var words = document.Quads.Where(q => q.Subject.Equals(profile) && q.Predicate.Equals(GuidelineTerms.HasFeature))
            .Select(q => q.Object).Distinct()
            .Select(feature => feature is Iri iri
                ? new DeclaredFeatureWord(iri.Value, Locate(text, lines, iri.Value))
                : new DeclaredFeatureWord(feature.ToString(), lines.Span(0, 0)))
            .ToList();
        return new ProfileFile(path, profile is Iri p ? p.Value : null, words, []);
    }

    /// <summary>Where a feature IRI is written: in full, or as a prefixed name ending in its local part.</summary>
    private static SourceSpan Locate(string text, LineMap lines, string iri)
    {
        int at = text.IndexOf("<" + iri + ">", StringComparison.Ordinal);
        if (at >= 0) return lines.Span(at, at + iri.Length + 2);
        string local = iri[(iri.LastIndexOfAny(['/', '#']) + 1)..];
        for (int i = text.IndexOf(":" + local, StringComparison.Ordinal); i >= 0; i = text.IndexOf(":" + local, i + 1, StringComparison.Ordinal))
        {
            int end = i + 1 + local.Length;
            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_')) continue;
            int start = i;
            while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '_')) start--;
            return lines.Span(start, end);
        }
        return lines.Span(0, 0);
    }

    /// <summary>Resolves the words to features; each unknown or ambiguous word is an error at its position.</summary>
    public (IReadOnlyList<Feature> Features, IReadOnlyList<DocumentError> Errors) Resolve(FeatureResolver resolver)
    {
        var features = new List<Feature>();
        var errors = new List<DocumentError>();
        foreach (DeclaredFeatureWord word in Words)
        {
            FeatureResolution resolution = resolver.Resolve(word.Word);
            if (resolution.Kind == ResolutionKind.Resolved)
            {
                if (!features.Contains(resolution.Feature!)) features.Add(resolution.Feature!);
            }
            else errors.Add(new DocumentError(Path, word.Span, resolution.Describe()));
        }
        return (features, errors);
    }
}
