using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store;

/// <summary>
/// Interns terms as dense int ids (from 1; 0 is the default graph). Term text lives once, as UTF-8 in
/// large byte chunks, so a million terms cost their bytes plus about 30 bytes each, not a .NET object
/// graph. Ids never change and are never reused. Adding happens under a lock (the store has one writer);
/// <see cref="GetTerm"/> is lock-free and safe from any thread.
/// </summary>
public sealed class TermDictionary
{
    // Where an entry's bytes are, how many, and a tag: low 2 bits the kind, the rest the datatype id
    // (typed literals) or the language tag's byte length (language-tagged literals, stored tag first).
    private struct Entry
    {
        public int Chunk;
        public int Offset;
        public int Length;
        public int Tag;
    }

    private const int KindIri = 0, KindBlank = 1, KindTyped = 2, KindLang = 3;
    private const int ChunkSize = 1 << 20;

    private readonly Lock _sync = new();
    private readonly Dictionary<string, int> _datatypes = new(StringComparer.Ordinal);
    private byte[][] _chunks = [new byte[ChunkSize]];
    private int _chunkCount = 1, _sharedChunk, _chunkUsed;
    private Entry[] _entries = new Entry[1024];
    private volatile int _count = 1; // id 0 is reserved for the default graph
    // Open addressing, linear probing; a slot is 0 (empty) or the entry's hash (high half) and id (low half),
    // so most mismatches are rejected without touching the entry.
    private long[] _slots = new long[2048];
    private byte[] _scratch = new byte[256];
    // Recently used terms by hash: predicates, classes and datatypes recur on almost every statement,
    // and a hit here skips three cache misses (slot, entry, bytes) in the big tables.
    private readonly RecentTerm[] _recent = new RecentTerm[RecentSize];
    private const int RecentSize = 1024;

    // Parsers share the objects of hot terms; an object seen before is found by reference, without hashing its text.
    private readonly (Term? Term, int Id)[] _seen = new (Term?, int)[SeenSize];
    private const int SeenSize = 4096;

    private struct RecentTerm
    {
        public string? Text;
        public string? Prefix;
        public int Hash, Tag, Id;
    }
    private int _xsdString;

    /// <summary>Number of ids handed out, the reserved default-graph id included.</summary>
    public int Count => _count;

    /// <summary>Bytes held by the dictionary (chunks, entries, hash slots).</summary>
    public long ApproximateBytes
    {
        get
        {
            long chunks = 0;
            for (int i = 0; i < _chunkCount; i++) chunks += _chunks[i].Length;
            return chunks + (long)_entries.Length * Unsafe.SizeOf<Entry>() + (long)_slots.Length * sizeof(long);
        }
    }

    /// <summary>The id of <paramref name="term"/>, adding it when new.</summary>
    public int GetOrAdd(Term term)
    {
        lock (_sync) return Find(term, add: true);
    }

    public bool TryGetId(Term term, out int id)
    {
        lock (_sync) id = Find(term, add: false);
        return id != 0;
    }

    /// <summary>Interns a batch of quads under one lock acquisition (the bulk-load path).</summary>
    internal void Encode(ReadOnlySpan<Quad> quads, Span<IdQuad> ids)
    {
        lock (_sync)
        {
            // Parsers hand out the same subject object for a whole ';' list: skip the hash for repeats.
            Term? lastSubject = null, lastGraph = null;
            int subject = 0, graph = TermIds.DefaultGraph;
            for (int i = 0; i < quads.Length; i++)
            {
                ref readonly var q = ref quads[i];
                if (!ReferenceEquals(q.Subject, lastSubject)) { subject = Find(q.Subject, add: true); lastSubject = q.Subject; }
                if (!ReferenceEquals(q.Graph, lastGraph)) { graph = q.Graph is null ? TermIds.DefaultGraph : Find(q.Graph, add: true); lastGraph = q.Graph; }
                ids[i] = new IdQuad(subject, Find(q.Predicate, add: true), Find(q.Object, add: true), graph);
            }
        }
    }

    /// <summary>Releases spare capacity after a bulk load.</summary>
    internal void TrimExcess()
    {
        lock (_sync)
        {
            if (_entries.Length - _count < 1024) return;
            var trimmed = new Entry[_count + 1024];
            Array.Copy(_entries, trimmed, _count);
            _entries = trimmed;
        }
    }

