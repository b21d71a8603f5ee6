namespace GuidelineGraph.Rdf.Io.Syntax;

/// <summary>
/// Direct-mapped caches from token text to terms. Hot terms (predicates, classes, common values) are
/// found again and shared; a collision just rebuilds the term, so memory stays bounded and lookups stay
/// in cache, where a growing dictionary would miss it on every cold name. The tables start small (most
/// documents are) and grow as terms are built; full hashes beside the entries reject a cold entry
/// without touching its (uncached) object.
/// </summary>
internal sealed class TermCache
{
    private const int MaxLiteralLength = 64;

    /// <summary>Prefixed name to IRI, keyed by (prefix, local name); cleared when a prefix is redefined.</summary>
    public readonly PrefixedNameTable PrefixedNames = new();
    /// <summary>IRI reference text to resolved IRI; cleared when the base changes.</summary>
    public readonly Table<Iri> Iris = new();
    private readonly Table<BlankNode> _blankNodes = new();
    private readonly Table<Literal> _literals = new();

    /// <summary>FNV-1a over UTF-16 units: cheap for the short names it sees; collisions only cost a rebuild.</summary>
    public static uint Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h ^ (h >> 15);
    }

    internal sealed class Table<T> where T : class
    {
        private const int InitialSize = 256, MaxSize = 1 << 13;
        private int _mask = InitialSize - 1;
        private int _added;
        private string?[] _keys = new string?[InitialSize];
        private T?[] _values = new T?[InitialSize];
        private uint[] _hashes = new uint[InitialSize];

        public T? Get(ReadOnlySpan<char> key, uint hash)
        {
            int slot = (int)hash & _mask;
            if (_hashes[slot] != hash) return null;
            var k = _keys[slot];
            return k is not null && key.SequenceEqual(k) ? _values[slot] : null;
        }

        public void Add(string key, uint hash, T value)
        {
            // Past twice its size in additions the table doubles (emptied, as a cache may be).
            if (++_added > 2 * (_mask + 1) && _mask + 1 < MaxSize)
            {
                int size = (_mask + 1) * 2;
                _mask = size - 1;
                _added = 0;
                _keys = new string?[size];
                _values = new T?[size];
                _hashes = new uint[size];
            }
            int slot = (int)hash & _mask;
            _keys[slot] = key;
            _values[slot] = value;
            _hashes[slot] = hash;
        }

        public void Clear()
        {
            Array.Clear(_keys);
            Array.Clear(_values);
            Array.Clear(_hashes);
        }
    }

    /// <summary>
    /// Like <see cref="Table{T}"/>, but the key is the declared prefix (a shared string) and the local name,
    /// which is compared against the end of the IRI itself: a miss allocates nothing beyond the new IRI.
    /// </summary>
    internal sealed class PrefixedNameTable
    {
        private const int InitialSize = 256, MaxSize = 1 << 13;
        private int _mask = InitialSize - 1;
        private int _added;
        private string?[] _prefixes = new string?[InitialSize];
        private Iri?[] _values = new Iri?[InitialSize];
        private uint[] _hashes = new uint[InitialSize];
        private int[] _namespaceLengths = new int[InitialSize];

        /// <summary><paramref name="name"/> is "prefix:local" with the ':' at <paramref name="colon"/>.</summary>
        public Iri? Get(ReadOnlySpan<char> name, int colon, uint hash)
        {
            int slot = (int)hash & _mask;
            if (_hashes[slot] != hash) return null;
            var prefix = _prefixes[slot];
            var iri = _values[slot];
            if (prefix is null || iri is null || !name[..colon].SequenceEqual(prefix)) return null;
            var local = name[(colon + 1)..];
            return iri.Value.Length == _namespaceLengths[slot] + local.Length && iri.Value.AsSpan().EndsWith(local) ? iri : null;
        }

        public void Add(string prefix, int namespaceLength, uint hash, Iri value)
        {
            if (++_added > 2 * (_mask + 1) && _mask + 1 < MaxSize)
            {
                int size = (_mask + 1) * 2;
                _mask = size - 1;
                _added = 0;
                _prefixes = new string?[size];
                _values = new Iri?[size];
                _hashes = new uint[size];
                _namespaceLengths = new int[size];
            }
            int slot = (int)hash & _mask;
            _namespaceLengths[slot] = namespaceLength;
            _prefixes[slot] = prefix;
            _values[slot] = value;
            _hashes[slot] = hash;
        }

        public void Clear()
        {
            Array.Clear(_prefixes);
            Array.Clear(_values);
            Array.Clear(_hashes);
        }
    }

    /// <summary>Blank nodes are equal by label, so a rebuilt node is the same node.</summary>
    public BlankNode BlankNode(ReadOnlySpan<char> label, string? scope)
    {
        uint hash = Hash(label);
        var hit = _blankNodes.Get(label, hash);
        if (hit is not null) return hit;
        var id = label.ToString();
        var node = new BlankNode(scope is null ? id : scope + id);
        _blankNodes.Add(id, hash, node);
        return node;
    }

    /// <summary>A literal with a datatype (language null) or a lower-cased language tag.</summary>
    public Literal Literal(ReadOnlySpan<char> lexical, Iri datatype, string? language)
    {
        if (lexical.Length > MaxLiteralLength)
            return language is null ? new Literal(lexical.ToString(), datatype) : new Literal(lexical.ToString(), language);
        // The tag or datatype only needs to spread entries a little: the full comparison decides.
        var kind = language ?? datatype.Value;
        uint hash = Hash(lexical) ^ ((uint)kind.Length * 0x9E3779B1u + (kind.Length == 0 ? 0u : kind[^1]));
        var hit = _literals.Get(lexical, hash);
        if (hit is not null && hit.Language == language && hit.Datatype.Equals(datatype)) return hit;
        var text = lexical.ToString();
        var literal = language is null ? new Literal(text, datatype) : new Literal(text, language);
        _literals.Add(text, hash, literal);
        return literal;
    }
}
