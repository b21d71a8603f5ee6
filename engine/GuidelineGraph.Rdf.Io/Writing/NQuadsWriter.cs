using GuidelineGraph.Rdf.Io.Syntax;

namespace GuidelineGraph.Rdf.Io.Writing;

internal static class NQuadsWriter
{
    public static void Write(TextWriter output, IEnumerable<Quad> quads, bool withGraphs)
    {
        var labels = new BlankNodeLabels();
        foreach (var q in quads)
        {
            if (q.Graph is not null && !withGraphs)
                throw new ArgumentException($"N-Triples has no named graphs, but a quad is in graph {q.Graph}.", nameof(quads));
            WriteTerm(output, q.Subject, labels);
            output.Write(' ');
            WriteTerm(output, q.Predicate, labels);
            output.Write(' ');
            WriteTerm(output, q.Object, labels);
            if (q.Graph is not null)
            {
                output.Write(' ');
                WriteTerm(output, q.Graph, labels);
            }
            output.Write(" .\n");
        }
    }

    public static void WriteTerm(TextWriter output, Term term, BlankNodeLabels labels)
    {
        if (term is BlankNode b)
        {
            output.Write("_:");
            output.Write(labels.Label(b));
        }
        else output.Write(term.ToString());
    }
}

/// <summary>Blank node ids as valid labels: a valid id is kept, any other is hex-encoded.</summary>
internal sealed class BlankNodeLabels
{
    public string Label(BlankNode node) => IsValidLabel(node.Id) ? node.Id : Encode(node.Id);

    private static string Encode(string id)
    {
        var sb = new System.Text.StringBuilder("x_", 2 + id.Length * 4);
        foreach (char c in id) sb.Append(((int)c).ToString("x4"));
        return sb.ToString();
    }

    /// <summary>BLANK_NODE_LABEL without the "_:" (ASCII subset plus the grammar's other name characters).</summary>
    public static bool IsValidLabel(string id)
    {
        if (id.Length == 0) return false;
        for (int i = 0; i < id.Length; i++)
        {
            char c = id[i];
            if (char.IsSurrogate(c)) return false;
            bool ok = i == 0 ? CharClass.IsPnCharsU(c) || char.IsAsciiDigit(c) : CharClass.IsPnChars(c) || (c == '.' && i < id.Length - 1);
            if (!ok) return false;
        }
        return true;
    }
}
