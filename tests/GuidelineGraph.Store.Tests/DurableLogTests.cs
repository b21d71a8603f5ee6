using System.Text;
using GuidelineGraph.Store.Durable;

namespace GuidelineGraph.Store.Tests;

public sealed class DurableLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gg-wal-").FullName;
    private string LogPath => Path.Combine(_dir, "wal.log");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    private List<string> ReadBack(out LogTail tail)
    {
        var records = new List<string>();
        tail = WriteAheadLog.ReadAll(LogPath, r => records.Add(Encoding.UTF8.GetString(r)));
        return records;
    }

    private void WriteThree()
    {
        using var log = WriteAheadLog.Open(LogPath, out var fresh);
        Assert.Equal(0, fresh.Records);
        log.Append(Bytes("one"));
        log.Append(Bytes("two"));
        log.Append(Bytes("three"));
        // 8-byte header per record: 11 + 11 + 13.
        Assert.Equal(35, log.Length);
    }

    [Fact]
    public void A_group_is_one_append_and_a_crash_inside_it_keeps_a_prefix()
    {
        using (var log = WriteAheadLog.Open(LogPath, out _)) log.Append([Bytes("a"), Bytes("bb"), Bytes("ccc")]);
        Assert.Equal(["a", "bb", "ccc"], ReadBack(out var tail));
        Assert.Equal(new LogTail(3, 9 + 10 + 11, 0, null), tail);
        // A crash during the group's write leaves its first records whole and the last one torn.
        using (var file = new FileStream(LogPath, FileMode.Open)) file.SetLength(9 + 10 + 8 + 1);
        Assert.Equal(["a", "bb"], ReadBack(out tail));
        Assert.Equal(new LogTail(2, 19, 9, "a record is cut short"), tail);
    }

    [Fact]
    public void Records_come_back_in_order()
    {
        WriteThree();
        Assert.Equal(["one", "two", "three"], ReadBack(out var tail));
        Assert.Equal(new LogTail(3, 35, 0, null), tail);
    }

    [Theory]
    [InlineData(34, "a record is cut short")]          // last payload byte missing
    [InlineData(30, "a record is cut short")]          // the header of the third record, no payload
    [InlineData(25, "a record header is cut short")]   // three bytes of the third header
    public void A_torn_tail_is_dropped_and_truncated_on_open(int length, string reason)
    {
        WriteThree();
        using (var file = new FileStream(LogPath, FileMode.Open)) file.SetLength(length);
        Assert.Equal(["one", "two"], ReadBack(out var tail));
        Assert.Equal(new LogTail(2, 22, length - 22, reason), tail);

        using (var log = WriteAheadLog.Open(LogPath, out var opened))
        {
            Assert.Equal(2, opened.Records);
            Assert.Equal(22, log.Length);
            log.Append(Bytes("four"));
        }
        Assert.Equal(["one", "two", "four"], ReadBack(out _));
    }

    [Fact]
    public void A_record_whose_checksum_fails_ends_the_log()
    {
        WriteThree();
        var bytes = File.ReadAllBytes(LogPath);
        bytes[11 + 8] ^= 0x20; // 't' of "two" becomes 'T'
        File.WriteAllBytes(LogPath, bytes);
        Assert.Equal(["one"], ReadBack(out var tail));
        Assert.Equal("a record's checksum does not match", tail.Reason);
        Assert.Equal(35 - 11, tail.DroppedBytes);
    }

    [Fact]
    public void A_missing_log_is_empty()
    {
        Assert.Empty(ReadBack(out var tail));
        Assert.Equal(new LogTail(0, 0, 0, null), tail);
    }
}
