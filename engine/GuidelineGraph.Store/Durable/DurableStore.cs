using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Store.Durable;

public sealed record DurableStoreOptions
{
    public static readonly DurableStoreOptions Default = new();

    /// <summary>Write a snapshot and start a new log once the log holds this many bytes.</summary>
    public long SnapshotAfterLogBytes { get; init; } = 64L << 20;
}

/// <summary>What opening a store found: the snapshot generation and size, replayed log records, and a dropped torn tail.</summary>
public sealed record StoreRecovery(long Generation, long SnapshotQuads, int LogRecords, long DroppedBytes, string? DropReason, bool Created);

/// <summary>
/// The one writer of a <see cref="QuadStore"/>. Each change runs alone against a transaction; when it succeeds its
/// net effect is appended to the write-ahead log and fsynced, and only then published to readers, so a change is
/// acknowledged only once it survives a crash, and a failed change leaves neither memory nor log touched.
/// Without a directory the log is skipped (an in-memory store with the same atomicity).
/// On disk: <c>snapshot-G.nq</c> (the dataset when generation G began; written to a temporary file and renamed)
/// and <c>wal-G.log</c> (the changes since); opening loads the newest snapshot and replays its log.
/// </summary>
public sealed class DurableStore : IDisposable
{
    private const string LockName = "LOCK";
    private readonly Lock _writer = new();
    private readonly string? _directory;
    private readonly DurableStoreOptions _options;
    private readonly FileStream? _lock;
    private readonly string _blankNodePrefix = "u" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "_";
    private WriteAheadLog? _log;
    private long _generation;

    private DurableStore(QuadStore store, string? directory, DurableStoreOptions options, FileStream? lockFile)
    {
        Store = store;
        _directory = directory;
        _options = options;
        _lock = lockFile;
    }

    public QuadStore Store { get; }

    /// <summary>Null when the store lives only in memory.</summary>
    public string? Directory => _directory;

    public long Generation => _generation;

    /// <summary>Bytes in the current log (0 in memory).</summary>
    public long LogBytes => _log?.Length ?? 0;

    public static DurableStore InMemory(QuadStore store) => new(store, null, DurableStoreOptions.Default, null);

    /// <summary>Whether <paramref name="directory"/> already holds a store: a snapshot, or a log with records.</summary>
    public static bool Exists(string directory) =>
        System.IO.Directory.Exists(directory) && (System.IO.Directory.EnumerateFiles(directory, "snapshot-*.nq").Any()
            || System.IO.Directory.EnumerateFiles(directory, "wal-*.log").Any(f => new FileInfo(f).Length > 0));

    /// <summary>
    /// Opens or creates the store in <paramref name="directory"/>, locked against a second process until disposed.
    /// To seed a new one (<see cref="StoreRecovery.Created"/>), load into <see cref="Store"/> and call <see cref="Snapshot"/>.
    /// </summary>
    public static DurableStore Open(string directory, DurableStoreOptions? options, out StoreRecovery recovery, CancellationToken ct = default)
    {
        options ??= DurableStoreOptions.Default;
        System.IO.Directory.CreateDirectory(directory);
        FileStream lockFile;
        try { lockFile = new FileStream(Path.Combine(directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException e) { throw new IOException($"{directory} is in use by another process ({e.Message})", e); }
        var durable = new DurableStore(new QuadStore(), Path.GetFullPath(directory), options, lockFile);
        try
        {
            recovery = durable.Recover(ct);
            return durable;
        }
        catch
        {
            durable.Dispose();
            throw;
        }
    }

    private StoreRecovery Recover(CancellationToken ct)
    {
        var dir = _directory!;
        foreach (var stray in System.IO.Directory.EnumerateFiles(dir, "*.tmp")) File.Delete(stray);
        var generations = System.IO.Directory.EnumerateFiles(dir, "snapshot-*.nq").Select(GenerationOf).Where(g => g >= 0).ToList();
        bool created = !Exists(dir);
        _generation = generations.Count == 0 ? 0 : generations.Max();
        long snapshotQuads = 0;
        if (generations.Count > 0)
        {
            using var reader = new StreamReader(SnapshotPath(_generation), Encoding.UTF8);
            snapshotQuads = Store.Load(RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.NQuads }, ct), ct: ct);
        }
        // Each record's removed quads were present and its added ones absent when it was written, so the records
        // fold exactly into one net change, applied with one sort instead of one delta rebuild per record.
        var removed = new HashSet<Quad>();
        var added = new HashSet<Quad>();
        var tail = WriteAheadLog.ReadAll(LogPath(_generation), record =>
        {
            var change = ChangeSet.Decode(record);
            foreach (var q in change.Removed) if (!added.Remove(q)) removed.Add(q);
            foreach (var q in change.Added) if (!removed.Remove(q)) added.Add(q);
        });
        Store.Apply(removed, added);
        _log = WriteAheadLog.Open(LogPath(_generation), out _);
        DirectorySync.Flush(dir);
        foreach (var old in System.IO.Directory.EnumerateFiles(dir, "*-*.*").Where(f => GenerationOf(f) is >= 0 and var g && g < _generation))
            File.Delete(old);
        return new StoreRecovery(_generation, snapshotQuads, tail.Records, tail.DroppedBytes, tail.Reason, created);
    }

