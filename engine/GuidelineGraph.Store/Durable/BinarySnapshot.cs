using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store.Durable;

/// <summary>
/// The dataset at one moment as a binary file that loads without parsing:
/// <code>
/// header  "GGSNAP\r\n" | version:u32 | 0:u32 | termIds:i32 | quads:i64 | crc32:u32          (32 bytes, little-endian)
/// block   kind:u32 | items:u32 | payloadBytes:u32 | crc32:u32 (of these 12 bytes + payload) | payload
/// </code>
/// Term blocks come first and hold the dictionary in id order (1 … termIds-1), so adding them back in order gives
/// every term its old id: a term is its kind byte, then its UTF-8 text; a typed literal adds its datatype's id
/// (always smaller: the dictionary adds a datatype before its first literal), a language-tagged one its tag.
/// Quad blocks follow: ids as GSPO keys (graph, subject, predicate, object), sorted and distinct, the order the
/// in-memory index is built in. An end block proves the file is complete.
/// </summary>
public static class BinarySnapshot
{
    public const string Extension = ".snap";
    public const int Version = 1;
    private static ReadOnlySpan<byte> Magic => "GGSNAP\r\n"u8;
    private const int HeaderBytes = 32, BlockHeaderBytes = 16, BlockTarget = 1 << 20, QuadBytes = 16;
    private const uint TermBlock = 1, QuadBlock = 2, EndBlock = 3;
    private const byte KindIri = 0, KindBlank = 1, KindTyped = 2, KindLang = 3;

    /// <summary>What a snapshot file holds, from its header.</summary>
    public sealed record Contents(int TermIds, long Quads);

