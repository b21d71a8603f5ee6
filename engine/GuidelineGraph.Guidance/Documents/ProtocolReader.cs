using System.Text;

namespace GuidelineGraph.Guidance.Documents;

/// <summary>Reads a protocol file by its extension (.docx is Word, anything else Markdown); never throws on bad input.</summary>
public static class ProtocolReader
{
    private const long MaxBytes = 64L * 1024 * 1024;

    public static ProtocolReadResult ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Failed(path, Directory.Exists(path) ? "is a directory, not a protocol file" : "file not found");
            if (info.Length > MaxBytes) return Failed(path, $"file is larger than {MaxBytes / (1024 * 1024)} MB");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, "cannot read: " + e.Message);
        }
        return Read(bytes, path);
    }

    /// <summary>Reads the bytes of a protocol; <paramref name="path"/> names it in errors and chooses the format.</summary>
    public static ProtocolReadResult Read(byte[] bytes, string path)
    {
        if (path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) return WordProtocolReader.Read(bytes, path);
        return DecodeText(bytes, path, out string? text, out DocumentError? error)
            ? MarkdownProtocolReader.Read(text!, path)
            : new ProtocolReadResult(null, [error!]);
    }

    /// <summary>Strict UTF-8 (BOM allowed); a NUL byte or an invalid sequence means a binary file, reported at its position.</summary>
    internal static bool DecodeText(byte[] bytes, string path, out string? text, out DocumentError? error)
    {
        text = null;
        error = null;
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4)
        {
            error = new DocumentError(path, null, "binary file (a ZIP package, perhaps a .docx with another extension), not a Markdown protocol");
            return false;
        }
        int nul = Array.IndexOf(bytes, (byte)0);
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        int invalid = -1;
        if (nul < 0)
        {
            try
            {
                text = decoder.GetString(bytes, bom, bytes.Length - bom);
                return true;
            }
            catch (DecoderFallbackException e)
            {
                invalid = bom + Math.Max(0, e.Index);
            }
        }
        int at = nul >= 0 ? nul : invalid;
        // Position of the offending byte: count lines and UTF-16 columns in the valid prefix.
        string prefix = new UTF8Encoding(false, false).GetString(bytes, bom, Math.Max(0, at - bom));
        var lines = new LineMap(prefix);
        var position = lines.Position(prefix.Length);
        error = new DocumentError(path, new SourceSpan(position, position),
            nul >= 0 ? "binary file (NUL byte), not a Markdown protocol" : "binary file or not UTF-8 (invalid byte sequence)");
        return false;
    }

    private static ProtocolReadResult Failed(string path, string message) => new(null, [new DocumentError(path, null, message)]);
}
