using System.Buffers.Binary;
using System.IO.Hashing;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Store.Durable;

namespace GuidelineGraph.Store.Tests;

public sealed class DurableSnapshotTests : IDisposable
{
    private static readonly Iri A = new("http://ex.org/a"), B = new("http://ex.org/b"), C = new("http://ex.org/c");
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-snapshot-").FullName;
    private string SnapshotPath => Path.Combine(_dir, "snapshot-00000001.snap");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Dump(QuadStore store) =>
        [.. store.Match(null, null, null, GraphSelector.Any).Select(q => q.ToString()).Order(StringComparer.Ordinal)];

    private static void Write(string path, QuadStore store) => BinarySnapshot.Write(path, store.Snapshot(), store.Terms.Count);

    private InvalidDataException ReadFails(string path) =>
        Assert.Throws<InvalidDataException>(() => BinarySnapshot.Read(path, new QuadStore()));

    /// <summary>One quad <c>&lt;a&gt; &lt;b&gt; &lt;c&gt;</c>: ids a=1, b=2, c=3.</summary>
    private void WriteOneQuad()
    {
        var store = new QuadStore();
        store.Load([new Quad(A, B, C)]);
        Write(SnapshotPath, store);
    }

    [Fact]
    public void Every_kind_of_term_and_graph_comes_back_with_its_id()
    {
        var store = new QuadStore();
        var g = new Iri("http://ex.org/g");
        store.Load(
        [
            new Quad(A, B, new Literal("1", Vocab.Xsd.Integer), g),
            new Quad(new BlankNode("x"), B, new Literal("chat", "fr")),
            new Quad(A, B, new Literal("v", new Iri("http://ex.org/datatype"))),
            new Quad(C, B, new Literal("日本語 é")),
            new Quad(C, B, new Literal("")),
        ]);
        // A delta on top of the sorted base: the view written is base - removed + added.
        store.Apply([new Quad(C, B, new Literal(""))], [new Quad(C, A, new BlankNode("y"), g)]);
        Write(SnapshotPath, store);

        var restored = new QuadStore();
        var contents = BinarySnapshot.Read(SnapshotPath, restored);
        Assert.Equal(5, contents.Quads);
        Assert.Equal(Dump(store), Dump(restored));
        Assert.Equal(store.Terms.Count, restored.Terms.Count);
        for (int id = 1; id < store.Terms.Count; id++) Assert.Equal(store.Terms.GetTerm(id), restored.Terms.GetTerm(id));
    }

    [Fact]
    public void The_layout_is_header_then_term_quad_and_end_blocks()
    {
        WriteOneQuad();
        // 32 header + (16 + 3 IRIs × (kind 1 + length 1 + 15 bytes)) + (16 + 16) + 16.
        Assert.Equal(32 + 16 + 51 + 16 + 16 + 16, new FileInfo(SnapshotPath).Length);
        var restored = new QuadStore();
        BinarySnapshot.Read(SnapshotPath, restored);
        Assert.Equal(["<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> ."], Dump(restored));
    }

    [Theory]
    [InlineData(32 + 4, 32)]              // the term block's item count
    [InlineData(32 + 16 + 20, 32)]        // a byte of the second IRI
    [InlineData(99 + 16 + 5, 99)]         // the quad's subject id
    [InlineData(131 + 1, 131)]            // the end block's kind
    public void A_flipped_byte_is_reported_with_the_file_and_the_offset_of_its_block(int flipAt, int blockOffset)
    {
        WriteOneQuad();
        var bytes = File.ReadAllBytes(SnapshotPath);
        bytes[flipAt] ^= 0x20;
        File.WriteAllBytes(SnapshotPath, bytes);
        var e = ReadFails(SnapshotPath);
        Assert.Contains(SnapshotPath, e.Message);
        Assert.Contains($"damaged snapshot at byte offset {blockOffset}", e.Message);
        Assert.Contains("checksum does not match", e.Message);
    }

    [Fact]
    public void A_cut_short_file_is_damaged_not_an_empty_store()
    {
        WriteOneQuad();
        using (var file = new FileStream(SnapshotPath, FileMode.Open)) file.SetLength(140);
        var e = ReadFails(SnapshotPath);
        Assert.Contains("byte offset 131: the file is cut short (no end block)", e.Message);
    }

