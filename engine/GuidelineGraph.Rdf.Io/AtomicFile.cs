namespace GuidelineGraph.Rdf.Io;

/// <summary>
/// A file written under a temporary name in the target's directory, renamed over the target only by
/// <see cref="Commit"/>; disposing without committing deletes the temporary file. So a reader of the
/// target sees the old content or the complete new one, never a partial result.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private bool _committed;

    public AtomicFile(string target)
    {
        _target = Path.GetFullPath(target);
        var directory = Path.GetDirectoryName(_target)!;
        _temporary = Path.Combine(directory, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public Stream Stream { get; }

    public void Commit()
    {
        Stream.Flush();
        Stream.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Stream.Dispose();
        try { File.Delete(_temporary); }
        catch (IOException) { } // the temporary is ours and hidden; failing to remove it must not mask the real error
    }
}
