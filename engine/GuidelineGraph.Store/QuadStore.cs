using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Store;

/// <summary>
/// A dictionary-encoded in-memory RDF dataset. One writer at a time (writes serialize on a lock);
/// readers take a <see cref="StoreSnapshot"/> and never block or see a half-applied change.
/// Bulk loads sort each permutation once; single changes go to a small delta, merged into the sorted
/// base once the delta outgrows about the square root of the base (so both costs stay amortized small).
/// </summary>
public sealed class QuadStore
{
    private const int BatchSize = 8192;
    private readonly Lock _writer = new();
    private volatile StoreSnapshot _current;

    public QuadStore()
    {
        Terms = new TermDictionary();
        _current = new StoreSnapshot(Terms, QuadIndex.Empty, QuadIndex.Empty, QuadIndex.Empty, 0);
    }

    public TermDictionary Terms { get; }

    /// <summary>The latest published state.</summary>
    public StoreSnapshot Snapshot() => _current;

    public long Count => _current.Count;

    public IEnumerable<Quad> Match(Term? subject, Iri? predicate, Term? @object, GraphSelector graph) =>
        _current.Match(subject, predicate, @object, graph);

    /// <summary>
    /// Adds many quads at once: terms are encoded on one core while the source (typically a parser)
    /// runs on another, then every permutation is sorted once. Returns the number of quads read
    /// (duplicates included). Exceptions of the source (syntax, I/O) propagate and leave the store unchanged.
    /// </summary>
    public long Load(IEnumerable<Quad> quads, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        lock (_writer)
        {
            var keys = EncodeAll(quads, progress, ct, out int length);
            Terms.TrimExcess();
            var current = _current;
            if (length >= current.Count / 4)
            {
                // Big relative to what is there: sort everything once rather than grow a delta.
                var existing = current.Added.Count + current.Removed.Count == 0 ? current.Base : Compacted(current).Base;
                if (existing.Count > 0)
                {
                    var all = new Key4[existing.Count + length];
                    existing.Gspo.CopyKeysTo(all);
                    Array.Copy(keys, 0, all, existing.Count, length);
                    keys = all;
                }
                var index = QuadIndex.Build(keys, existing.Count + length, parallel: true);
                Publish(new StoreSnapshot(Terms, index, QuadIndex.Empty, QuadIndex.Empty, current.Version + 1));
            }
            else
            {
                var adds = new List<IdQuad>(length);
                for (int i = 0; i < length; i++) { var k = keys[i]; adds.Add(new IdQuad(k.B, k.C, k.D, k.A)); }
                ApplyLocked([], adds);
            }
            return length;
        }
    }

    /// <summary>
    /// Gives an empty store the quads of <paramref name="index"/>, whose ids are already this store's (a restored
    /// binary snapshot: the dictionary was rebuilt in id order, and the reader checked every id).
    /// </summary>
    internal void Restore(QuadIndex index)
    {
        lock (_writer)
        {
            if (_current.Count != 0) throw new InvalidOperationException("only an empty store can be restored from a snapshot");
            Publish(new StoreSnapshot(Terms, index, QuadIndex.Empty, QuadIndex.Empty, _current.Version + 1));
        }
    }