    /// <summary>The term with id <paramref name="id"/>; ids come from this dictionary.</summary>
    public Term GetTerm(int id)
    {
        if ((uint)id >= (uint)_count || id == TermIds.DefaultGraph)
            throw new ArgumentOutOfRangeException(nameof(id), id, "not a term id of this dictionary");
        var e = _entries[id];
        var bytes = new ReadOnlySpan<byte>(_chunks[e.Chunk], e.Offset, e.Length);
        switch (e.Tag & 3)
        {
            case KindIri: return new Iri(Encoding.UTF8.GetString(bytes));
            case KindBlank: return new BlankNode(Encoding.UTF8.GetString(bytes));
            case KindTyped:
                {
                    int dt = e.Tag >>> 2;
                    return new Literal(Encoding.UTF8.GetString(bytes), dt == _xsdString ? Vocab.Xsd.String : DatatypeIri(dt));
                }
            default:
                {
                    int languageLength = e.Tag >>> 2;
                    return new Literal(Encoding.UTF8.GetString(bytes[languageLength..]), LanguageTag(bytes[..languageLength]));
                }
        }
    }

    // Decoding a literal reuses its datatype IRI and, when it repeats, its language tag: a query decoding many
    // literals then allocates their text only. Both caches hold immutable values, so racing readers are safe.
    private readonly ConcurrentDictionary<int, Iri> _datatypeIris = new();
    private volatile DecodedLanguage? _lastLanguage;

    private sealed record DecodedLanguage(byte[] Utf8, string Text);

    private Iri DatatypeIri(int id) => _datatypeIris.GetOrAdd(id, static (dt, self) => (Iri)self.GetTerm(dt), this);

    private string LanguageTag(ReadOnlySpan<byte> utf8)
    {
        var last = _lastLanguage;
        if (last is not null && utf8.SequenceEqual(last.Utf8)) return last.Text;
        var text = Encoding.UTF8.GetString(utf8);
        _lastLanguage = new DecodedLanguage(utf8.ToArray(), text);
        return text;
    }

    /// <summary>The kind of the term with id <paramref name="id"/> without decoding it.</summary>
    public TermKind GetKind(int id) => (_entries[id].Tag & 3) switch
    {
        KindIri => TermKind.Iri,
        KindBlank => TermKind.BlankNode,
        _ => TermKind.Literal,
    };

    private int Find(Term term, bool add)
    {
        ref var seen = ref _seen[RuntimeHelpers.GetHashCode(term) & (SeenSize - 1)];
        if (ReferenceEquals(seen.Term, term)) return seen.Id;
        int id = FindByValue(term, add);
        if (id != 0) seen = (term, id);
        return id;
    }

    private int FindByValue(Term term, bool add)
    {
        switch (term)
        {
            case Iri iri: return Find(iri.Value, null, KindIri, add);
            case BlankNode b: return Find(b.Id, null, KindBlank, add);
            case Literal { Language: { } language } l:
                return Find(l.Lexical, language, KindLang | (Encoding.UTF8.GetByteCount(language) << 2), add);
            case Literal l:
                {
                    int dt = DatatypeId(l.Datatype.Value, add);
                    return dt == 0 ? 0 : Find(l.Lexical, null, KindTyped | (dt << 2), add);
                }
            default: throw new ArgumentException("unknown term kind", nameof(term));
        }
    }

    private int DatatypeId(string datatype, bool add)
    {
        if (_datatypes.TryGetValue(datatype, out int id)) return id;
        id = Find(datatype, null, KindIri, add);
        if (id == 0) return 0;
        _datatypes[datatype] = id;
        if (datatype == Vocab.Xsd.String.Value) _xsdString = id;
        return id;
    }