    [Fact]
    public void Another_format_version_is_refused_by_name()
    {
        WriteOneQuad();
        var bytes = File.ReadAllBytes(SnapshotPath);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28), Crc32.HashToUInt32(bytes.AsSpan(0, 28)));
        File.WriteAllBytes(SnapshotPath, bytes);
        Assert.Equal($"{SnapshotPath}: snapshot format version 2; this gg reads version 1", ReadFails(SnapshotPath).Message);
    }

    [Fact]
    public void A_store_with_a_damaged_snapshot_does_not_start_and_keeps_its_files()
    {
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            Assert.True(store.Update(SparqlParser.ParseUpdate("INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> }").Value!).Success);
            store.Snapshot();
            Assert.True(store.Update(SparqlParser.ParseUpdate("INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/d> }").Value!).Success);
        }
        var before = Directory.GetFiles(_dir).Order(StringComparer.Ordinal).ToArray();
        var snapshot = Assert.Single(before, f => f.EndsWith(".snap", StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(snapshot);
        bytes[32 + 16 + 3] ^= 1;
        File.WriteAllBytes(snapshot, bytes);
        var e = Assert.Throws<InvalidDataException>(() => DurableStore.Open(_dir, null, out _));
        Assert.StartsWith($"{snapshot}: damaged snapshot at byte offset 32", e.Message);
        Assert.Equal(before, Directory.GetFiles(_dir).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void An_n_quads_snapshot_of_the_older_format_is_read_and_replaced()
    {
        File.WriteAllText(Path.Combine(_dir, "snapshot-00000003.nq"), "<http://ex.org/a> <http://ex.org/b> \"x\"@en <http://ex.org/g> .\n");
        using (var log = WriteAheadLog.Open(Path.Combine(_dir, "wal-00000003.log"), out _))
            log.Append(new ChangeSet([], [new Quad(A, B, C)]).Encode());
        string[] expected =
        [
            "<http://ex.org/a> <http://ex.org/b> \"x\"@en <http://ex.org/g> .",
            "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .",
        ];
        using (var store = DurableStore.Open(_dir, null, out var recovery))
        {
            Assert.Equal(("snapshot-00000003.nq", 1L, 1, 3L), (recovery.SnapshotFile, recovery.SnapshotQuads, recovery.LogRecords, recovery.Generation));
            Assert.Equal(expected, Dump(store.Store));
            store.Snapshot();
        }
        Assert.Equal(["LOCK", "snapshot-00000004.snap", "wal-00000004.log"],
            Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        using var reopened = DurableStore.Open(_dir, null, out var binary);
        Assert.Equal(("snapshot-00000004.snap", 2L, 0), (binary.SnapshotFile, binary.SnapshotQuads, binary.LogRecords));
        Assert.Equal(expected, Dump(reopened.Store));
    }

    [Fact]
    public void A_missing_log_between_snapshot_and_later_logs_is_refused()
    {
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            store.Snapshot(); // generation 1
            Assert.True(store.Update(SparqlParser.ParseUpdate("INSERT DATA { <http://ex.org/a> <http://ex.org/b> <http://ex.org/c> }").Value!).Success);
        }
        File.Move(Path.Combine(_dir, "wal-00000001.log"), Path.Combine(_dir, "wal-00000002.log"));
        var e = Assert.Throws<InvalidDataException>(() => DurableStore.Open(_dir, null, out _));
        Assert.Contains("wal-00000001.log is missing while wal-00000002.log follows it", e.Message);
    }

    [Fact]
    public void A_failed_snapshot_keeps_the_older_snapshot_and_every_log()
    {
        static bool Insert(DurableStore store, string o) =>
            store.Update(SparqlParser.ParseUpdate($"INSERT DATA {{ <http://ex.org/a> <http://ex.org/b> <http://ex.org/{o}> }}").Value!).Success;
        // A directory where the next snapshot's temporary file goes: creating the file fails as a full disk would.
        var blocker = Path.Combine(_dir, "snapshot-00000002.snap.tmp");
        using (var store = DurableStore.Open(_dir, null, out _))
        {
            Assert.True(Insert(store, "c1"));
            store.Snapshot();
            Assert.True(Insert(store, "c2"));
            Directory.CreateDirectory(blocker);
            var e = Assert.ThrowsAny<Exception>(store.Snapshot);
            Assert.True(e is IOException or UnauthorizedAccessException, e.ToString());
            Assert.NotNull(store.SnapshotFailure);
            Assert.Equal(1, store.SnapshotGeneration);
            Assert.True(Insert(store, "c3"));
        }
        Directory.Delete(blocker);
        Assert.Equal(["LOCK", "snapshot-00000001.snap", "wal-00000001.log", "wal-00000002.log"],
            Directory.GetFiles(_dir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray());
        using var reopened = DurableStore.Open(_dir, null, out var recovery);
        Assert.Equal(("snapshot-00000001.snap", 1L, 2, 2L), (recovery.SnapshotFile, recovery.SnapshotQuads, recovery.LogRecords, recovery.Generation));
        Assert.Equal(3, reopened.Store.Count);
    }

    [Fact]
    public void Updates_go_on_while_a_snapshot_is_written_in_the_background()
    {
        int seeded;
        int during = 0, total = 0;
        using (var store = DurableStore.Open(_dir, new DurableStoreOptions { SnapshotAfterLogBytes = 1 }, out _))
        {
            // Big enough that writing its snapshot takes a while: every term distinct.
            seeded = (int)store.Store.Load(Enumerable.Range(0, 300_000).Select(i => new Quad(new Iri($"http://ex.org/s{i}"), B, new Literal($"value {i}"))));
            // The first logged change passes the 1-byte threshold: a new log starts and the snapshot runs beside the next ones.
            for (int i = 0; total < 2000 && (i == 0 || store.IsSnapshotting); i++, total++)
            {
                var text = $"INSERT DATA {{ <http://ex.org/u{i}> <http://ex.org/b> {i} }}";
                Assert.True(store.Update(SparqlParser.ParseUpdate(text).Value!).Success);
                if (store.IsSnapshotting) during++;
            }
            Assert.True(during > 0, "no update finished while the snapshot was being written");
            store.Snapshot();
            Assert.Null(store.SnapshotFailure);
        }
        using var reopened = DurableStore.Open(_dir, null, out var recovery);
        Assert.Equal(seeded + total, reopened.Store.Count);
        Assert.Equal(seeded + total, recovery.SnapshotQuads);
    }
}
