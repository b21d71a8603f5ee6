using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Store.Durable;

public sealed record DurableStoreOptions
{
    public static readonly DurableStoreOptions Default = new();

    /// <summary>Start a new log and write a snapshot in the background once the log holds this many bytes.</summary>
    public long SnapshotAfterLogBytes { get; init; } = 64L << 20;
}

/// <summary>
/// What opening a store found: the log generation it appends to, the snapshot it loaded (null when none) and its
/// size, replayed log records, and a dropped torn tail.
/// </summary>
public sealed record StoreRecovery(long Generation, long SnapshotQuads, int LogRecords, long DroppedBytes, string? DropReason, bool Created,
    string? SnapshotFile = null);

/// <summary>
/// The one writer of a <see cref="QuadStore"/>, with group commit. Each change runs alone against the transaction of
/// its group, in arrival order; the group's net effects are appended to the write-ahead log with one fsync, and only
/// then published to readers and acknowledged. Changes that arrive while an fsync is in flight wait and form the
/// next group, so concurrent writers share fsyncs. A failed change is taken back out of its group alone and touches
/// neither memory nor log. Without a directory the log is skipped (an in-memory store with the same atomicity).
/// On disk: <c>wal-G.log</c>, one log per generation G, and <c>snapshot-G.snap</c>, the dataset when log G began
/// (<see cref="BinarySnapshot"/>). When a log grows past <see cref="DurableStoreOptions.SnapshotAfterLogBytes"/>,
/// the next log starts at once and the snapshot of that moment is written in the background from an immutable view
/// while changes go on; the older snapshot and logs are deleted only once the new snapshot is durable. Opening
/// loads the newest snapshot and replays every log from its generation on. A <c>snapshot-G.nq</c> (N-Quads, the
/// format before binary snapshots) is still read, and replaced by the first binary one.
/// </summary>
public sealed class DurableStore : IDisposable
{
    private const string LockName = "LOCK", TextSnapshotExtension = ".nq";
    private readonly Lock _commit = new();
    // Guards the queue and the leader flag; followers Monitor.Wait on it for their group (System.Threading.Lock cannot be waited on).
    private readonly object _queueLock = new();
    private bool _leading;
    private List<PendingChange> _queue = [];
    private readonly string? _directory;
    private readonly DurableStoreOptions _options;
    private readonly FileStream? _lock;
    private readonly string _blankNodePrefix = "u" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + "_";
    private readonly CancellationTokenSource _closing = new();
    private WriteAheadLog? _log;
    private long _generation;
    // Copies of the log's generation and length for readers (/health) that must not wait behind a group's fsync.
    private long _publishedGeneration, _logBytes;
    private long _snapshotGeneration = -1;
    private Task _snapshotting = Task.CompletedTask;
    private bool _disposed;
    private long _loggedGroups;

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

    /// <summary>The generation of the log that changes go to now.</summary>
    public long Generation => Interlocked.Read(ref _publishedGeneration);

    /// <summary>The generation of the newest durable snapshot; -1 when there is none.</summary>
    public long SnapshotGeneration => Interlocked.Read(ref _snapshotGeneration);

    /// <summary>Bytes in the current log (0 in memory).</summary>
    public long LogBytes => Interlocked.Read(ref _logBytes);

    /// <summary>Whether a snapshot is being written in the background now.</summary>
    public bool IsSnapshotting => !Volatile.Read(ref _snapshotting).IsCompleted;

    /// <summary>Changes waiting for the group in flight to finish.</summary>
    public int PendingChanges
    {
        get { lock (_queueLock) return _queue.Count; }
    }

    /// <summary>Groups written to the log so far by this process: one fsync each.</summary>
    public long LoggedGroups => Interlocked.Read(ref _loggedGroups);

    /// <summary>Why the last snapshot failed (disk full…); null once one succeeds. The logs still hold every change.</summary>
    public string? SnapshotFailure { get; private set; }

    public static DurableStore InMemory(QuadStore store) => new(store, null, DurableStoreOptions.Default, null);