    /// <summary>Runs an update request as one change.</summary>
    public UpdateOutcome Update(UpdateRequest request, QueryOptions? options = null, CancellationToken ct = default) =>
        Change(dataset => UpdateEvaluator.Execute(request, dataset, options, ct));

    /// <summary>
    /// Runs <paramref name="change"/> against a transaction while no other change runs; commits it (log first)
    /// when its outcome has no error. The Graph Store Protocol and SPARQL Update both go through here.
    /// </summary>
    public UpdateOutcome Change(Func<IUpdatableDataset, UpdateOutcome> change)
    {
        lock (_writer)
        {
            var transaction = new RecordedChange(Store, _blankNodePrefix);
            var outcome = change(transaction);
            if (!outcome.Success || transaction.IsEmpty) return outcome;
            if (_log is not null)
            {
                _log.Append(transaction.ToChangeSet().Encode());
                transaction.Commit();
                if (_log.Length >= _options.SnapshotAfterLogBytes) TrySnapshot();
            }
            else transaction.Commit();
            return outcome;
        }
    }

    /// <summary>Why the last automatic snapshot failed (disk full…); null once one succeeds. The log still holds every change.</summary>
    public string? SnapshotFailure { get; private set; }

    /// <summary>
    /// An automatic snapshot that fails must not fail the change that triggered it: that change is already logged
    /// and published. The log keeps growing until a later attempt succeeds.
    /// </summary>
    private void TrySnapshot()
    {
        try
        {
            WriteSnapshot();
            SnapshotFailure = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            SnapshotFailure = e.Message;
        }
    }

    /// <summary>Writes the whole dataset as the next generation's snapshot and starts its empty log (no-op in memory).</summary>
    public void Snapshot()
    {
        lock (_writer) if (_log is not null) WriteSnapshot();
    }

    private void WriteSnapshot()
    {
        long next = _generation + 1;
        var target = SnapshotPath(next);
        var temporary = target + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                using (var writer = new StreamWriter(file, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
                    RdfWriter.Write(writer, Store.Match(null, null, null, GraphSelector.Any), new RdfWriteOptions { Format = RdfFormat.NQuads });
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        // From here the new snapshot is the recovery point; the old generation's files are no longer needed.
        var newLog = WriteAheadLog.Open(LogPath(next), out _);
        DirectorySync.Flush(_directory!);
        var oldLog = _log;
        _log = newLog;
        long previous = _generation;
        _generation = next;
        oldLog?.Dispose();
        File.Delete(LogPath(previous));
        File.Delete(SnapshotPath(previous));
    }

    private string SnapshotPath(long generation) => Path.Combine(_directory!, $"snapshot-{generation.ToString("D8", CultureInfo.InvariantCulture)}.nq");

    private string LogPath(long generation) => Path.Combine(_directory!, $"wal-{generation.ToString("D8", CultureInfo.InvariantCulture)}.log");

    /// <summary>G of snapshot-G.nq or wal-G.log; -1 for other names.</summary>
    private static long GenerationOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        int dash = name.IndexOf('-');
        return dash > 0 && name[..dash] is "snapshot" or "wal"
            && long.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long g) ? g : -1;
    }

    public void Dispose()
    {
        lock (_writer)
        {
            _log?.Dispose();
            _log = null;
            _lock?.Dispose();
        }
    }
}
