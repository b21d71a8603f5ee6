using System.Buffers.Binary;
using System.IO.Hashing;

namespace GuidelineGraph.Store.Durable;

/// <summary>
/// An append-only file of checksummed records: <c>[length:u32][crc32:u32][payload]</c>, little-endian.
/// <see cref="Append"/> returns only once the record is on disk (fsync), so an acknowledged change survives a crash.
/// A record cut short by a crash, or whose checksum does not match, ends the log: <see cref="ReadAll"/> stops
/// there and <see cref="Open"/> truncates the file to the last whole record before appending.
/// </summary>
public sealed class WriteAheadLog : IDisposable
{
    private const int HeaderSize = 8;
    /// <summary>Larger lengths can only come from a torn or corrupt header.</summary>
    public const int MaxRecordBytes = 1 << 30;

    private readonly FileStream _file;

    private WriteAheadLog(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>Bytes of whole records.</summary>
    public long Length => _file.Length;

    /// <summary>Opens (creating if absent) for appending after the last whole record; returns what was dropped.</summary>
    public static WriteAheadLog Open(string path, out LogTail tail)
    {
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16, FileOptions.None);
        try
        {
            tail = Scan(file, _ => { });
            if (tail.DroppedBytes > 0)
            {
                file.SetLength(tail.ValidBytes);
                file.Flush(flushToDisk: true);
            }
            file.Seek(0, SeekOrigin.End);
            return new WriteAheadLog(file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Calls <paramref name="record"/> for each whole record in order; the file is not changed.</summary>
    public static LogTail ReadAll(string path, Action<byte[]> record)
    {
        if (!File.Exists(path)) return new LogTail(0, 0, 0, null);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        return Scan(file, record);
    }

    private static LogTail Scan(FileStream file, Action<byte[]> record)
    {
        file.Seek(0, SeekOrigin.Begin);
        long valid = 0, length = file.Length;
        int count = 0;
        var header = new byte[HeaderSize];
        while (valid < length)
        {
            string? reason = null;
            if (length - valid < HeaderSize) reason = "a record header is cut short";
            else
            {
                file.ReadExactly(header);
                uint size = BinaryPrimitives.ReadUInt32LittleEndian(header);
                uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
                if (size > MaxRecordBytes || size > length - valid - HeaderSize) reason = "a record is cut short";
                else
                {
                    var payload = new byte[size];
                    file.ReadExactly(payload);
                    if (Crc32.HashToUInt32(payload) != crc) reason = "a record's checksum does not match";
                    else
                    {
                        record(payload);
                        valid += HeaderSize + size;
                        count++;
                        continue;
                    }
                }
            }
            return new LogTail(count, valid, length - valid, reason);
        }
        return new LogTail(count, valid, 0, null);
    }

    /// <summary>Appends one record and waits until it is on stable storage.</summary>
    public void Append(byte[] payload) => Append([payload]);

    /// <summary>
    /// Appends records in order with one write and one fsync (a group commit): when this returns they are all on
    /// stable storage; a crash before leaves a prefix of them, the last possibly torn, which a scan drops.
    /// </summary>
    public void Append(IReadOnlyList<byte[]> payloads)
    {
        foreach (var payload in payloads)
            if (payload.Length > MaxRecordBytes) throw new ArgumentException($"a log record holds at most {MaxRecordBytes} bytes", nameof(payloads));
        long start = _file.Position;
        try
        {
            Span<byte> header = stackalloc byte[HeaderSize];
            foreach (var payload in payloads)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)payload.Length);
                BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
                _file.Write(header);
                _file.Write(payload);
            }
            _file.Flush(flushToDisk: true);
        }
        catch
        {
            // A failed append must not leave a partial record in front of the next one.
            _file.SetLength(start);
            _file.Seek(start, SeekOrigin.Begin);
            throw;
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>What a scan of the log found: whole records, their bytes, and the bytes after them that were dropped and why.</summary>
public sealed record LogTail(int Records, long ValidBytes, long DroppedBytes, string? Reason);