    /// <summary>Whether <paramref name="directory"/> already holds a store: a snapshot, or a log with records.</summary>
    public static bool Exists(string directory) =>
        System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFiles(directory).Any(f => FileOf(f) switch
        {
            (StoreFile.Snapshot or StoreFile.TextSnapshot, _) => true,
            (StoreFile.Log, _) => new FileInfo(f).Length > 0,
            _ => false,
        });

    /// <summary>
    /// Opens or creates the store in <paramref name="directory"/>, locked against a second process until disposed.
    /// To seed a new one (<see cref="StoreRecovery.Created"/>), load into <see cref="Store"/> and call <see cref="Snapshot"/>.
    /// A damaged snapshot or a damaged log that later logs follow throws <see cref="InvalidDataException"/> naming the
    /// file and offset: the store does not start on a silently shortened dataset.
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
        bool created = !Exists(dir);
        var files = System.IO.Directory.EnumerateFiles(dir).Select(f => (Path: f, File: FileOf(f))).Where(f => f.File.Kind != StoreFile.Other).ToList();
        // The binary snapshot wins over a text one of the same generation: it can only have been written later.
        var snapshots = files.Where(f => f.File.Kind is StoreFile.Snapshot or StoreFile.TextSnapshot)
            .OrderByDescending(f => f.File.Generation).ThenBy(f => f.File.Kind).ToList();
        long snapshotQuads = 0;
        string? snapshotFile = null;
        if (snapshots.Count > 0)
        {
            var (path, (kind, generation)) = snapshots[0];
            _snapshotGeneration = generation;
            snapshotFile = Path.GetFileName(path);
            if (kind == StoreFile.Snapshot) snapshotQuads = BinarySnapshot.Read(path, Store, ct).Quads;
            else
            {
                using var reader = new StreamReader(path, Encoding.UTF8);
                snapshotQuads = Store.Load(RdfReader.Read(reader, new RdfReadOptions { Format = RdfFormat.NQuads }, ct), ct: ct);
            }
        }
        long first = Math.Max(_snapshotGeneration, 0);
        var logs = files.Where(f => f.File.Kind == StoreFile.Log && f.File.Generation >= first).OrderBy(f => f.File.Generation).ToList();
        // Each record's removed quads were present and its added ones absent when it was written, so the records
        // fold exactly into one net change, applied with one sort instead of one delta rebuild per record.
        var removed = new HashSet<Quad>();
        var added = new HashSet<Quad>();
        int records = 0;
        LogTail tail = new(0, 0, 0, null);
        for (int i = 0; i < logs.Count; i++)
        {
            var (path, (_, generation)) = logs[i];
            if (generation != first + i)
                throw new InvalidDataException($"{LogPath(first + i)} is missing while {Path.GetFileName(path)} follows it: the changes it held are lost; the store does not start (restore the file from a backup)");
            tail = WriteAheadLog.ReadAll(path, record =>
            {
                var change = ChangeSet.Decode(record);
                foreach (var q in change.Removed) if (!added.Remove(q)) removed.Add(q);
                foreach (var q in change.Added) if (!removed.Remove(q)) added.Add(q);
            });
            records += tail.Records;
            // Only the last log can end in a torn record: a crash cuts the log being written, never an older one.
            if (tail.DroppedBytes > 0 && i < logs.Count - 1)
                throw new InvalidDataException($"{path}: damaged log at byte offset {tail.ValidBytes} ({tail.Reason}) with later logs after it; the store does not start rather than lose acknowledged changes (restore the file from a backup)");
        }
        Store.Apply(removed, added);
        _generation = logs.Count > 0 ? logs[^1].File.Generation : first;
        _log = WriteAheadLog.Open(LogPath(_generation), out _);
        PublishLogState();
        DirectorySync.Flush(dir);
        DeleteBefore(first);
        return new StoreRecovery(_generation, snapshotQuads, records, tail.DroppedBytes, tail.Reason, created, snapshotFile);
    }

    /// <summary>Runs an update request as one change.</summary>
    public UpdateOutcome Update(UpdateRequest request, QueryOptions? options = null, CancellationToken ct = default) =>
        Change(dataset => UpdateEvaluator.Execute(request, dataset, options, ct));

    /// <summary>
    /// Runs <paramref name="change"/> in the next group and returns once the group is durable and published (or the
    /// change failed). The change is committed when its outcome has no error; an exception it throws is rethrown here.
    /// The Graph Store Protocol and SPARQL Update both go through here.
    /// </summary>
    public UpdateOutcome Change(Func<IUpdatableDataset, UpdateOutcome> change)
    {
        var request = new PendingChange(change);
        bool lead;
        lock (_queueLock)
        {
            _queue.Add(request);
            // A follower sleeps until the leader has committed its group (then it is done), or until nobody leads
            // (then it leads the next group, which holds its own change).
            while (!request.Done && _leading) Monitor.Wait(_queueLock);
            lead = !request.Done;
            if (lead) _leading = true;
        }
        if (lead)
        {
            try
            {
                lock (_commit) CommitGroup();
            }
            finally
            {
                lock (_queueLock)
                {
                    _leading = false;
                    Monitor.PulseAll(_queueLock);
                }
            }
        }
        request.Failure?.Throw();
        return request.Outcome!;
    }

    /// <summary>Runs, logs (one fsync) and publishes every change queued so far; called by the one leader under the commit lock.</summary>
    private void CommitGroup()
    {
        List<PendingChange> group;
        lock (_queueLock) (group, _queue) = (_queue, []);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var transaction = new StoreTransaction(Store);
            var records = new List<byte[]>(group.Count);
            foreach (var request in group) request.Run(transaction, _blankNodePrefix, records);
            if (records.Count == 0) return;
            if (_log is not null)
            {
                _log.Append(records);
                PublishLogState();
                Interlocked.Increment(ref _loggedGroups);
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // The log or the store refused the group: none of its changes is acknowledged, none published.
            var failure = ExceptionDispatchInfo.Capture(e);
            foreach (var request in group) request.FailIfCommitting(failure);
        }
        finally
        {
            foreach (var request in group) request.Done = true;
        }
        if (_log is not null && _log.Length >= _options.SnapshotAfterLogBytes && !IsSnapshotting)
        {
            // The group is durable and acknowledged: a log that cannot be started (disk full…) must not fail it.
            // The current log keeps growing until a later attempt succeeds.
            try { StartSnapshot(); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { SnapshotFailure = e.Message; }
        }
    }

    /// <summary>
    /// Writes the dataset as a snapshot and waits until it is durable (no-op in memory): the store starts from it
    /// next time. Changes go on meanwhile, into the next log.
    /// </summary>
    public void Snapshot()
    {
        Task running;
        lock (_commit)
        {
            if (_log is null) return;
            running = _snapshotting;
        }
        // One snapshot at a time: wait for a background one (its failure is not this call's), then take a fresh one.
        try { running.Wait(); }
        catch (AggregateException) { }
        Task mine;
        lock (_commit)
        {
            if (_log is null) return;
            mine = IsSnapshotting ? _snapshotting : StartSnapshot();
        }
        mine.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Starts the next log and, in the background, the snapshot of this moment (called under the commit lock, so the
    /// view holds exactly the changes of the older logs). Returns the snapshot's task.
    /// </summary>
    private Task StartSnapshot()
    {
        var view = Store.Snapshot();
        int termIds = Store.Terms.Count;
        long next = _generation + 1;
        var newLog = WriteAheadLog.Open(LogPath(next), out _);
        try { DirectorySync.Flush(_directory!); }
        catch
        {
            newLog.Dispose();
            throw;
        }
        _log!.Dispose();
        _log = newLog;
        _generation = next;
        PublishLogState();
        var ct = _closing.Token;
        var task = Task.Run(() => WriteSnapshot(next, view, termIds, ct), CancellationToken.None);
        Volatile.Write(ref _snapshotting, task);
        return task;
    }

    private void PublishLogState()
    {
        Interlocked.Exchange(ref _publishedGeneration, _generation);
        Interlocked.Exchange(ref _logBytes, _log?.Length ?? 0);
    }

    private void WriteSnapshot(long generation, StoreSnapshot view, int termIds, CancellationToken ct)
    {
        try
        {
            BinarySnapshot.Write(SnapshotPath(generation), view, termIds, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The logs since the previous snapshot are all still there, so nothing is lost; a later snapshot retries.
            SnapshotFailure = e.Message;
            throw;
        }
        SnapshotFailure = null;
        Interlocked.Exchange(ref _snapshotGeneration, generation);
        // From here the new snapshot is the recovery point: older snapshots and logs are no longer needed.
        DeleteBefore(generation);
    }

    private void DeleteBefore(long generation)
    {
        foreach (var old in System.IO.Directory.EnumerateFiles(_directory!))
            if (FileOf(old) is { Kind: not StoreFile.Other, Generation: var g } && g < generation) File.Delete(old);
    }

    private string SnapshotPath(long generation) => Path.Combine(_directory!, $"snapshot-{Number(generation)}{BinarySnapshot.Extension}");

    private string LogPath(long generation) => Path.Combine(_directory!, $"wal-{Number(generation)}.log");

    private static string Number(long generation) => generation.ToString("D8", CultureInfo.InvariantCulture);

    private enum StoreFile { Snapshot, TextSnapshot, Log, Other }

    /// <summary>What a file of the store directory is: snapshot-G.snap, snapshot-G.nq, wal-G.log, or something else.</summary>
    private static (StoreFile Kind, long Generation) FileOf(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        int dash = stem.IndexOf('-');
        if (dash < 0 || !long.TryParse(stem.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long g)) return (StoreFile.Other, -1);
        return (stem[..dash], extension) switch
        {
            ("snapshot", BinarySnapshot.Extension) => (StoreFile.Snapshot, g),
            ("snapshot", TextSnapshotExtension) => (StoreFile.TextSnapshot, g),
            ("wal", ".log") => (StoreFile.Log, g),
            _ => (StoreFile.Other, -1),
        };
    }

    public void Dispose()
    {
        lock (_commit)
        {
            if (_disposed) return;
            _disposed = true;
            _closing.Cancel();
            _log?.Dispose();
            _log = null;
        }
        // A cancelled snapshot deletes its temporary file; the logs keep what it would have held. The directory
        // stays locked until it has.
        try { _snapshotting.Wait(); }
        catch (AggregateException) { }
        _lock?.Dispose();
        _closing.Dispose();
    }

    /// <summary>A change waiting for its group, then what came of it.</summary>
    private sealed class PendingChange(Func<IUpdatableDataset, UpdateOutcome> change)
    {
        private bool _logged;

        /// <summary>Set by the leader before it wakes the followers; read under the queue lock.</summary>
        public bool Done { get; set; }
        public UpdateOutcome? Outcome { get; private set; }
        public ExceptionDispatchInfo? Failure { get; private set; }

        /// <summary>Runs the change against the group's transaction; a failed one is rolled back alone.</summary>
        public void Run(StoreTransaction transaction, string blankNodePrefix, List<byte[]> records)
        {
            var recorded = new RecordedChange(transaction, blankNodePrefix);
            try
            {
                Outcome = change(recorded);
                if (!Outcome.Success) recorded.Rollback();
                else if (!recorded.IsEmpty)
                {
                    records.Add(recorded.ToChangeSet().Encode());
                    _logged = true;
                }
            }
            catch (Exception e)
            {
                // The leader runs other writers' changes: an exception belongs to the change's own caller.
                recorded.Rollback();
                Failure = ExceptionDispatchInfo.Capture(e);
            }
        }

        /// <summary>The group failed to commit: a change that would have been logged fails with it.</summary>
        public void FailIfCommitting(ExceptionDispatchInfo failure)
        {
            if (Failure is null && (_logged || Outcome is null)) Failure = failure;
        }
    }
}
