using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Store.Durable;

/// <summary>
/// The net effect of one update: quads that left and quads that entered the dataset. As a log record it is
/// UTF-8 text: the number of removed quads on the first line, then the removed and the added quads as N-Quads.
/// </summary>
public sealed record ChangeSet(IReadOnlyList<Quad> Removed, IReadOnlyList<Quad> Added)
{
    public bool IsEmpty => Removed.Count == 0 && Added.Count == 0;

    public byte[] Encode()
    {
        var text = new StringWriter { NewLine = "\n" };
        text.WriteLine(Removed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        RdfWriter.Write(text, Removed.Concat(Added), new RdfWriteOptions { Format = RdfFormat.NQuads });
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads a record written by <see cref="Encode"/>; a record that passed its checksum but does not parse is a bug or tampering, so it throws.</summary>
    public static ChangeSet Decode(byte[] record)
    {
        var text = Encoding.UTF8.GetString(record);
        int newline = text.IndexOf('\n');
        if (newline < 0 || !int.TryParse(text.AsSpan(0, newline), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int removed))
            throw new InvalidDataException("a log record does not start with its count of removed quads");
        var quads = RdfReader.Read(new StringReader(text[(newline + 1)..]), new RdfReadOptions { Format = RdfFormat.NQuads }).ToList();
        if (removed > quads.Count) throw new InvalidDataException($"a log record announces {removed} removed quads but holds {quads.Count}");
        return new ChangeSet(quads.GetRange(0, removed), quads.GetRange(removed, quads.Count - removed));
    }
}
