using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>A YAML value of the front matter with its source range.</summary>
public abstract record FrontMatterValue(SourceSpan Span);

public sealed record FrontMatterScalar(string Value, SourceSpan Span) : FrontMatterValue(Span);

public sealed record FrontMatterList(IReadOnlyList<FrontMatterValue> Items, SourceSpan Span) : FrontMatterValue(Span);

public sealed record FrontMatterMap(IReadOnlyList<KeyValuePair<FrontMatterScalar, FrontMatterValue>> Entries, SourceSpan Span) : FrontMatterValue(Span)
{
    public FrontMatterValue? this[string key] =>
        Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// The YAML front matter: raw text, parsed values, and what GuidelineGraph reads from it: the declared
/// profile (`guidelinegraph:` or `profile:` with `features:`) and the waivers (`waivers:`, top level or
/// inside `guidelinegraph:`).
/// </summary>
public sealed record FrontMatter(
    string Raw,
    SourceSpan Span,
    FrontMatterMap? Values,
    IReadOnlyList<DeclaredFeatureWord> DeclaredFeatures,
    IReadOnlyList<RequirementWaiver> Waivers);

internal static class FrontMatterParser
{
    // Aliases can make a small YAML text expand exponentially; stop well before memory matters.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 64;

    /// <param name="raw">The YAML between the fences.</param>
    /// <param name="rawStart">Offset of <paramref name="raw"/> in the source.</param>
    public static FrontMatter Parse(string raw, int rawStart, SourceSpan span, LineMap lines, string? path, List<DocumentError> errors)
    {
        FrontMatterMap? values = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(raw));
            YamlNode? root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            int budget = MaxNodes;
            FrontMatterValue? converted = root is null ? null : Convert(root, rawStart, lines, 0, ref budget);
            if (converted is FrontMatterMap map) values = map;
            else if (converted is not null && !(converted is FrontMatterScalar { Value: "" }))
                errors.Add(new DocumentError(path, converted.Span, "front matter must be a YAML mapping (key: value lines)"));
        }
        catch (YamlException e)
        {
            SourceSpan at = lines.Span(rawStart + (int)Math.Min(e.Start.Index, raw.Length), rawStart + (int)Math.Min(e.End.Index, raw.Length));
            errors.Add(new DocumentError(path, at, "invalid front matter YAML: " + YamlMessage(e)));
        }
        catch (FrontMatterTooLargeException e)
        {
            errors.Add(new DocumentError(path, e.At, e.Message));
        }

        var declared = new List<DeclaredFeatureWord>();
        var waivers = new List<RequirementWaiver>();
        if (values is not null)
        {
            FrontMatterMap? gg = values["guidelinegraph"] as FrontMatterMap;
            FrontMatterMap? profile = gg?["profile"] as FrontMatterMap ?? values["profile"] as FrontMatterMap;
            foreach (FrontMatterValue? features in new[] { gg?["features"], profile?["features"] })
                ReadFeatures(features, declared, path, errors);
            foreach (FrontMatterValue? list in new[] { values["waivers"], gg?["waivers"] })
                ReadWaivers(list, waivers, path, errors);
        }
        return new FrontMatter(raw, span, values, declared, waivers);
    }

    internal static void ReadFeatures(FrontMatterValue? value, List<DeclaredFeatureWord> declared, string? path, List<DocumentError> errors)
    {
        switch (value)
        {
            case null:
                return;
            case FrontMatterScalar scalar:
                // "features: AAV9, intrathecal" is a common shorthand for a list.
                foreach (string part in scalar.Value.Split(',', '，', '、'))
                {
                    string word = part.Trim();
                    if (word.Length > 0) declared.Add(new DeclaredFeatureWord(word, scalar.Span));
                }
                return;
            case FrontMatterList list:
                foreach (FrontMatterValue item in list.Items)
                {
                    if (item is FrontMatterScalar { Value.Length: > 0 } s) declared.Add(new DeclaredFeatureWord(s.Value.Trim(), s.Span));
                    else errors.Add(new DocumentError(path, item.Span, "a profile feature must be a single id or word"));
                }
                return;
            default:
                errors.Add(new DocumentError(path, value.Span, "features: expects a list of feature ids or words"));
                return;
        }
    }

    private static void ReadWaivers(FrontMatterValue? value, List<RequirementWaiver> waivers, string? path, List<DocumentError> errors)
    {
        if (value is null) return;
        if (value is not FrontMatterList list)
        {
            errors.Add(new DocumentError(path, value.Span, "waivers: expects a list of {requirement, justification}"));
            return;
        }
        foreach (FrontMatterValue item in list.Items)
        {
            if (item is not FrontMatterMap entry)
            {
                errors.Add(new DocumentError(path, item.Span, "a waiver needs 'requirement:' and 'justification:'"));
                continue;
            }
            var requirement = (entry["requirement"] ?? entry["id"]) as FrontMatterScalar;
            var justification = entry["justification"] as FrontMatterScalar;
            if (requirement is null || requirement.Value.Trim().Length == 0)
                errors.Add(new DocumentError(path, entry.Span, "a waiver needs 'requirement:' naming the requirement id"));
            else if (justification is null || justification.Value.Trim().Length == 0)
                errors.Add(new DocumentError(path, entry.Span, $"the waiver of {requirement.Value} needs a 'justification:'"));
            else
            {
                string token = requirement.Value.Trim();
                waivers.Add(new RequirementWaiver(token, RequirementIds.LocalId(token), justification.Value.Trim(), requirement.Span));
            }
        }
    }

    private static FrontMatterValue Convert(YamlNode node, int rawStart, LineMap lines, int depth, ref int budget)
    {
        SourceSpan span = lines.Span(rawStart + (int)node.Start.Index, rawStart + (int)node.End.Index);
        if (--budget < 0 || depth > MaxDepth) throw new FrontMatterTooLargeException(span);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new FrontMatterScalar(scalar.Value ?? "", span);
            case YamlSequenceNode sequence:
            {
                var items = new List<FrontMatterValue>();
                foreach (YamlNode child in sequence.Children) items.Add(Convert(child, rawStart, lines, depth + 1, ref budget));
                return new FrontMatterList(items, span);
            }
            case YamlMappingNode mapping:
            {
                var entries = new List<KeyValuePair<FrontMatterScalar, FrontMatterValue>>();
                foreach (var (key, value) in mapping.Children)
                {
                    FrontMatterValue k = Convert(key, rawStart, lines, depth + 1, ref budget);
                    FrontMatterScalar keyScalar = k as FrontMatterScalar ?? new FrontMatterScalar("", k.Span);
                    entries.Add(new(keyScalar, Convert(value, rawStart, lines, depth + 1, ref budget)));
                }
                return new FrontMatterMap(entries, span);
            }
            default:
                return new FrontMatterScalar("", span);
        }
    }

    private static string YamlMessage(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is reported separately.
        string message = e.Message;
        int cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }

    private sealed class FrontMatterTooLargeException(SourceSpan at)
        : Exception($"front matter is too large or too deeply nested (more than {MaxNodes} values or {MaxDepth} levels)")
    {
        public SourceSpan At { get; } = at;
    }
}

/// <summary>How markers and waivers name requirements: a prefixed name (cde:r-1), a full IRI, or a bare id.</summary>
public static class RequirementIds
{
    public static string LocalId(string token)
    {
        int slash = token.LastIndexOfAny(['/', '#']);
        if (slash >= 0) return token[(slash + 1)..];
        int colon = token.IndexOf(':');
        return colon >= 0 ? token[(colon + 1)..] : token;
    }
}
