using System.Runtime.CompilerServices;

namespace GuidelineGraph.Rdf.Io.Syntax;

/// <summary>
/// Direct-mapped caches from token text to terms. Hot terms (predicates, classes, common values) are
/// found again and shared; a collision just rebuilds the term, so memory stays bounded and lookups stay
/// in cache, where a growing dictionary would miss it on every cold name.
/// </summary>
internal sealed class TermCache
{
    private const int Size = 1 << 14, Mask = Size - 1;
    private const int MaxLiteralLength = 64;

    private readonly Iri?[] _prefixed = new Iri?[Size];
    private readonly string?[] _iriKeys = new string?[Size];
    private readonly Iri?[] _iris = new Iri?[Size];
    private readonly BlankNode?[] _blankNodes = new BlankNode?[Size];
    private readonly Literal?[] _literals = new Literal?[Size];

    private static int Slot(ReadOnlySpan<char> s) => (int)Hash(s) & Mask;

    /// <summary>FNV-1a over UTF-16 units: cheap for the short names it sees; collisions only cost a rebuild.</summary>
    private static uint Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h ^ (h >> 15);
    }

    /// <summary>The IRI <paramref name="ns"/> + <paramref name="local"/>, shared when seen recently.</summary>
    public Iri PrefixedName(ReadOnlySpan<char> name, string ns, ReadOnlySpan<char> local)
    {
        int slot = Slot(name);
        var hit = _prefixed[slot];
        if (hit is not null)
        {
            var v = hit.Value.AsSpan();
            if (v.Length == ns.Length + local.Length && v.EndsWith(local) && v.StartsWith(ns)) return hit;
        }
        return _prefixed[slot] = new Iri(string.Concat(ns, local));
    }

    /// <summary>A cached resolution of the IRI reference <paramref name="raw"/> (valid for one base).</summary>
    public Iri? Iri(ReadOnlySpan<char> raw, out int slot)
    {
        slot = Slot(raw);
        var key = _iriKeys[slot];
        return key is not null && raw.SequenceEqual(key) ? _iris[slot] : null;
    }

    public void AddIri(int slot, string raw, Iri iri)
    {
        _iriKeys[slot] = raw;
        _iris[slot] = iri;
    }

    /// <summary>Forgets resolved IRIs, which depend on the base.</summary>
    public void ClearIris()
    {
        Array.Clear(_iriKeys);
        Array.Clear(_iris);
    }

    /// <summary>Blank nodes are equal by label, so a rebuilt node is the same node.</summary>
    public BlankNode BlankNode(ReadOnlySpan<char> label)
    {
        int slot = Slot(label);
        var hit = _blankNodes[slot];
        if (hit is not null && label.SequenceEqual(hit.Id)) return hit;
        return _blankNodes[slot] = new BlankNode(label.ToString());
    }

    /// <summary>A literal with a datatype (language null) or a lower-cased language tag.</summary>
    public Literal Literal(ReadOnlySpan<char> lexical, Iri datatype, string? language)
    {
        if (lexical.Length > MaxLiteralLength)
            return language is null ? new Literal(lexical.ToString(), datatype) : new Literal(lexical.ToString(), language);
        // Datatypes and tags come from shared instances, so their identity is hash enough.
        int slot = (int)(Hash(lexical) ^ (uint)RuntimeHelpers.GetHashCode(language ?? (object)datatype)) & Mask;
        var hit = _literals[slot];
        if (hit is not null && lexical.SequenceEqual(hit.Lexical) && hit.Language == language && hit.Datatype.Equals(datatype))
            return hit;
        return _literals[slot] = language is null ? new Literal(lexical.ToString(), datatype) : new Literal(lexical.ToString(), language);
    }
}
