using System.Runtime.CompilerServices;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store;

/// <summary>
/// Interns terms as dense int ids (from 1; 0 is the default graph). Term text lives once, as UTF-8 in
/// large byte chunks, so a million terms cost their bytes plus about 30 bytes each, not a .NET object graph.
/// Ids never change and are never reused. One writer at a time (the store's); <see cref="GetTerm"/> and
/// <see cref="TryGetId"/> are safe from any thread.
/// </summary>
public sealed class TermDictionary
{
    // Entry layout: where the bytes are, how many, and a tag: low 2 bits the kind, the rest the
    // datatype id (typed literals) or the language tag's byte length (language-tagged literals).
    private struct Entry
    {
        public int Chunk;
        public int Offset;
        public int Length;
        public int Tag;
        public int Hash;
    }

    private const int KindIri = 0, KindBlank = 1, KindTyped = 2, KindLang = 3;
    private const int ChunkSize = 1 << 20;

    private readonly Lock _sync = new();
    private byte[][] _chunks = [new byte[ChunkSize]];
    private int _chunkCount = 1;
    private int _sharedChunk;
    private int _chunkUsed;
    private Entry[] _entries = new Entry[1024];
    private volatile int _count = 1; // id 0 is reserved for the default graph
    private int[] _slots = new int[2048]; // open addressing; 0 = empty, else an id
    private byte[] _scratch = new byte[256];
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
            return chunks + (long)_entries.Length * Unsafe.SizeOf<Entry>() + (long)_slots.Length * sizeof(int);
        }
    }

    /// <summary>The id of <paramref name="term"/>, adding it when new.</summary>
    public int GetOrAdd(Term term)
    {
        lock (_sync) return GetOrAddLocked(term);
    }

    /// <summary>Interns a batch of quads under one lock acquisition (the bulk-load path).</summary>
    internal void Encode(ReadOnlySpan<Quad> quads, Span<IdQuad> ids)
    {
        lock (_sync)
        {
            for (int i = 0; i < quads.Length; i++)
            {
                ref readonly var q = ref quads[i];
                ids[i] = new IdQuad(GetOrAddLocked(q.Subject), GetOrAddLocked(q.Predicate), GetOrAddLocked(q.Object),
                    q.Graph is null ? TermIds.DefaultGraph : GetOrAddLocked(q.Graph));
            }
        }
    }

    public bool TryGetId(Term term, out int id)
    {
        lock (_sync)
        {
            if (term is Literal { Language: null } lit)
            {
                if (!TryFind(lit.Datatype.Value, KindIri, out int dt)) { id = 0; return false; }
                return TryFind(lit.Lexical, KindTyped | (dt << 2), out id);
            }
            var (text, tag) = Describe(term);
            return TryFind(text, tag, out id);
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
                    var lexical = Encoding.UTF8.GetString(bytes);
                    return new Literal(lexical, dt == _xsdString ? Vocab.Xsd.String : (Iri)GetTerm(dt));
                }
            default:
                {
                    int langLength = e.Tag >>> 2;
                    return new Literal(Encoding.UTF8.GetString(bytes[langLength..]), Encoding.UTF8.GetString(bytes[..langLength]));
                }
        }
    }

    /// <summary>The kind of the term with id <paramref name="id"/> without decoding it.</summary>
    public TermKind GetKind(int id) => (_entries[id].Tag & 3) switch
    {
        KindIri => TermKind.Iri,
        KindBlank => TermKind.BlankNode,
        _ => TermKind.Literal,
    };

    private int GetOrAddLocked(Term term)
    {
        if (term is Literal { Language: null } lit)
        {
            int dt = GetOrAddText(lit.Datatype.Value, KindIri);
            if (_xsdString == 0 && lit.Datatype.Value == Vocab.Xsd.String.Value) _xsdString = dt;
            return GetOrAddText(lit.Lexical, KindTyped | (dt << 2));
        }
        var (text, tag) = Describe(term);
        return GetOrAddText(text, tag);
    }

    // Text and tag of everything but typed literals (those need the datatype's id first).
    private static (string Text, int Tag) Describe(Term term) => term switch
    {
        Iri i => (i.Value, KindIri),
        BlankNode b => (b.Id, KindBlank),
        Literal l => (l.Language + l.Lexical, KindLang | (Encoding.UTF8.GetByteCount(l.Language!) << 2)),
        _ => throw new ArgumentException("unknown term kind", nameof(term)),
    };

    private bool TryFind(string text, int tag, out int id)
    {
        var bytes = ToUtf8(text);
        int hash = HashOf(bytes, tag);
        int mask = _slots.Length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            int candidate = _slots[slot];
            if (candidate == 0) { id = 0; return false; }
            if (IsEntry(candidate, bytes, tag, hash)) { id = candidate; return true; }
        }
    }

    private int GetOrAddText(string text, int tag)
    {
        var bytes = ToUtf8(text);
        int hash = HashOf(bytes, tag);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        for (; ; slot = (slot + 1) & mask)
        {
            int candidate = _slots[slot];
            if (candidate == 0) break;
            if (IsEntry(candidate, bytes, tag, hash)) return candidate;
        }
        int id = _count;
        if (id == _entries.Length)
        {
            var grown = new Entry[_entries.Length * 2];
            Array.Copy(_entries, grown, id);
            _entries = grown; // readers see either array; both hold every published entry
        }
        var (chunk, offset) = Store(bytes);
        _entries[id] = new Entry { Chunk = chunk, Offset = offset, Length = bytes.Length, Tag = tag, Hash = hash };
        _slots[slot] = id;
        _count = id + 1; // publish after the entry is written
        if ((long)(id + 1) * 4 > (long)_slots.Length * 3) Rehash();
        return id;
    }

    private bool IsEntry(int id, ReadOnlySpan<byte> bytes, int tag, int hash)
    {
        ref readonly var e = ref _entries[id];
        return e.Hash == hash && e.Tag == tag && e.Length == bytes.Length &&
               new ReadOnlySpan<byte>(_chunks[e.Chunk], e.Offset, e.Length).SequenceEqual(bytes);
    }

    private void Rehash()
    {
        var slots = new int[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int id = 1; id < _count; id++)
        {
            int slot = _entries[id].Hash & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = id;
        }
        _slots = slots;
    }

    private (int Chunk, int Offset) Store(ReadOnlySpan<byte> bytes)
    {
        // Big terms get a chunk of their own so the shared chunks stay densely filled.
        if (bytes.Length > ChunkSize / 4) return (AddChunk(bytes.ToArray()), 0);
        if (_chunkUsed + bytes.Length > ChunkSize)
        {
            _sharedChunk = AddChunk(new byte[ChunkSize]);
            _chunkUsed = 0;
        }
        int offset = _chunkUsed;
        bytes.CopyTo(_chunks[_sharedChunk].AsSpan(offset));
        _chunkUsed += bytes.Length;
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
        if (max > _scratch.Length)
        {
            int exact = Encoding.UTF8.GetByteCount(text);
            if (exact > _scratch.Length) _scratch = new byte[Math.Max(exact, _scratch.Length * 2)];
        }
        int n = Encoding.UTF8.GetBytes(text, _scratch);
        return new ReadOnlySpan<byte>(_scratch, 0, n);
    }

    private static int HashOf(ReadOnlySpan<byte> bytes, int tag)
    {
        var h = new HashCode();
        h.Add(tag);
        h.AddBytes(bytes);
        return h.ToHashCode();
    }
}