    private Key4[] EncodeAll(IEnumerable<Quad> quads, IProgress<long>? progress, CancellationToken ct, out int length)
    {
        // The source runs on a worker thread and hands over batches; this thread interns terms.
        using var batches = new BlockingCollection<Quad[]>(boundedCapacity: 8);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new Quad[BatchSize];
                int n = 0;
                foreach (var q in quads)
                {
                    batch[n++] = q;
                    if (n == BatchSize)
                    {
                        batches.Add(batch, ct);
                        batch = new Quad[BatchSize];
                        n = 0;
                    }
                }
                if (n > 0) batches.Add(batch[..n], ct);
            }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally { batches.CompleteAdding(); }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var keys = new Key4[BatchSize * 4];
        var ids = new IdQuad[BatchSize];
        length = 0;
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(ct))
            {
                Terms.Encode(batch, ids);
                if (length + batch.Length > keys.Length) Array.Resize(ref keys, Math.Max(keys.Length * 2, length + batch.Length));
                for (int i = 0; i < batch.Length; i++) keys[length + i] = Permutation.Gspo.ToKey(ids[i]);
                length += batch.Length;
                progress?.Report(length);
            }
        }
        finally
        {
            // Unblocks a producer stuck on a full queue when this side stopped early.
            if (!producer.IsCompleted) { while (batches.TryTake(out _)) { } }
            producer.Wait(CancellationToken.None);
        }
        failure?.Throw();
        ct.ThrowIfCancellationRequested();
        return keys;
    }

    public bool Add(Quad quad) => Apply([], [quad]).Added == 1;

    public bool Remove(Quad quad) => Apply([quad], []).Removed == 1;

    /// <summary>
    /// Removes then adds, atomically: readers see all of it or none. Returns how many quads actually
    /// left and entered the dataset.
    /// </summary>
    public (int Removed, int Added) Apply(IEnumerable<Quad> remove, IEnumerable<Quad> add)
    {
        lock (_writer)
        {
            var current = _current;
            var removeIds = new List<IdQuad>();
            foreach (var q in remove)
                if (current.TryEncode(q, out var ids)) removeIds.Add(ids);
            var addIds = new List<IdQuad>();
            foreach (var q in add)
            {
                addIds.Add(new IdQuad(Terms.GetOrAdd(q.Subject), Terms.GetOrAdd(q.Predicate), Terms.GetOrAdd(q.Object),
                    q.Graph is null ? TermIds.DefaultGraph : Terms.GetOrAdd(q.Graph)));
            }
            return ApplyLocked(removeIds, addIds);
        }
    }

    /// <summary>The id-level <see cref="Apply(IEnumerable{Quad}, IEnumerable{Quad})"/>; ids come from <see cref="Terms"/>.</summary>
    public (int Removed, int Added) Apply(IReadOnlyCollection<IdQuad> remove, IReadOnlyCollection<IdQuad> add)
    {
        lock (_writer) return ApplyLocked(remove, add);
    }

    private (int Removed, int Added) ApplyLocked(IEnumerable<IdQuad> remove, IEnumerable<IdQuad> add)
    {
        var s = _current;
        // Invariants: Removed ⊆ Base, Added ∩ Base = ∅.
        var removed = new HashSet<IdQuad>(s.Removed.Quads());
        var added = new HashSet<IdQuad>(s.Added.Quads());
        int nRemoved = 0, nAdded = 0;
        foreach (var q in remove)
        {
            if (added.Remove(q)) nRemoved++;
            else if (s.Base.Contains(q) && removed.Add(q)) nRemoved++;
        }
        foreach (var q in add)
        {
            if (q.S <= 0 || q.P <= 0 || q.O <= 0 || q.G < 0 || q.S >= Terms.Count || q.P >= Terms.Count || q.O >= Terms.Count || q.G >= Terms.Count)
                throw new ArgumentException($"quad {q} holds ids this store's dictionary never handed out", nameof(add));
            if (removed.Remove(q)) nAdded++;
            else if (!s.Base.Contains(q) && added.Add(q)) nAdded++;
        }
        if (nRemoved == 0 && nAdded == 0) return (0, 0);
        var next = new StoreSnapshot(Terms, s.Base, QuadIndex.BuildLike(s.Base, removed), QuadIndex.BuildLike(s.Base, added), s.Version + 1);
        if (removed.Count + added.Count > CompactionThreshold(s.Base.Count)) next = Compacted(next);
        Publish(next);
        return (nRemoved, nAdded);
    }

    /// <summary>Merges the delta into the sorted base now (otherwise done when the delta grows).</summary>
    public void Compact()
    {
        lock (_writer) Publish(Compacted(_current));
    }

    private StoreSnapshot Compacted(StoreSnapshot s) =>
        new(Terms, s.Base.Merge(s.Removed, s.Added), QuadIndex.Empty, QuadIndex.Empty, s.Version + 1);

    internal static int CompactionThreshold(int baseCount) => Math.Max(256, (int)Math.Sqrt(baseCount) * 2);

    private void Publish(StoreSnapshot next) => _current = next;
}
