using System.Buffers;
using System.Text.Unicode;

namespace GuidelineGraph.Rdf.Io.Syntax;

/// <summary>Where the lexer's characters come from.</summary>
internal abstract class CharSource
{
    /// <summary>Fills <paramref name="destination"/>; 0 means the end (or an invalid UTF-8 sequence, see <see cref="InvalidUtf8"/>).</summary>
    public abstract int Read(Span<char> destination);

    /// <summary>Set when reading stopped at bytes that are not UTF-8.</summary>
    public bool InvalidUtf8 { get; protected set; }
}

internal sealed class TextReaderSource(TextReader reader) : CharSource
{
    public override int Read(Span<char> destination) => reader.Read(destination);
}

internal sealed class StringSource(string text) : CharSource
{
    private int _position;

    public override int Read(Span<char> destination)
    {
        int n = Math.Min(destination.Length, text.Length - _position);
        text.AsSpan(_position, n).CopyTo(destination);
        _position += n;
        return n;
    }
}

/// <summary>Strict UTF-8 decoding: stops before the first invalid sequence so the lexer can report where.</summary>
internal sealed class Utf8StreamSource(Stream stream) : CharSource
{
    private readonly byte[] _bytes = new byte[1 << 16];
    private int _start, _end;
    private bool _streamEnded;

    public override int Read(Span<char> destination)
    {
        if (InvalidUtf8) return 0;
        while (true)
        {
            if (_end - _start < 4 && !_streamEnded)
            {
                if (_start > 0)
                {
                    Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }
                int n = stream.Read(_bytes, _end, _bytes.Length - _end);
                if (n == 0) _streamEnded = true;
                _end += n;
            }
            if (_start == _end) return 0;
            var status = Utf8.ToUtf16(_bytes.AsSpan(_start, _end - _start), destination, out int read, out int written,
                replaceInvalidSequences: false, isFinalBlock: _streamEnded);
            _start += read;
            if (written > 0) return written;
            switch (status)
            {
                case OperationStatus.InvalidData:
                    InvalidUtf8 = true;
                    return 0;
                case OperationStatus.NeedMoreData when _streamEnded:
                    InvalidUtf8 = true;
                    return 0;
                case OperationStatus.DestinationTooSmall when destination.Length < 2:
                    throw new ArgumentException("Destination too small for a surrogate pair.", nameof(destination));
            }
            // NeedMoreData with the stream still open: loop to read more bytes.
            if (status == OperationStatus.NeedMoreData && _start > 0)
            {
                Buffer.BlockCopy(_bytes, _start, _bytes, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (status == OperationStatus.NeedMoreData)
            {
                int n = stream.Read(_bytes, _end, _bytes.Length - _end);
                if (n == 0) _streamEnded = true;
                _end += n;
            }
        }
    }
}