    /// <summary>
    /// Writes <paramref name="view"/> (terms with ids below <paramref name="termIds"/>, which must cover every id the
    /// view uses) to <paramref name="path"/>: a temporary file first, fsynced, renamed, then the directory fsynced,
    /// so the path holds either nothing or the whole snapshot. Runs beside updates: the view is immutable and the
    /// dictionary only grows.
    /// </summary>
    public static void Write(string path, StoreSnapshot view, int termIds, CancellationToken ct = default)
    {
        var keys = SortedKeys(view);
        var temporary = path + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var header = new byte[HeaderBytes];
                Magic.CopyTo(header);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Version);
                BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), termIds);
                BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(20), keys.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(28), Crc32.HashToUInt32(header.AsSpan(0, 28)));
                file.Write(header);
                WriteTerms(file, view.Terms, termIds, ct);
                WriteQuads(file, keys, ct);
                WriteBlock(file, EndBlock, 0, []);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        DirectorySync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>The view's quads as GSPO keys, sorted: the base minus its removals, plus the additions, sorted once.</summary>
    private static Key4[] SortedKeys(StoreSnapshot view)
    {
        if (view.Removed.Count == 0 && view.Added.Count == 0)
        {
            var sorted = new Key4[view.Base.Count];
            view.Base.Gspo.CopyKeysTo(sorted);
            return sorted;
        }
        var keys = new Key4[view.Count];
        int n = 0;
        foreach (var k in view.Base.Gspo.Keys())
            if (view.Removed.Count == 0 || !view.Removed.Contains(new IdQuad(k.B, k.C, k.D, k.A))) keys[n++] = k;
        foreach (var q in view.Added.Quads()) keys[n++] = Permutation.Gspo.ToKey(q);
        var result = RadixSort.Sort(keys.AsSpan(0, n), new Key4[n]);
        return result.ToArray();
    }

    private static void WriteTerms(FileStream file, TermDictionary terms, int termIds, CancellationToken ct)
    {
        using var payload = new MemoryStream(BlockTarget + (BlockTarget >> 2));
        using var writer = new BinaryWriter(payload, new UTF8Encoding(false), leaveOpen: true);
        // Datatype ids by IRI, so a million literals do not take the dictionary's lock (the writers') once each.
        var datatypes = new Dictionary<string, int>(StringComparer.Ordinal);
        int items = 0;
        for (int id = 1; id < termIds; id++)
        {
            switch (terms.GetTerm(id))
            {
                case Iri iri:
                    writer.Write(KindIri);
                    writer.Write(iri.Value);
                    break;
                case BlankNode b:
                    writer.Write(KindBlank);
                    writer.Write(b.Id);
                    break;
                case Literal { Language: { } language } l:
                    writer.Write(KindLang);
                    writer.Write(l.Lexical);
                    writer.Write(language);
                    break;
                case Literal l:
                    writer.Write(KindTyped);
                    writer.Write(l.Lexical);
                    if (!datatypes.TryGetValue(l.Datatype.Value, out int datatype))
                    {
                        if (!terms.TryGetId(l.Datatype, out datatype)) throw new InvalidOperationException($"the datatype of term {id} has no id");
                        datatypes[l.Datatype.Value] = datatype;
                    }
                    writer.Write7BitEncodedInt(datatype);
                    break;
            }
            items++;
            if (payload.Length >= BlockTarget)
            {
                ct.ThrowIfCancellationRequested();
                writer.Flush();
                WriteBlock(file, TermBlock, items, payload.GetBuffer().AsSpan(0, (int)payload.Length));
                payload.SetLength(0);
                items = 0;
            }
        }
        writer.Flush();
        if (items > 0) WriteBlock(file, TermBlock, items, payload.GetBuffer().AsSpan(0, (int)payload.Length));
    }

    private static void WriteQuads(FileStream file, Key4[] keys, CancellationToken ct)
    {
        const int perBlock = BlockTarget / QuadBytes;
        var payload = new byte[perBlock * QuadBytes];
        for (int start = 0; start < keys.Length; start += perBlock)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(perBlock, keys.Length - start);
            for (int i = 0; i < count; i++)
            {
                var k = keys[start + i];
                var at = payload.AsSpan(i * QuadBytes);
                BinaryPrimitives.WriteInt32LittleEndian(at, k.A);
                BinaryPrimitives.WriteInt32LittleEndian(at[4..], k.B);
                BinaryPrimitives.WriteInt32LittleEndian(at[8..], k.C);
                BinaryPrimitives.WriteInt32LittleEndian(at[12..], k.D);
            }
            WriteBlock(file, QuadBlock, count, payload.AsSpan(0, count * QuadBytes));
        }
    }

    private static void WriteBlock(FileStream file, uint kind, int items, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[BlockHeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, kind);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)items);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[12..], BlockChecksum(header[..12], payload));
        file.Write(header);
        file.Write(payload);
    }

    private static uint BlockChecksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        var crc = new Crc32();
        crc.Append(header);
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>
    /// Loads the snapshot at <paramref name="path"/> into the empty <paramref name="store"/>. Any damage (a checksum
    /// that does not match, a cut-short file, an id out of place) throws <see cref="InvalidDataException"/> naming the
    /// file and the byte offset of the damaged block: a store must not start on a silently shortened dataset.
    /// </summary>
    public static Contents Read(string path, QuadStore store, CancellationToken ct = default)
    {
        if (store.Terms.Count != 1 || store.Count != 0) throw new InvalidOperationException("a snapshot loads into an empty store only");
        Contents contents;
        using (var file = OpenRead(path)) contents = new BlockReader(file, path).ReadHeader();
        // The quads need the header's counts, not the dictionary: a second thread reads, checks and indexes them
        // while this one rebuilds the dictionary.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var index = Task.Run(() => ReadQuads(path, contents, stop.Token), CancellationToken.None);
        try
        {
            ReadTerms(path, contents, store.Terms, ct);
        }
        catch
        {
            stop.Cancel();
            try { index.Wait(CancellationToken.None); }
            catch (AggregateException) { }
            throw;
        }
        var built = index.GetAwaiter().GetResult();
        store.Terms.TrimExcess();
        store.Restore(built);
        return contents;
    }

    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>Adds the term blocks' terms in id order and checks that each gets the id it had.</summary>
    private static void ReadTerms(string path, Contents contents, TermDictionary terms, CancellationToken ct)
    {
        using var file = OpenRead(path);
        var reader = new BlockReader(file, path);
        reader.ReadHeader();
        var datatypes = new Dictionary<int, Iri>();
        while (terms.Count < contents.TermIds)
        {
            ct.ThrowIfCancellationRequested();
            var (kind, items, payload) = reader.ReadBlock(skipTerms: false);
            if (kind != TermBlock) throw reader.Damaged($"the dictionary ends at id {terms.Count - 1}, the header announces {contents.TermIds - 1}");
            using var text = new BinaryReader(new MemoryStream(payload!, writable: false), Encoding.UTF8);
            for (int i = 0; i < items; i++)
            {
                int expected = terms.Count;
                if (expected >= contents.TermIds) throw reader.Damaged("more terms than the header announces");
                Term term;
                try { term = ReadTerm(text, expected, datatypes, terms); }
                catch (EndOfStreamException) { throw reader.Damaged($"term {expected} is cut short"); }
                catch (FormatException e) { throw reader.Damaged($"term {expected}: {e.Message}"); }
                if (terms.GetOrAdd(term) != expected) throw reader.Damaged($"term {expected} repeats an earlier term");
            }
            if (text.BaseStream.Position != payload!.Length) throw reader.Damaged("a term block holds more bytes than its terms");
        }
        if (reader.ReadBlock(skipTerms: false).Kind == TermBlock) throw reader.Damaged("more terms than the header announces");
    }

    /// <summary>Skips the term blocks, reads the quad blocks up to the end block, checks ids and order, and indexes them.</summary>
    private static QuadIndex ReadQuads(string path, Contents contents, CancellationToken ct)
    {
        using var file = OpenRead(path);
        var reader = new BlockReader(file, path);
        reader.ReadHeader();
        var keys = new Key4[contents.Quads];
        long quads = 0;
        bool inQuads = false;
        Key4 previous = new(-1, 0, 0, 0);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var (kind, items, payload) = reader.ReadBlock(skipTerms: !inQuads);
            switch (kind)
            {
                case TermBlock when !inQuads:
                    break;
                case QuadBlock:
                    {
                        inQuads = true;
                        if (payload!.Length != (long)items * QuadBytes || quads + items > contents.Quads) throw reader.Damaged("a quad block's size does not match its count");
                        for (int i = 0; i < items; i++)
                        {
                            var at = payload.AsSpan(i * QuadBytes);
                            var k = new Key4(BinaryPrimitives.ReadInt32LittleEndian(at), BinaryPrimitives.ReadInt32LittleEndian(at[4..]),
                                BinaryPrimitives.ReadInt32LittleEndian(at[8..]), BinaryPrimitives.ReadInt32LittleEndian(at[12..]));
                            if (k.A < 0 || k.B <= 0 || k.C <= 0 || k.D <= 0 || k.A >= contents.TermIds || k.B >= contents.TermIds || k.C >= contents.TermIds || k.D >= contents.TermIds)
                                throw reader.Damaged($"quad {quads + i} holds an id outside the dictionary");
                            if (k.CompareTo(previous) <= 0) throw reader.Damaged($"quad {quads + i} is out of order");
                            keys[quads + i] = previous = k;
                        }
                        quads += items;
                        break;
                    }
                case EndBlock:
                    if (quads != contents.Quads) throw reader.Damaged($"the file ends after {quads} quads; its header announces {contents.Quads}");
                    return QuadIndex.Build(keys, keys.Length, parallel: true);
                default:
                    throw reader.Damaged($"unexpected block kind {kind}");
            }
        }
    }

    private static Term ReadTerm(BinaryReader text, int id, Dictionary<int, Iri> datatypes, TermDictionary terms)
    {
        byte kind = text.ReadByte();
        string lexical = text.ReadString();
        switch (kind)
        {
            case KindIri: return new Iri(lexical);
            case KindBlank: return new BlankNode(lexical);
            case KindLang: return new Literal(lexical, text.ReadString());
            case KindTyped:
                {
                    int datatype = text.Read7BitEncodedInt();
                    if (!datatypes.TryGetValue(datatype, out var iri))
                    {
                        if (datatype <= 0 || datatype >= id || terms.GetTerm(datatype) is not Iri named)
                            throw new FormatException($"its datatype {datatype} is not an earlier IRI");
                        datatypes[datatype] = iri = named;
                    }
                    return new Literal(lexical, iri);
                }
            default: throw new FormatException($"unknown term kind {kind}");
        }
    }

    /// <summary>Reads checksummed blocks in order, remembering where the current one starts for error messages.</summary>
    private sealed class BlockReader(FileStream file, string path)
    {
        private long _blockStart;
        private readonly byte[] _header = new byte[BlockHeaderBytes];

        public Contents ReadHeader()
        {
            var header = new byte[HeaderBytes];
            if (file.Length < HeaderBytes) throw Damaged("the file is shorter than a snapshot header");
            file.ReadExactly(header);
            if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw Damaged("the file does not start as a GuidelineGraph binary snapshot");
            if (BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(28)) != Crc32.HashToUInt32(header.AsSpan(0, 28)))
                throw Damaged("the header's checksum does not match");
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
            if (version != Version) throw new InvalidDataException($"{path}: snapshot format version {version}; this gg reads version {Version}");
            int termIds = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(16));
            long quads = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(20));
            if (termIds < 1 || quads < 0 || quads > Array.MaxLength) throw Damaged("the header's counts are impossible");
            _blockStart = HeaderBytes;
            return new Contents(termIds, quads);
        }

        /// <summary>The next block; a term block's payload is skipped unchecked (null) when <paramref name="skipTerms"/>.</summary>
        public (uint Kind, int Items, byte[]? Payload) ReadBlock(bool skipTerms)
        {
            _blockStart = file.Position;
            if (file.Length - _blockStart < BlockHeaderBytes) throw Damaged("the file is cut short (no end block)");
            file.ReadExactly(_header);
            uint kind = BinaryPrimitives.ReadUInt32LittleEndian(_header);
            uint items = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(4));
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(8));
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(12));
            if (length > file.Length - file.Position || length > int.MaxValue || items > int.MaxValue)
                throw Damaged("a block is longer than the rest of the file (a damaged length, or the file is cut short)");
            if (skipTerms && kind == TermBlock)
            {
                file.Seek(length, SeekOrigin.Current);
                return (kind, (int)items, null);
            }
            var payload = new byte[length];
            file.ReadExactly(payload);
            if (BlockChecksum(_header.AsSpan(0, 12), payload) != crc) throw Damaged("a block's checksum does not match");
            return (kind, (int)items, payload);
        }

        public InvalidDataException Damaged(string what) =>
            new($"{path}: damaged snapshot at byte offset {_blockStart}: {what}. The store does not start rather than lose data silently; restore this file from a backup");
    }
}
