using System.Text;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Text;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>
/// One item to add to a front-matter list: a scalar (a feature id) or a few fields (a waiver's requirement and
/// justification). Field values are YAML as written; a scalar takes the quoting of the list's other items.
/// </summary>
internal sealed record FrontMatterItem(string? Scalar, IReadOnlyList<(string Key, string Yaml)> Fields)
{
    public static FrontMatterItem Of(string scalar) => new(scalar, []);

    public static FrontMatterItem Of(params (string Key, string Yaml)[] fields) => new(null, fields);
}

/// <summary>
/// Adds an item to a list of the YAML front matter as one insertion that keeps the writer's style: after the last
/// item of a block list at its indentation, inside a flow list, onto a comma shorthand ("features: a, b"); when the
/// list is absent, as a new key in the nearest existing mapping on its path (block or flow), or as a new front
/// matter. Line breaks follow the document's. Works from the spans of the parsed front matter, so every shape the
/// checker reads is found; a front matter that does not parse gets no edit.
/// </summary>
internal static class FrontMatterListEdit
{
    /// <param name="existing">Where the list may already be, in order of preference (key paths from the root).</param>
    /// <param name="create">Where to put a new list, in order of preference: the first whose parent mapping exists,
    /// else the first from the root.</param>
    /// <returns>The insertion, or null when the front matter cannot take the item (invalid YAML, a list key holding a mapping).</returns>
    public static (int Offset, string Text)? Add(DocumentText text, FrontMatter? frontMatter, IReadOnlyList<string[]> existing,
        IReadOnlyList<string[]> create, FrontMatterItem item)
    {
        string nl = text.LineCount > 1 && text.Text.AsSpan(text.LineEnd(0)).StartsWith("\r\n") ? "\r\n" : "\n";
        if (frontMatter is null) return (0, $"---{nl}{Block(create[0], item, "", nl)}---{nl}");
        if (frontMatter.Values is not { } root)
        {
            // An empty front matter ("---" twice) has no values; anything else without values is invalid YAML.
            if (frontMatter.Raw.Trim().Length > 0) return null;
            int fence = text.Position((int)frontMatter.Span.End.Offset - 1, PositionEncoding.Utf16).Line;
            return (text.LineStart(fence), Block(create[0], item, "", nl));
        }

        foreach (string[] path in existing)
            if (Find(root, path) is var (key, value)) return Append(text, key, value, item, nl);
        foreach (string[] path in create)
            if (Find(root, path[..^1])?.Value is FrontMatterMap parent) return AddKey(text, parent, path[^1..], item, nl);
        string[] fresh = create[0];
        FrontMatterMap map = root;
        int depth = 0;
        while (depth < fresh.Length - 1 && map[fresh[depth]] is FrontMatterMap inner)
        {
            map = inner;
            depth++;
        }
        return map[fresh[depth]] is null ? AddKey(text, map, fresh[depth..], item, nl) : null;
    }

    /// <summary>The entry at a key path (keys case-insensitive, as the reader reads them); the root for an empty path.</summary>
    private static (FrontMatterScalar? Key, FrontMatterValue Value)? Find(FrontMatterMap root, string[] path)
    {
        (FrontMatterScalar? Key, FrontMatterValue Value) at = (null, root);
        foreach (string key in path)
        {
            if (at.Value is not FrontMatterMap map) return null;
            var entry = map.Entries.FirstOrDefault(e => string.Equals(e.Key.Value, key, StringComparison.OrdinalIgnoreCase));
            if (entry.Key is null) return null;
            at = (entry.Key, entry.Value);
        }
        return at;
    }

    private static (int, string)? Append(DocumentText text, FrontMatterScalar? key, FrontMatterValue value, FrontMatterItem item, string nl)
    {
        string source = text.Text;
        switch (value)
        {
            case FrontMatterList list when source[Start(list)] == '[':
                return (BeforeClosing(source, Start(list)), (list.Items.Count > 0 ? ", " : "") + Flow(item, QuoteOf(text, list)));
            case FrontMatterList { Items.Count: > 0 } list:
            {
                FrontMatterValue last = list.Items[^1];
                int itemStart = Start(last), dash = itemStart - 1;
                while (dash >= 0 && source[dash] == ' ') dash--;
                if (dash < 0 || source[dash] != '-') return null;
                int lineStart = text.LineStart(LineOf(text, dash));
                string indent = new(' ', dash - lineStart);
                return (AfterLineOf(text, End(LastLeaf(last))), Item(item, indent, new string(' ', itemStart - lineStart), QuoteOf(text, list), nl));
            }
            case FrontMatterScalar scalar when item.Scalar is not null && !IsNull(text, scalar):
            {
                // The comma shorthand: inside the quotes when the whole list is one quoted string.
                int end = End(scalar);
                if (source[Start(scalar)] is '"' or '\'') end--;
                return (end, (scalar.Value.Trim().Length > 0 ? ", " : "") + item.Scalar);
            }
            case FrontMatterScalar scalar when key is not null && IsNull(text, scalar):
            {
                // "features:" with nothing after it: a block list under the key.
                int keyLine = LineOf(text, Start(key));
                string indent = new(' ', Start(key) - text.LineStart(keyLine) + 2);
                return (AfterLineOf(text, End(key)), Item(item, indent, indent + "  ", null, nl));
            }
            default:
                return null;
        }
    }