    /// <summary>
    /// The id of the entry with <paramref name="text"/> (after <paramref name="prefix"/>, the language)
    /// and <paramref name="tag"/>; 0 when absent and not <paramref name="add"/>.
    /// </summary>
    private int Find(string text, string? prefix, int tag, bool add)
    {
        int hash = HashCode.Combine(string.GetHashCode(text), tag, prefix is null ? 0 : string.GetHashCode(prefix));
        ref var recent = ref _recent[hash & (RecentSize - 1)];
        if (recent.Hash == hash && recent.Tag == tag && recent.Text == text && recent.Prefix == prefix && recent.Text is not null)
            return recent.Id;
        long mask = _slots.Length - 1;
        long slot = hash & mask;
        int id;
        for (; ; slot = (slot + 1) & mask)
        {
            long s = _slots[slot];
            if (s == 0)
            {
                if (!add) return 0;
                id = Add(slot, hash, text, prefix, tag);
                break;
            }
            if ((int)(s >> 32) == hash && IsEntry((int)s, text, prefix, tag)) { id = (int)s; break; }
        }
        recent = new RecentTerm { Text = text, Prefix = prefix, Hash = hash, Tag = tag, Id = id };
        return id;
    }

    private bool IsEntry(int id, string text, string? prefix, int tag)
    {
        ref readonly var e = ref _entries[id];
        if (e.Tag != tag) return false;
        var bytes = new ReadOnlySpan<byte>(_chunks[e.Chunk], e.Offset, e.Length);
        if (prefix is not null)
        {
            int prefixLength = tag >>> 2;
            if (!TextEquals(bytes[..prefixLength], prefix)) return false;
            bytes = bytes[prefixLength..];
        }
        return TextEquals(bytes, text);
    }

    private bool TextEquals(ReadOnlySpan<byte> utf8, string text)
    {
        // Same length means ASCII on both sides if they are equal at all; otherwise compare as UTF-8.
        if (utf8.Length == text.Length) return System.Text.Ascii.Equals(utf8, text);
        if (utf8.Length < text.Length || utf8.Length > text.Length * 3) return false;
        return utf8.SequenceEqual(ToUtf8(text));
    }

    private int Add(long slot, int hash, string text, string? prefix, int tag)
    {
        int prefixBytes = prefix is null ? 0 : tag >>> 2;
        long length = prefixBytes + (long)Encoding.UTF8.GetByteCount(text);
        if (length > int.MaxValue / 2) throw new ArgumentException("term text over 1 GB", nameof(text));
        var (chunk, offset) = Reserve((int)length);
        var target = _chunks[chunk].AsSpan(offset, (int)length);
        if (prefix is not null) Encoding.UTF8.GetBytes(prefix, target);
        Encoding.UTF8.GetBytes(text, target[prefixBytes..]);

        int id = _count;
        if (id == int.MaxValue >> 2) throw new InvalidOperationException("term dictionary full");
        if (id == _entries.Length)
        {
            var grown = new Entry[_entries.Length * 2];
            Array.Copy(_entries, grown, id);
            _entries = grown; // readers see either array; both hold every published entry
        }
        _entries[id] = new Entry { Chunk = chunk, Offset = offset, Length = (int)length, Tag = tag };
        _slots[slot] = ((long)hash << 32) | (uint)id;
        _count = id + 1; // publish after the entry is written
        if ((long)(id + 1) * 10 > (long)_slots.Length * 7) Rehash();
        return id;
    }

    private void Rehash()
    {
        var slots = new long[_slots.Length * 2];
        long mask = slots.Length - 1;
        foreach (long s in _slots)
        {
            if (s == 0) continue;
            long slot = (int)(s >> 32) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = s;
        }
        _slots = slots;
    }

    private (int Chunk, int Offset) Reserve(int length)
    {
        // Big terms get a chunk of their own so the shared chunks stay densely filled.
        if (length > ChunkSize / 4) return (AddChunk(new byte[length]), 0);
        if (_chunkUsed + length > ChunkSize)
        {
            _sharedChunk = AddChunk(new byte[ChunkSize]);
            _chunkUsed = 0;
        }
        int offset = _chunkUsed;
        _chunkUsed += length;
        return (_sharedChunk, offset);
    }

    private int AddChunk(byte[] chunk)
    {
        if (_chunkCount == _chunks.Length)
        {
            var grown = new byte[_chunks.Length * 2][];
            Array.Copy(_chunks, grown, _chunkCount);
            _chunks = grown;
        }
        _chunks[_chunkCount] = chunk;
        return _chunkCount++;
    }

    private ReadOnlySpan<byte> ToUtf8(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _scratch.Length) _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        int n = Encoding.UTF8.GetBytes(text, _scratch);
        return new ReadOnlySpan<byte>(_scratch, 0, n);
    }
}