    /// <summary>A new key path (with the list) at the end of a mapping, in the mapping's style.</summary>
    private static (int, string)? AddKey(DocumentText text, FrontMatterMap map, string[] path, FrontMatterItem item, string nl)
    {
        string source = text.Text;
        if (source[Start(map)] == '{')
        {
            var flow = new StringBuilder(map.Entries.Count > 0 ? ", " : "");
            foreach (string key in path[..^1]) flow.Append(key).Append(": {");
            flow.Append(path[^1]).Append(": [").Append(Flow(item, null)).Append(']').Append('}', path.Length - 1);
            return (BeforeClosing(source, Start(map)), flow.ToString());
        }
        if (map.Entries.Count == 0) return null;
        FrontMatterScalar firstKey = map.Entries[0].Key;
        string indent = new(' ', Start(firstKey) - text.LineStart(LineOf(text, Start(firstKey))));
        return (AfterLineOf(text, End(LastLeaf(map))), Block(path, item, indent, nl));
    }

    /// <summary>"key:\n  inner:\n    - item\n" at an indentation.</summary>
    private static string Block(string[] path, FrontMatterItem item, string indent, string nl)
    {
        var block = new StringBuilder();
        foreach (string key in path)
        {
            block.Append(indent).Append(key).Append(':').Append(nl);
            indent += "  ";
        }
        return block.Append(Item(item, indent, indent + "  ", null, nl)).ToString();
    }

    /// <summary>A block list item: "- a" or "- k: v" with further fields at the item's content column.</summary>
    private static string Item(FrontMatterItem item, string dashIndent, string contentIndent, char? quote, string nl)
    {
        if (item.Scalar is not null) return $"{dashIndent}- {Quoted(item.Scalar, quote)}{nl}";
        var lines = new StringBuilder();
        for (int i = 0; i < item.Fields.Count; i++)
            lines.Append(i == 0 ? dashIndent + "- " : contentIndent).Append(item.Fields[i].Key).Append(": ").Append(item.Fields[i].Yaml).Append(nl);
        return lines.ToString();
    }

    private static string Flow(FrontMatterItem item, char? quote) =>
        item.Scalar is not null ? Quoted(item.Scalar, quote) : "{" + string.Join(", ", item.Fields.Select(f => $"{f.Key}: {f.Yaml}")) + "}";

    private static string Quoted(string value, char? quote) => quote is { } q ? $"{q}{value}{q}" : value;

    /// <summary>The quote the list's items use, if they are quoted scalars.</summary>
    private static char? QuoteOf(DocumentText text, FrontMatterList list) =>
        list.Items.LastOrDefault() is FrontMatterScalar s && End(s) > Start(s) && text.Text[Start(s)] is ('"' or '\'') and var q ? q : null;

    /// <summary>The last scalar inside a value: where a block value's text really ends (a block node's own end may lie further on).</summary>
    private static FrontMatterValue LastLeaf(FrontMatterValue value) => value switch
    {
        FrontMatterList { Items.Count: > 0 } list => LastLeaf(list.Items[^1]),
        FrontMatterMap { Entries.Count: > 0 } map => LastLeaf(map.Entries[^1].Value is FrontMatterScalar { Value: "" } empty && End(empty) <= Start(empty)
            ? map.Entries[^1].Key : map.Entries[^1].Value),
        _ => value,
    };

    /// <summary>
    /// Where to add to the flow collection opening at <paramref name="open"/>: after its last non-blank character before
    /// the matching bracket. (A parsed collection's span covers only its opening bracket.)
    /// </summary>
    private static int BeforeClosing(string source, int open)
    {
        int depth = 0, i = open;
        for (; i < source.Length; i++)
        {
            char c = source[i];
            if (c is '"' or '\'' && StartsScalar(source, i))
            {
                // A quoted scalar: "…\"…" escapes with a backslash, '…''…' by doubling.
                for (i++; i < source.Length; i++)
                {
                    if (c == '"' && source[i] == '\\') i++;
                    else if (source[i] != c) continue;
                    else if (c == '\'' && i + 1 < source.Length && source[i + 1] == '\'') i++;
                    else break;
                }
            }
            else if (c is '[' or '{') depth++;
            else if (c is ']' or '}' && --depth == 0) break;
        }
        while (i > open + 1 && char.IsWhiteSpace(source[i - 1])) i--;
        return i;
    }

    /// <summary>A quote opens a quoted scalar only where a scalar starts (not in "it's").</summary>
    private static bool StartsScalar(string source, int at)
    {
        int before = at - 1;
        while (before >= 0 && source[before] == ' ') before--;
        return before < 0 || source[before] is '[' or '{' or ',' or ':' or '\n';
    }

    /// <summary>A key's missing value ("features:" and nothing after it).</summary>
    private static bool IsNull(DocumentText text, FrontMatterScalar scalar) =>
        scalar.Value.Length == 0 && (End(scalar) <= Start(scalar) || text.Text.AsSpan(Start(scalar), End(scalar) - Start(scalar)).Trim().Length == 0);

    private static int Start(FrontMatterValue value) => (int)value.Span.Start.Offset;

    private static int End(FrontMatterValue value) => (int)value.Span.End.Offset;

    private static int LineOf(DocumentText text, int offset) => text.Position(offset, PositionEncoding.Utf16).Line;

    /// <summary>The start of the line after the one holding the character before <paramref name="end"/>.</summary>
    private static int AfterLineOf(DocumentText text, int end) => text.LineStart(LineOf(text, Math.Max(0, end - 1)) + 1);
}
